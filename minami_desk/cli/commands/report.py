"""``minami-desk report monthly (--month 2026-11 | --quarter 2026-Q4 | --year 2026)
--out FILE.pdf [--xlsx FILE.xlsx]``: the report for the board and the municipality.

A reading command: it works while the window is open.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from minami_desk.cli.common import CommandContext, CommandFailed, say
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.reporting import Period, parse_period

ORDER = 60


def _period_type(kind: str) -> Callable[[str], Period]:
    def parse(text: str) -> Period:
        try:
            return parse_period(text, kind)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help=_("make a report (PDF and Excel)"))
    kinds = parser.add_subparsers(dest="report_kind", metavar=_("REPORT"), required=True)
    monthly = kinds.add_parser(
        "monthly", help=_("the report for the board and the municipality, for a period")
    )
    period = monthly.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=_period_type("month"), metavar="2026-11", help=_("a month"))
    period.add_argument(
        "--quarter", type=_period_type("quarter"), metavar="2026-Q4", help=_("a quarter")
    )
    period.add_argument("--year", type=_period_type("year"), metavar="2026", help=_("a year"))
    monthly.add_argument(
        "--out", required=True, type=Path, metavar=_("FILE.pdf"), help=_("the PDF to write")
    )
    monthly.add_argument(
        "--xlsx", type=Path, metavar=_("FILE.xlsx"), help=_("also write the Excel file")
    )
    monthly.set_defaults(handler=handle)


def handle(args: argparse.Namespace, context: CommandContext) -> int | None:
    if args.out.suffix.lower() != ".pdf":
        raise CommandFailed(_("The report file name must end in .pdf."))
    if args.xlsx is not None and args.xlsx.suffix.lower() != ".xlsx":
        raise CommandFailed(_("The Excel file name must end in .xlsx."))
    for target in (args.out, args.xlsx):
        if target is not None and not target.resolve().parent.is_dir():
            raise CommandFailed(_("The folder for {file} does not exist.").format(file=target.name))
    from minami_desk.reports.monthly_pdf import write_monthly_pdf
    from minami_desk.reports.monthly_xlsx import write_monthly_xlsx
    from minami_desk.services.reporting import build_monthly_report

    period: Period = args.month or args.quarter or args.year
    report = build_monthly_report(context.database(), context.actor, period)
    write_monthly_pdf(report, args.out)
    say(_("Report for {period} saved: {file}").format(period=period.label, file=args.out))
    if args.xlsx is not None:
        write_monthly_xlsx(report, args.xlsx)
        say(_("Excel file saved: {file}").format(file=args.xlsx))
    return None
