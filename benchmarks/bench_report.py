"""The monthly report on the 10-year database: PDF + XLSX, against running its SQL alone.

"Its SQL alone" is ``build_monthly_report``: every aggregate query of the report (the period,
the previous period, the same month a year earlier, the breakdowns, outcomes, weeks and
stories) and nothing else, so the ratio says what rendering the two documents adds.
Measured in one process after a warm-up call (imports, font registration and the SQLite page
cache are paid once per program run); the cold first call is reported on its own line.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import Result, measure
from minami_desk import clock
from minami_desk.config import resolve_paths
from minami_desk.data.store import open_database
from minami_desk.services.actor import Actor


def run(data_dir: Path, repeat: int = 7) -> list[Result]:
    from minami_desk.reports.monthly_pdf import render_monthly_pdf
    from minami_desk.reports.monthly_xlsx import render_monthly_xlsx
    from minami_desk.services.reporting import build_monthly_report, month

    db = open_database(resolve_paths(data_dir))
    actor = Actor.command_line()
    today = clock.today()
    period = month(today.year, today.month).previous()  # the month just ended

    def documents() -> None:
        report = build_monthly_report(db, actor, period)
        render_monthly_pdf(report)
        render_monthly_xlsx(report)

    def queries() -> None:
        build_monthly_report(db, actor, period)

    try:
        start = time.perf_counter()
        documents()
        cold_ms = (time.perf_counter() - start) * 1000
        warm = measure(
            f"monthly report {period.code}: PDF + XLSX (10-year DB)",
            documents,
            repeat=repeat,
            baseline=("the report's SQL alone", queries),
            budget_ms=1500,
        )
        cold = Result(
            "monthly report, first call in a process (imports, fonts)",
            cold_ms,
            cold_ms,
            note="a single measurement",
        )
    finally:
        db.dispose()
    return [warm, cold]
