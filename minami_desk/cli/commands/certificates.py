"""``minami-desk certificates (--trajectory ID | --completed-in 2026-11) --out FILE.pdf``.

Printing a certificate records it (its number is given once and every reprint is counted), so
this is a writing command: it takes the single-instance lock and refuses while the window is
open on the same data folder. That is on purpose. Staff print certificates from the window's
Certificaten dialog, which does exactly the same; the command line is for a coordinator's script
at a quiet moment. Letting it write behind an open window would give a number the window does
not show until it refreshes, and two desks could disagree about who printed what. The message
says to close the window or print from it.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from minami_desk.cli.commands.listing import iso_date
from minami_desk.cli.common import CommandContext, CommandFailed, say
from minami_desk.i18n import _
from minami_desk.reports.certificate import write_certificates_pdf
from minami_desk.services.trajectories.certificates import (
    CertificateBatch,
    completed_between,
    issue_certificates,
    month_bounds,
)

ORDER = 60
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def year_month(text: str) -> tuple[int, int]:
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(
            _("not a month: {value} (write it as 2026-11)").format(value=text)
        )
    return int(match.group(1)), int(match.group(2))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "certificates", help=_("print certificates of completed trajectories (PDF)")
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--trajectory", type=int, metavar="ID", help=_("one trajectory"))
    which.add_argument(
        "--completed-in",
        type=year_month,
        metavar=_("YYYY-MM"),
        help=_("every trajectory completed in this month"),
    )
    parser.add_argument("--out", required=True, type=Path, metavar=_("FILE"))
    parser.add_argument(
        "--ceremony",
        type=iso_date,
        metavar=_("DATE"),
        help=_("date of the ceremony (default: today, or the date printed before)"),
    )
    parser.add_argument("--place", metavar=_("PLACE"), help=_("place of the ceremony"))
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int | None:
    if args.out.suffix.lower() != ".pdf":
        raise CommandFailed(_("The file name must end in .pdf."))
    if not args.out.parent.is_dir():
        raise CommandFailed(_("The folder {folder} does not exist.").format(folder=args.out.parent))
    db = context.database(write=True)
    if args.trajectory is not None:
        ids = [args.trajectory]
    else:
        first, last = month_bounds(*args.completed_in)
        ids = completed_between(db, context.actor, first, last)
        if not ids:
            raise CommandFailed(_("No trajectories were completed in that month."))
    ceremony: date | None = args.ceremony

    def write(batch: CertificateBatch) -> None:
        write_certificates_pdf(batch.pages, batch.centre, args.out)

    batch = issue_certificates(
        db, context.actor, ids, write, ceremony_on=ceremony, place=args.place
    )
    count = len(batch.pages)
    say(_("Certificates written: {count}, in {path}").format(count=count, path=args.out))
    return None
