"""Series and their sessions: weekly praatsessies, activities, spreekuren and workshops.

Series are opened as the centre grows (when the groups are full), so a big demo gets more
groups rather than impossibly crowded rooms. Every session row is written when its series is
opened; ids within a series are consecutive, so attendance can address them by index.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from minami_desk.services.demo import texts
from minami_desk.services.demo.core import Plan, Writer, at

Slot = tuple[int, int, int, int, int]  # weekday, start hour, start minute, end hour, end minute

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_HALL, _SMALL, _KITCHEN, _OFFICE = (
    "Mi na Mi – grote zaal",
    "Mi na Mi – kleine zaal",
    "Mi na Mi – keuken",
    "Mi na Mi – spreekkamer",
)
_ROOMS = (
    _HALL,
    _SMALL,
    "Buurtkamer Holendrecht",
    "Buurtkamer Gein",
    "Ontmoetingsruimte Reigersbos",
    "Buurtkamer Bijlmer-Oost",
    "Buurtkamer Nellestein",
    "Ontmoetingsruimte Driemond",
)


@dataclass(frozen=True)
class KindPlan:
    """How the centre runs one kind of session: its slots, rooms, size and weeks."""

    code: str
    titles: tuple[str, ...]
    slots: tuple[Slot, ...]
    rooms: tuple[str, ...]
    capacity: int | None
    target: int  # the load at which a new group opens
    weeks: int | None = None  # a short series (workshops); None runs until the horizon


# fmt: off
KIND_PLANS: dict[str, KindPlan] = {
    "talk_adults": KindPlan(
        "talk_adults", ("Praatsessie volwassenen {daypart}",),
        ((1, 19, 0, 21, 0), (3, 10, 0, 12, 0), (0, 13, 30, 15, 30), (2, 19, 0, 21, 0),
         (4, 10, 0, 12, 0), (5, 11, 0, 13, 0), (1, 10, 0, 12, 0), (3, 19, 0, 21, 0),
         (0, 19, 0, 21, 0), (2, 10, 0, 12, 0)),
        _ROOMS, 20, 12,
    ),
    "talk_teens": KindPlan(
        "talk_teens", ("Praatsessie tieners {daypart}",),
        ((2, 15, 30, 17, 0), (4, 16, 0, 17, 30), (5, 13, 0, 14, 30), (0, 16, 0, 17, 30),
         (3, 16, 0, 17, 30), (1, 16, 0, 17, 30)),
        _ROOMS, 15, 10,
    ),
    "neighbourhood": KindPlan(
        "neighbourhood",
        ("Buurtmaaltijd", "Wandelen in het Gaasperpark", "Samen koken", "Spelletjesmiddag",
         "Moestuinieren in de buurttuin", "Naaiatelier", "Bewegen voor 55-plussers",
         "Huiswerkhulp en spelletjes"),
        ((4, 17, 30, 20, 0), (2, 10, 0, 11, 30), (1, 17, 0, 19, 30), (5, 13, 30, 16, 0),
         (5, 10, 0, 12, 0), (3, 13, 30, 16, 0), (0, 10, 0, 11, 0), (2, 14, 0, 16, 0)),
        (_KITCHEN, "Gaasperpark, verzamelen bij de ingang", _KITCHEN, _HALL, "Buurttuin",
         _SMALL, _HALL, _SMALL),
        30, 18,
    ),
    "consultation": KindPlan(
        "consultation",
        ("Spreekuur geldzaken", "Inloopspreekuur", "Spreekuur brieven en formulieren"),
        ((0, 13, 0, 16, 0), (3, 13, 0, 16, 0), (2, 10, 0, 12, 0)),
        (_OFFICE,), None, 12,
    ),
    "workshop": KindPlan(
        "workshop",
        ("Workshop sollicitatietraining", "Workshop omgaan met geld", "Workshop zelfvertrouwen",
         "Workshop digitale vaardigheden", "Workshop gezond koken met weinig geld",
         "Workshop opvoeden in twee culturen", "Workshop rust in je hoofd"),
        ((3, 19, 0, 21, 0), (5, 10, 0, 12, 0), (1, 14, 0, 16, 0)),
        (_SMALL, _HALL), 12, 10, weeks=6,
    ),
}
# One-off events of the year, held in the big hall: (title, month, day or None, kind).
EVENTS = (
    ("Keti Koti-viering", 7, 1),
    ("Burendag", 9, None),  # the fourth Saturday of September
    ("Kerstdiner in de buurt", 12, 20),
)
# fmt: on
EVENT_CAPACITY = 120


@dataclass
class Series:
    """One opened series with its session dates; session ``i`` has id ``first_id + i``."""

    id: int | None
    kind: str
    audience: str
    title: str
    slot: Slot
    capacity: int | None
    dates: list[date]
    first_id: int
    cancelled: set[int] = field(default_factory=set)

    def index_from(self, day: date) -> int:
        return bisect.bisect_left(self.dates, day)


def _daypart(slot: Slot) -> str:
    hour = slot[1]
    part = "ochtend" if hour < 12 else ("middag" if hour < 18 else "avond")
    return _WEEKDAYS[slot[0]] + part


def holidays(first: date, last: date) -> set[date]:
    """Days the centre is closed: Christmas to New Year, Koningsdag, and Keti Koti's party."""
    closed: set[date] = set()
    for year in range(first.year - 1, last.year + 1):
        closed.update(date(year, 12, 24) + timedelta(days=offset) for offset in range(9))
        kings_day = date(year + 1, 4, 27)
        closed.add(kings_day - timedelta(days=1) if kings_day.weekday() == 6 else kings_day)
        closed.add(date(year + 1, 7, 1))
    return closed


class Calendar:
    """Opens series on demand and writes their rows; knows every session by id."""

    def __init__(self, plan: Plan, writer: Writer, facilitators: dict[str, list[int]]) -> None:
        self.plan = plan
        self.writer = writer
        self.facilitators = facilitators
        self.series: list[Series] = []
        self.opened: dict[str, int] = {}
        self.closed = holidays(plan.start, plan.horizon)
        self.storm_days = self._storm_days()
        self.by_date: dict[str, dict[date, list[int]]] = {}  # kind -> day -> series indexes

    def _storm_days(self) -> set[date]:
        """Now and then a storm (code oranje) closes everything for a day in winter."""
        rng = self.plan.rng
        days = set()
        for year in range(self.plan.start.year, self.plan.today.year + 1):
            if rng.random() < 0.5:
                day = date(year, rng.choice((1, 2, 11, 12)), rng.randint(1, 28))
                if self.plan.start <= day < self.plan.today:
                    days.add(day)
        return days

    def open(self, kind: str, first_day: date) -> Series | None:
        """A new series of ``kind`` whose first session falls on or after ``first_day``."""
        reference = self.plan.reference.kinds.get(kind)
        if reference is None:
            return None
        kind_id, _name, audience = reference
        plan = KIND_PLANS[kind]
        number = self.opened.get(kind, 0)
        self.opened[kind] = number + 1
        slot = plan.slots[number % len(plan.slots)]
        room = plan.rooms[(number + number // len(plan.slots)) % len(plan.rooms)]
        title = plan.titles[number % len(plan.titles)].format(daypart=_daypart(slot))
        first = first_day + timedelta(days=(slot[0] - first_day.weekday()) % 7)
        last = self.plan.horizon
        if plan.weeks is not None:
            last = min(last, first + timedelta(weeks=plan.weeks - 1))
        dates: list[date] = []
        skipped: list[date] = []
        day = first
        while day <= last:
            (skipped if day in self.closed else dates).append(day)
            day += timedelta(weeks=1)
        if not dates:
            return None
        series_id = self.plan.next_id("session_series")
        people = self.facilitators["coach" if kind.startswith("talk") else "volunteer"]
        facilitator = people[number % len(people)]
        created = at(first - timedelta(days=14), 10)
        self.writer.add(
            "session_series",
            {
                "id": series_id,
                "kind_id": kind_id,
                "title": title,
                "audience": audience,
                "recurrence": "weekly",
                "weekday": slot[0],
                "start_time": time(slot[1], slot[2]),  # Amsterdam wall clock
                "end_time": time(slot[3], slot[4]),
                "starts_on": first,
                "ends_on": dates[-1],
                "skip_dates": ",".join(day.isoformat() for day in skipped if day <= dates[-1]),
                "location": room,
                "facilitator_id": facilitator,
                "capacity": plan.capacity,
                "created_at": created,
                "updated_at": created,
            },
        )
        series = Series(
            series_id, kind, audience, title, slot, plan.capacity, dates, self._next_session_id()
        )
        self._write_sessions(series, kind_id, room, facilitator, created)
        self._index(series)
        return series

    def event(self, title: str, day: date) -> Series | None:
        """A one-off neighbourhood event without a series."""
        reference = self.plan.reference.kinds.get("neighbourhood")
        if reference is None or not self.plan.start <= day <= self.plan.horizon:
            return None
        slot = (day.weekday(), 14, 0, 18, 0) if day.month != 12 else (day.weekday(), 17, 0, 21, 0)
        series = Series(
            None, "event", "everyone", title, slot, EVENT_CAPACITY, [day], self._next_session_id()
        )
        created = at(day - timedelta(days=42), 10)
        self._write_sessions(series, reference[0], _HALL, self.facilitators["coach"][0], created)
        return series

    def _next_session_id(self) -> int:
        return self.plan.ids.get("session", 0) + 1

    def _write_sessions(
        self, series: Series, kind_id: int, room: str, facilitator: int, created: datetime
    ) -> None:
        rng = self.plan.rng
        first_past = not self.series and series.kind == "talk_adults"
        for index, day in enumerate(series.dates):
            session_id = self.plan.next_id("session")
            assert session_id == series.first_id + index
            starts = at(day, series.slot[1], series.slot[2])
            reason = ""
            if day in self.storm_days:
                reason = texts.STORM_REASON
            elif rng.random() < 0.015:
                reason = rng.choice(texts.CANCEL_REASONS)
            if first_past and day < self.plan.today and index == len(series.dates) // 2:
                reason = texts.CANCEL_REASONS[0]  # every demo shows a cancelled session
            updated = created
            if reason:
                series.cancelled.add(index)
                updated = max(created, starts - timedelta(days=1))
            self.writer.add(
                "session",
                {
                    "id": session_id,
                    "series_id": series.id,
                    "kind_id": kind_id,
                    "title": series.title,
                    "audience": series.audience,
                    "starts_at": starts,
                    "ends_at": at(day, series.slot[3], series.slot[4]),
                    "location": room,
                    "facilitator_id": facilitator,
                    "capacity": series.capacity,
                    "status": "cancelled" if reason else "planned",
                    "cancel_reason": reason,
                    "edited_separately": bool(reason),
                    "note": "",
                    "created_at": created,
                    "updated_at": updated,
                },
            )
        self.series.append(series)

    def _index(self, series: Series) -> None:
        days = self.by_date.setdefault(series.kind, {})
        position = len(self.series) - 1
        for index, day in enumerate(series.dates):
            if index not in series.cancelled:
                days.setdefault(day, []).append(position)

    def events(self) -> list[Series]:
        """The yearly one-off events within the period."""
        made = []
        for year in range(self.plan.start.year, self.plan.horizon.year + 1):
            for title, month, day_of_month in EVENTS:
                if day_of_month is None:
                    first = date(year, month, 1)
                    day = first + timedelta(days=(5 - first.weekday()) % 7 + 21)
                else:
                    day = date(year, month, day_of_month)
                series = self.event(title, day)
                if series is not None:
                    made.append(series)
        return made
