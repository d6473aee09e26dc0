"""``minami-desk list trajectories [--status actief|afgerond|gestopt] [--from DATE] [--to DATE]``.

A trajectory is listed when it ran during the period (started on or before ``--to``, and still
running or ended on or after ``--from``). "Einde" is the end date, or the planned end while the
trajectory is active. The status words and the header are a public interface (scripts read
them), so they are fixed Dutch, whatever ``--lang`` says.
"""

from __future__ import annotations

import argparse
import sys

from minami_desk.cli.common import EXIT_USAGE, CommandContext, write_rows
from minami_desk.i18n import _
from minami_desk.services.trajectories.labels import CLI_STATUS_WORDS
from minami_desk.services.trajectories.queries import list_trajectories

HEADER = ["ID", "Bewonersnummer", "Naam", "Begeleider", "Start", "Einde", "Status"]
_STATUS_BY_WORD = {word: code for code, word in CLI_STATUS_WORDS.items()}


def run(args: argparse.Namespace, context: CommandContext) -> int | None:
    status = None
    if args.status is not None:
        status = _STATUS_BY_WORD.get(args.status.strip().lower())
        if status is None:
            print(
                _("Unknown status {status}: use actief, afgerond or gestopt.").format(
                    status=args.status
                ),
                file=sys.stderr,
            )
            return EXIT_USAGE
    rows = list_trajectories(
        context.database(),
        context.actor,
        status=status,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    write_rows(
        HEADER,
        (
            (
                row.id,
                row.resident_number,
                row.resident_name,
                row.coach_name,
                row.start_date.isoformat(),
                (row.end_date or row.planned_end_date).isoformat(),
                CLI_STATUS_WORDS[row.status],
            )
            for row in rows
        ),
    )
    return None
