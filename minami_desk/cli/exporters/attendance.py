"""``minami-desk export attendance --out FILE.csv|FILE.xlsx``: one row per resident per session."""

from __future__ import annotations

import argparse

from minami_desk.cli.common import CommandContext, say
from minami_desk.i18n import _
from minami_desk.services.sessions.export import export_attendance


def run(args: argparse.Namespace, context: CommandContext) -> None:
    count = export_attendance(context.database(), context.actor, args.out)
    say(_("{count} rows written to {path}.").format(count=count, path=args.out))
