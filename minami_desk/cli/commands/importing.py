"""``minami-desk import residents FILE.csv|FILE.xlsx [--dry-run]``: all rows or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from minami_desk.cli.common import EXIT_FAILURE, CommandContext, CommandFailed, say
from minami_desk.i18n import _, ngettext
from minami_desk.services.imports import import_residents, report_lines

ORDER = 35


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help=_("import residents from a CSV or Excel file"))
    parser.add_argument("what", choices=("residents",))
    parser.add_argument("file", type=Path, metavar=_("FILE"))
    parser.add_argument(
        "--dry-run", action="store_true", help=_("only check the file; store nothing")
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int | None:
    if not args.file.is_file():
        raise CommandFailed(_("File not found: {path}").format(path=args.file))
    db = context.database(write=not args.dry_run)
    report = import_residents(db, context.actor, args.file, dry_run=args.dry_run)
    for line in report_lines(report):
        say(line)
    if report.faulty:
        say(
            ngettext(
                "{count} row has errors; nothing was imported.",
                "{count} rows have errors; nothing was imported.",
                len(report.faulty),
            ).format(count=len(report.faulty))
        )
        return EXIT_FAILURE
    if args.dry_run:
        say(
            _(
                "Check done: {valid} of {rows} rows can be imported "
                "({duplicates} skipped as already known)."
            ).format(
                valid=report.valid_rows - len(report.duplicates),
                rows=report.rows,
                duplicates=len(report.duplicates),
            )
        )
    else:
        say(
            ngettext(
                "{count} resident imported.", "{count} residents imported.", report.imported
            ).format(count=report.imported)
        )
    return None
