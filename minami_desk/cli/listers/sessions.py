"""``minami-desk list sessions [--from DATE] [--to DATE]``."""

from __future__ import annotations

import argparse

from minami_desk.cli.common import CommandContext, write_rows
from minami_desk.services.sessions.queries import list_session_rows

HEADER = ["ID", "Datum", "Begintijd", "Titel", "Soort", "Aangemeld", "Aanwezig", "Geannuleerd"]


def run(args: argparse.Namespace, context: CommandContext) -> None:
    rows = list_session_rows(context.database(), context.actor, args.date_from, args.date_to)
    write_rows(HEADER, rows)
