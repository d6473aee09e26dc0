"""``minami-desk restore FILE``: put a backup back; the current database is kept as a copy.

A writing command: it refuses while the window is open (it takes the instance lock), but it
does not open the current database first, so it also rescues a damaged one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minami_desk.cli.common import CommandContext, say
from minami_desk.cli.passphrase import get_passphrase
from minami_desk.i18n import _
from minami_desk.services.restore import is_plain_database, restore_backup

ORDER = 81


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "restore", help=_("replace the database by the contents of a backup file")
    )
    parser.add_argument("file", metavar=_("FILE"), help=_("the backup file"))
    parser.add_argument(
        "--passphrase-file",
        metavar=_("FILE"),
        help=_("read the passphrase from this file (otherwise it is asked)"),
    )
    parser.set_defaults(handler=handle)


def _progress(fraction: float) -> None:
    if sys.stderr.isatty():
        print(f"\r{fraction:4.0%}", end="", file=sys.stderr, flush=True)


def handle(args: argparse.Namespace, context: CommandContext) -> int:
    source = Path(args.file)
    context.hold_lock()
    # An automatic backup is a plain database copy: it has no passphrase to ask for.
    plain = is_plain_database(source)
    passphrase = "" if plain else get_passphrase(args.passphrase_file, confirm=False)
    result = restore_backup(context.paths, source, passphrase, context.actor, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    residents = result.row_counts.get("resident", 0)
    say(_("Backup restored: {count} residents.").format(count=residents))
    if result.migrated:
        say(_("The backup was brought up to date for this version of the program."))
    if result.safety_copy is not None:
        say(_("The database as it was before is kept at: {path}").format(path=result.safety_copy))
    return 0
