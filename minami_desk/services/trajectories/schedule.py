"""Due dates of milestones, counted in calendar months as people count them.

Six months after 31 August is the end of February (28th, or 29th in a leap year), not some day
in March: a month added to a date that the target month lacks lands on that month's last day.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

TRAJECTORY_MONTHS = 6
FINAL_CODE = "final"


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def planned_end(start: date) -> date:
    return add_months(start, TRAJECTORY_MONTHS)


@dataclass(frozen=True)
class Step:
    """One line of the template, as the schedule needs it."""

    code: str
    title: str
    offset_kind: str
    offset_value: int
    sort_order: int


def due_date(start: date, offset_kind: str, offset_value: int, final_due: date) -> date:
    if offset_kind == "start":
        return start
    if offset_kind == "days":
        return start + timedelta(days=offset_value)
    if offset_kind == "weeks":
        return start + timedelta(weeks=offset_value)
    if offset_kind == "months":
        return add_months(start, offset_value)
    if offset_kind == "after_final":
        return final_due + timedelta(days=offset_value)
    raise ValueError(f"unknown offset kind {offset_kind!r}")


def schedule(start: date, steps: Sequence[Step]) -> list[tuple[Step, date]]:
    """Each step with its due date; "after the final evaluation" counts from its due date.

    Without a final-evaluation step the planned end of the trajectory stands in for it.
    """
    final_due = planned_end(start)
    for step in steps:
        if step.code == FINAL_CODE and step.offset_kind != "after_final":
            final_due = due_date(start, step.offset_kind, step.offset_value, final_due)
    ordered = sorted(steps, key=lambda step: step.sort_order)
    return [
        (step, due_date(start, step.offset_kind, step.offset_value, final_due)) for step in ordered
    ]
