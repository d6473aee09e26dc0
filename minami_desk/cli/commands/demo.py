"""``minami-desk demo-data``: fill the database with realistic, fictional people and events."""

from __future__ import annotations

import argparse
import sys

from minami_desk.cli.common import CommandContext, say
from minami_desk.clock import today
from minami_desk.i18n import _

ORDER = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo-data", help=_("fill the database with fictional demo data")
    )
    parser.add_argument("--residents", type=int, default=400, metavar="N")
    parser.add_argument("--months", type=int, default=24, metavar="M")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int:
    if args.residents < 1 or args.months < 1:
        say(_("--residents and --months must be at least 1."))
        return 2
    db = context.database(write=True)
    from minami_desk.services.demo import generate_demo_data

    def progress(fraction: float) -> None:
        if sys.stderr.isatty():
            print(f"\r{fraction:4.0%}", end="", file=sys.stderr, flush=True)

    summary = generate_demo_data(
        db,
        residents=args.residents,
        months=args.months,
        seed=args.seed,
        today=today(),
        progress=progress,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say(
        _(
            "Demo data made: {residents} residents, {sessions} sessions, {attendances} attendances."
        ).format(**summary)
    )
    return 0
