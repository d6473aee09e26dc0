"""``minami-desk list residents|sessions|trajectories``: ';'-separated lines, header first.

Each kind lives in ``cli/listers/<kind>.py`` with ``run(args, context)``, so the sections
that own the data own their listing.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from datetime import date

from minami_desk.cli.common import CommandContext
from minami_desk.i18n import _

ORDER = 20
KINDS = ("residents", "sessions", "trajectories")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date: {value} (write it as 2026-11-27)").format(value=text)
        ) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("list", help=_("list residents, sessions or trajectories"))
    parser.add_argument("what", choices=KINDS)
    parser.add_argument("--search", metavar=_("TEXT"))
    parser.add_argument("--from", dest="date_from", type=iso_date, metavar=_("DATE"))
    parser.add_argument("--to", dest="date_to", type=iso_date, metavar=_("DATE"))
    parser.add_argument("--status", metavar="S")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int | None:
    module = importlib.import_module(f"minami_desk.cli.listers.{args.what}")
    run: Callable[[argparse.Namespace, CommandContext], int | None] = module.run
    return run(args, context)
