"""``minami-desk list residents [--search TEXT]``."""

from __future__ import annotations

import argparse

from minami_desk.cli.common import CommandContext, write_rows
from minami_desk.services.residents import list_residents_rows

HEADER = ["ID", "Bewonersnummer", "Naam", "Geboortedatum", "Postcode"]


def run(args: argparse.Namespace, context: CommandContext) -> None:
    rows = list_residents_rows(context.database(), context.actor, search=args.search)
    write_rows(HEADER, rows)
