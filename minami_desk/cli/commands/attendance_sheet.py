"""``minami-desk attendance-sheet SESSION_ID --out FILE.pdf``: print the presentielijst."""

from __future__ import annotations

import argparse
from pathlib import Path

from minami_desk.cli.common import CommandContext, CommandFailed, say
from minami_desk.i18n import _
from minami_desk.services.sessions.export import save_attendance_sheet

ORDER = 55


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "attendance-sheet", help=_("make the attendance sheet (PDF) of one session")
    )
    parser.add_argument("session_id", type=int, metavar="SESSION_ID")
    parser.add_argument("--out", required=True, type=Path, metavar=_("FILE"))
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> None:
    if args.out.suffix.lower() != ".pdf":
        raise CommandFailed(_("The file name must end in .pdf."))
    path = save_attendance_sheet(context.database(), context.actor, args.session_id, args.out)
    say(_("Attendance sheet written to {path}.").format(path=path))
