"""Periods: parsing the three spellings, the comparison periods, Amsterdam midnight bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from minami_desk.errors import ValidationError
from minami_desk.services.reporting import parse_period


def test_month_quarter_and_year_parse_to_their_days() -> None:
    november = parse_period("2026-11")
    assert (november.kind, november.start, november.end) == (
        "month",
        date(2026, 11, 1),
        date(2026, 11, 30),
    )
    q4 = parse_period("2026-Q4")
    assert (q4.start, q4.end, q4.label) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
        "4e kwartaal 2026",
    )
    year = parse_period("2026")
    assert (year.start, year.end, year.label) == (date(2026, 1, 1), date(2026, 12, 31), "2026")
    assert parse_period("2028-02").end == date(2028, 2, 29)


def test_label_is_the_dutch_month_name() -> None:
    assert parse_period("2026-11").label == "november 2026"
    assert parse_period("2026-03").label == "maart 2026"


def test_previous_period_and_same_period_a_year_earlier() -> None:
    assert parse_period("2026-11").previous().code == "2026-10"
    assert parse_period("2026-01").previous().code == "2025-12"
    assert parse_period("2026-Q1").previous().code == "2025-Q4"
    assert parse_period("2026-Q4").year_earlier().code == "2025-Q4"
    assert parse_period("2026").previous().code == "2025"
    assert parse_period("2026-11").year_earlier().label == "november 2025"


def test_bounds_are_amsterdam_midnight_across_daylight_saving() -> None:
    start, after = parse_period("2026-11").utc_bounds()
    assert start.astimezone(UTC) == datetime(2026, 10, 31, 23, 0, tzinfo=UTC)  # CET, UTC+1
    assert after.astimezone(UTC) == datetime(2026, 11, 30, 23, 0, tzinfo=UTC)
    start, _after = parse_period("2026-07").utc_bounds()
    assert start.astimezone(UTC) == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)  # CEST, UTC+2


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "november", "2026-Q5", "26-11", ""])
def test_nonsense_is_refused_in_dutch(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_period(text)
    assert caught.value.field == "period"
    assert "periode" in str(caught.value).lower()


def test_a_kind_insists_on_its_spelling() -> None:
    with pytest.raises(ValidationError):
        parse_period("2026-Q4", "month")
    assert parse_period("2026-Q4", "quarter").code == "2026-Q4"
