"""``minami-desk export residents|attendance|referrals --out FILE.csv|FILE.xlsx``.

Each kind lives in ``cli/exporters/<kind>.py`` with ``run(args, context)``.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path

from minami_desk.cli.common import CommandContext, CommandFailed
from minami_desk.i18n import _

ORDER = 40
KINDS = ("residents", "attendance", "referrals")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help=_("export to a CSV or Excel file"))
    parser.add_argument("what", choices=KINDS)
    parser.add_argument("--out", required=True, type=Path, metavar=_("FILE"))
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int | None:
    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise CommandFailed(_("The file name must end in .csv or .xlsx."))
    try:
        module = importlib.import_module(f"minami_desk.cli.exporters.{args.what}")
    except ModuleNotFoundError:
        raise CommandFailed(_("This export is not available yet.")) from None
    run: Callable[[argparse.Namespace, CommandContext], int | None] = module.run
    return run(args, context)
