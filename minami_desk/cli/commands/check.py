"""``minami-desk check``: integrity, foreign keys and schema revision; non-zero on any fault."""

from __future__ import annotations

import argparse

from minami_desk.cli.common import EXIT_FAILURE, CommandContext, say
from minami_desk.i18n import _
from minami_desk.services.health import run_checks

ORDER = 90


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check", help=_("check the database (integrity, links, schema version)")
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int:
    if not context.paths.database.exists():
        # A new data dir: create the database as every other command would, then check it.
        context.database()
        context.close()
    report = run_checks(context.paths)
    for line in report.lines:
        say(line)
    return 0 if report.ok else EXIT_FAILURE
