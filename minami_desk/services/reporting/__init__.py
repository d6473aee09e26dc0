"""The monthly report for the board and the municipality: figures, breakdowns, outcomes.

``build_monthly_report(db, actor, period)`` returns a plain ``MonthlyReport``; the renderers in
``minami_desk.reports`` turn it into PDF and XLSX. It reports what the tables record, with
aggregate SQL, and never carries a name, phone number or address of a resident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minami_desk.documents.monthly_report import (
    Breakdown,
    BreakdownRow,
    GoalOutcome,
    KeyFigure,
    MonthlyReport,
    StoryItem,
    WeekAttendance,
)
from minami_desk.documents.periods import (
    Period,
    month,
    parse_period,
    quarter,
    whole_year,
)
from minami_desk.services.reporting.texts import KEY_FIGURE_LABELS

if TYPE_CHECKING:
    from minami_desk.services.reporting.build import build_monthly_report


def __getattr__(name: str) -> Any:
    """``build_monthly_report`` (all the report's queries) loads when first asked for: the
    window imports this package at start for its periods and types only."""
    if name == "build_monthly_report":
        from minami_desk.services.reporting.build import build_monthly_report

        return build_monthly_report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "KEY_FIGURE_LABELS",
    "Breakdown",
    "BreakdownRow",
    "GoalOutcome",
    "KeyFigure",
    "MonthlyReport",
    "Period",
    "StoryItem",
    "WeekAttendance",
    "build_monthly_report",
    "month",
    "parse_period",
    "quarter",
    "whole_year",
]
