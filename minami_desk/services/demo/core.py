"""What every part of the generator shares: the seeded dice, the calendar, and the bulk writer.

Nothing here reads the wall clock or the global ``random`` module: the same seed and day must
give the same rows, down to ``created_at``.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, Connection, Date, DateTime, Table, Time, column, insert, table
from sqlalchemy.sql.expression import TableClause

from minami_desk.clock import AMSTERDAM
from minami_desk.data.types import UTCDateTime

BATCH = 20_000
FUTURE_DAYS = 28


def add_months(start: date, months: int) -> date:
    """Calendar months as people count them; a missing day lands on the month's last day."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=1 << 16)
def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An Amsterdam wall-clock moment as an aware UTC instant (19:00 stays 19:00 in summer)."""
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)


def years_between(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def birthday(born: date, years: int) -> date:
    """The day someone turns ``years``; 29 February counts as 28 February in other years."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 2, 28)


@dataclass(frozen=True)
class Reference:
    """Editable lists the generator reads from the database instead of hard-coding them."""

    themes: tuple[tuple[int, str], ...]  # (id, code)
    kinds: dict[str, tuple[int, str, str]]  # code -> (id, name, audience)
    areas: tuple[tuple[str, str], ...]  # (postcode prefix, wijk)
    milestones: tuple[tuple[str, str, str, int, int], ...]  # code, title, kind, value, order
    organisations: dict[str, int]  # name -> id


@dataclass
class Plan:
    """The dice, the period and the id counters of one generator run."""

    rng: random.Random
    today: date
    start: date
    reference: Reference
    ids: dict[str, int] = field(default_factory=dict)

    @property
    def horizon(self) -> date:
        """The last day with planned sessions: about four weeks ahead."""
        return self.today + timedelta(days=FUTURE_DAYS)

    def next_id(self, table: str) -> int:
        value = self.ids.get(table, 0) + 1
        self.ids[table] = value
        return value

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def office_time(self, day: date) -> datetime:
        """A moment during desk hours (9:30–17:00) on ``day``."""
        minutes = self.rng.randint(9 * 60 + 30, 17 * 60)
        return at(day, minutes // 60, minutes % 60)


@lru_cache(maxsize=1 << 16)
def _instant(value: datetime) -> str:
    """An aware instant as the naive-UTC text ``UTCDateTime`` stores in SQLite."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _day(value: date) -> str:
    return value.isoformat()


def _clock(value: time) -> str:
    return value.isoformat("microseconds")


def _converter(column: Column[object]) -> Callable[[Any], object] | None:
    """How a value becomes the text SQLite holds, exactly as the column type would bind it."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _instant
    if isinstance(kind, DateTime):
        raise TypeError(f"{column} must be a UTCDateTime")
    if isinstance(kind, Date):
        return _day
    if isinstance(kind, Time):
        return _clock
    return None


class Writer:
    """Collects rows per table and writes them with executemany in large batches.

    Parents are always flushed before children (``flush`` in foreign-key order), so the
    database checks every foreign key as it would for the program itself. Dates and instants
    are turned into their stored text here, in one step: going through every column type's
    bind processing would take most of the time of a ten-year demo.
    """

    def __init__(self, connection: Connection, tables: dict[str, Table]) -> None:
        self.connection = connection
        self.buffers: dict[str, list[dict[str, object]]] = {}
        self.counts: dict[str, int] = {}
        self._plain: dict[str, TableClause] = {}
        self._converters: dict[str, list[tuple[str, Callable[[Any], object]]]] = {}
        for name, model in tables.items():
            self._plain[name] = table(name, *(column(c.name) for c in model.columns))
            self._converters[name] = [
                (c.name, converter)
                for c in model.columns
                if (converter := _converter(c)) is not None
            ]

    def add(self, table: str, row: dict[str, object]) -> None:
        self.buffers.setdefault(table, []).append(row)

    def stream(
        self, table: str, rows: Iterable[dict[str, object]], tick: Callable[[], None]
    ) -> None:
        """Write a long stream of rows batch by batch, calling ``tick`` after each batch."""
        batch: list[dict[str, object]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self._write(table, batch)
                batch = []
                tick()
        self._write(table, batch)

    def flush(self, *tables: str) -> None:
        for name in tables:
            rows = self.buffers.pop(name, [])
            for begin in range(0, len(rows), BATCH):
                self._write(name, rows[begin : begin + BATCH])

    def _write(self, name: str, rows: list[dict[str, object]]) -> None:
        if not rows:
            return
        converters = self._converters[name]
        for row in rows:
            for key, converter in converters:
                value = row[key]
                if value is not None:
                    row[key] = converter(value)
        self.connection.execute(insert(self._plain[name]), rows)
        self.counts[name] = self.counts.get(name, 0) + len(rows)
