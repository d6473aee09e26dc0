"""``minami-desk person-export RESIDENT_ID --out FILE``: inzage as FILE.pdf plus FILE.json."""

from __future__ import annotations

import argparse
from pathlib import Path

from minami_desk.cli.common import CommandContext, say
from minami_desk.i18n import _
from minami_desk.services.privacy.person_export import write_person_export

ORDER = 95


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "person-export",
        help=_("everything stored about one resident (AVG access request): FILE.pdf and FILE.json"),
    )
    parser.add_argument("resident_id", type=int, metavar="RESIDENT_ID")
    parser.add_argument("--out", required=True, type=Path, metavar=_("FILE"))
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int | None:
    # Works while the window is open (an inzage request may come in at the desk); it changes
    # no record, it only adds its own row to the audit log.
    db = context.database()
    for path in write_person_export(db, context.actor, args.resident_id, args.out):
        say(_("Written: {path}").format(path=path))
    return None
