"""``minami-desk export residents --out FILE.csv|FILE.xlsx``."""

from __future__ import annotations

import argparse

from minami_desk.cli.common import CommandContext, say
from minami_desk.i18n import ngettext
from minami_desk.services.exports_residents import export_residents


def run(args: argparse.Namespace, context: CommandContext) -> None:
    count = export_residents(context.database(), context.actor, args.out)
    say(
        ngettext(
            "{count} resident exported to {path}.", "{count} residents exported to {path}.", count
        ).format(count=count, path=args.out)
    )
