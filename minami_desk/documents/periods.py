"""Report periods (a month, a quarter or a year) and the periods they are compared with.

A period is a span of whole days; instants (session start, contact time) are compared with
its Europe/Amsterdam midnight boundaries, so a session on 30 November at 23:30 belongs to
November even though it is stored as 22:30 UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from minami_desk.clock import AMSTERDAM
from minami_desk.errors import ValidationError
from minami_desk.i18n import PRINT_LOCALE, _, format_month

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_QUARTER = re.compile(r"^\s*(\d{4})-?[Qq]([1-4])\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_ORDINALS = {1: "1e", 2: "2e", 3: "3e", 4: "4e"}


@dataclass(frozen=True)
class Period:
    """``kind`` "month", "quarter" or "year"; ``index`` the month (1–12) or quarter (1–4)."""

    kind: str
    year: int
    index: int = 1

    @property
    def start(self) -> date:
        if self.kind == "month":
            return date(self.year, self.index, 1)
        if self.kind == "quarter":
            return date(self.year, 3 * self.index - 2, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        return self.next().start - timedelta(days=1)

    @property
    def code(self) -> str:
        """The command-line spelling: ``2026-11``, ``2026-Q4`` or ``2026``."""
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        return str(self.year)

    @property
    def label(self) -> str:
        """Dutch, as printed: "november 2026", "4e kwartaal 2026", "2026"."""
        if self.kind == "month":
            return format_month(self.year, self.index, locale=PRINT_LOCALE)
        if self.kind == "quarter":
            return f"{_ORDINALS[self.index]} kwartaal {self.year}"
        return str(self.year)

    @property
    def short_label(self) -> str:
        """For narrow table headers: "nov 2026", "K4 2026", "2026"."""
        if self.kind == "month":
            return self.label[:3] + " " + str(self.year)
        if self.kind == "quarter":
            return f"K{self.index} {self.year}"
        return str(self.year)

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as aware instants at Amsterdam midnight."""
        first = datetime.combine(self.start, time(0), tzinfo=AMSTERDAM)
        after = datetime.combine(self.next().start, time(0), tzinfo=AMSTERDAM)
        return first, after

    def next(self) -> Period:
        return self._shift(1)

    def previous(self) -> Period:
        return self._shift(-1)

    def year_earlier(self) -> Period:
        return Period(self.kind, self.year - 1, self.index)

    def _shift(self, steps: int) -> Period:
        if self.kind == "year":
            return Period("year", self.year + steps, 1)
        per_year = 12 if self.kind == "month" else 4
        zero_based = self.year * per_year + self.index - 1 + steps
        return Period(self.kind, zero_based // per_year, zero_based % per_year + 1)


def month(year: int, number: int) -> Period:
    return _checked(Period("month", year, number))


def quarter(year: int, number: int) -> Period:
    return _checked(Period("quarter", year, number))


def whole_year(year: int) -> Period:
    return _checked(Period("year", year, 1))


def _checked(period: Period) -> Period:
    limit = {"month": 12, "quarter": 4, "year": 1}[period.kind]
    if not 1900 <= period.year <= 9998 or not 1 <= period.index <= limit:
        raise ValidationError("period", _("This period does not exist."))
    return period


def parse_period(text: str, kind: str | None = None) -> Period:
    """``2026-11``, ``2026-Q4`` or ``2026``; ``kind`` insists on one of them."""
    found: Period | None = None
    if (match := _MONTH.match(text)) and kind in (None, "month"):
        found = month(int(match[1]), int(match[2]))
    elif (match := _QUARTER.match(text)) and kind in (None, "quarter"):
        found = quarter(int(match[1]), int(match[2]))
    elif (match := _YEAR.match(text)) and kind in (None, "year"):
        found = whole_year(int(match[1]))
    if found is None:
        examples = {"month": "2026-11", "quarter": "2026-Q4", "year": "2026"}
        example = examples.get(kind or "month", "2026-11")
        raise ValidationError(
            "period",
            _("Not a period: {value} (write it as {example}).").format(value=text, example=example),
        )
    return found
