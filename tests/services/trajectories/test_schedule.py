"""Due dates by calendar months: month ends and leap years behave as people count."""

from __future__ import annotations

from datetime import date

import pytest

from minami_desk.services.trajectories.schedule import Step, add_months, planned_end, schedule

DEFAULT = [
    Step("intake", "Intakegesprek", "start", 0, 0),
    Step("goals_set", "Doelen vastgesteld", "weeks", 2, 1),
    Step("midway", "Tussenevaluatie", "months", 3, 2),
    Step("final", "Eindevaluatie", "months", 6, 3),
    Step("ceremony", "Certificaatuitreiking", "after_final", 14, 4),
]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # leap year
        (date(2026, 5, 31), 3, date(2026, 8, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 6, 3), 6, date(2026, 12, 3)),
        (date(2026, 10, 15), 3, date(2027, 1, 15)),  # over the year end
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
    ],
)
def test_months_are_calendar_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_default_template_from_31_august() -> None:
    due = {step.code: day for step, day in schedule(date(2026, 8, 31), DEFAULT)}
    assert due == {
        "intake": date(2026, 8, 31),
        "goals_set": date(2026, 9, 14),
        "midway": date(2026, 11, 30),
        "final": date(2027, 2, 28),
        "ceremony": date(2027, 3, 14),
    }
    assert planned_end(date(2026, 8, 31)) == date(2027, 2, 28)


def test_leap_year_final_evaluation_on_29_february() -> None:
    due = {step.code: day for step, day in schedule(date(2027, 8, 31), DEFAULT)}
    assert due["final"] == date(2028, 2, 29)
    assert due["ceremony"] == date(2028, 3, 14)


def test_the_ceremony_follows_the_final_evaluation_wherever_it_is() -> None:
    steps = [*DEFAULT[:3], Step("final", "Eindevaluatie", "months", 5, 3), DEFAULT[4]]
    due = {step.code: day for step, day in schedule(date(2026, 1, 31), steps)}
    assert due["final"] == date(2026, 6, 30)
    assert due["ceremony"] == date(2026, 7, 14)
