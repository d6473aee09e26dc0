"""``minami-desk export referrals --out FILE.csv|FILE.xlsx``."""

from __future__ import annotations

import argparse

from minami_desk.cli.common import CommandContext, say
from minami_desk.i18n import ngettext
from minami_desk.reports.tabular import write_table
from minami_desk.services.referrals import EXPORT_HEADER, export_rows


def run(args: argparse.Namespace, context: CommandContext) -> None:
    rows = export_rows(context.database(), context.actor)
    count = write_table(args.out, EXPORT_HEADER, rows)
    say(
        ngettext(
            "{count} referral exported to {path}.", "{count} referrals exported to {path}.", count
        ).format(count=count, path=args.out)
    )
