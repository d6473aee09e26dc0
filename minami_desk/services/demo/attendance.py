"""Who comes to what: regulars in praatsessie groups, one-off visits, events, and turnout.

Each resident gets a few stretches of weekly participation (one of them may be a six-month
trajectory) and some single visits to activities, spreekuren and workshops. Groups are chosen
by the least load, and a new group opens when they are full. Attendance rows are produced as a
stream, since a ten-year demo has about a million of them.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from minami_desk.services.demo.core import Plan, add_months, at, birthday, years_between
from minami_desk.services.demo.people import Person
from minami_desk.services.demo.schedule import KIND_PLANS, Calendar, Series

TRAJECTORY_SHARE = 0.22
_TALK_KIND = {"adults": "talk_adults", "teens": "talk_teens"}
_VISIT_COUNTS = (0, 1, 1, 2, 3, 4, 5, 6, 8)
_DURATIONS = ((2, 6), (8, 20), (26, 60))
_DURATION_WEIGHTS = (35, 40, 25)


@dataclass(slots=True)
class TrajectoryDraft:
    person: Person
    start: date
    planned_end: date
    end_date: date | None
    status: str
    stop_reason: str | None


@dataclass(slots=True)
class Membership:
    person: Person
    audience: str
    start: date
    end: date  # first day no longer included
    reliability: float
    trajectory: TrajectoryDraft | None
    series: Series | None = None


@dataclass(slots=True)
class Group:
    series: Series
    ends: list[date] = field(default_factory=list)

    def load(self, day: date) -> int:
        while self.ends and self.ends[0] <= day:
            heapq.heappop(self.ends)
        return len(self.ends)


def _trajectory(plan: Plan, person: Person, start: date) -> tuple[TrajectoryDraft, date]:
    """A trajectory from ``start``, in whatever stage the calendar puts it; and its last day."""
    rng = plan.rng
    planned = add_months(start, 6)
    today = plan.today
    if planned > today:
        if rng.random() < 0.12 and start + timedelta(days=21) < today:
            end = plan.day_between(start + timedelta(days=21), today - timedelta(days=1))
            reason = rng.choice(("moved", "no_contact", "own_choice", "referred", "other"))
            return TrajectoryDraft(person, start, planned, end, "stopped", reason), end
        return TrajectoryDraft(person, start, planned, None, "active", None), plan.horizon
    if rng.random() < 0.78:
        end = min(today, planned + timedelta(days=rng.randint(-3, 10)))
        return TrajectoryDraft(person, start, planned, end, "completed", None), end
    end = plan.day_between(start + timedelta(days=14), planned - timedelta(days=14))
    reason = rng.choice(("moved", "no_contact", "own_choice", "referred", "other"))
    return TrajectoryDraft(person, start, planned, end, "stopped", reason), end


def draw_memberships(plan: Plan, people: list[Person]) -> list[Membership]:
    """Stretches of weekly praatsessies per resident, one after another, never overlapping."""
    rng = plan.rng
    memberships = []
    for person in people:
        draw = rng.random()
        count = 0 if draw < 0.25 else (1 if draw < 0.75 else rng.choice((2, 2, 3)))
        day = person.registered_on + timedelta(days=rng.randint(0, 21))
        for _ in range(count):
            if day > plan.horizon:
                break
            adult_on = birthday(person.birth, 18)
            audience = "adults" if day >= adult_on else "teens"
            trajectory = None
            if day < plan.today and rng.random() < TRAJECTORY_SHARE:
                trajectory, last = _trajectory(plan, person, day)
                end = last + timedelta(days=1)
            else:
                low, high = rng.choices(_DURATIONS, weights=_DURATION_WEIGHTS)[0]
                end = day + timedelta(weeks=rng.randint(low, high))
            if audience == "teens":
                end = min(end, adult_on)  # a teen moves on to the adults' group at 18
            reliability = rng.uniform(0.6, 0.95)
            memberships.append(Membership(person, audience, day, end, reliability, trajectory))
            if trajectory is not None and trajectory.status == "active":
                break
            day = max(end, day + timedelta(days=1)) + timedelta(weeks=rng.randint(4, 60))
    return memberships


def assign_groups(plan: Plan, calendar: Calendar, memberships: list[Membership]) -> None:
    """Put each stretch in the least busy group (of two picked at random), opening groups."""
    rng = plan.rng
    groups: dict[str, list[Group]] = {"adults": [], "teens": []}
    for audience, kind in _TALK_KIND.items():
        series = calendar.open(kind, plan.start)
        if series is not None:
            groups[audience].append(Group(series))
    for membership in sorted(memberships, key=lambda m: (m.start, m.person.id)):
        pool = groups[membership.audience]
        target = KIND_PLANS[_TALK_KIND[membership.audience]].target
        chosen = None
        if pool:
            picks = (rng.randrange(len(pool)), rng.randrange(len(pool)))
            best = min(picks, key=lambda i: (pool[i].load(membership.start), i))
            if pool[best].load(membership.start) < target:
                chosen = pool[best]
            else:
                best = min(range(len(pool)), key=lambda i: (pool[i].load(membership.start), i))
                if pool[best].load(membership.start) < target:
                    chosen = pool[best]
        if chosen is None:
            series = calendar.open(_TALK_KIND[membership.audience], membership.start)
            if series is None:
                continue
            chosen = Group(series)
            pool.append(chosen)
        heapq.heappush(chosen.ends, membership.end)
        membership.series = chosen.series


@dataclass(slots=True)
class Visit:
    person: Person
    series: Series
    index: int


def draw_visits(
    plan: Plan, calendar: Calendar, people: list[Person]
) -> tuple[list[Visit], list[Membership]]:
    """Single visits to activities and spreekuren, and sign-ups for a whole workshop."""
    rng = plan.rng
    for kind in ("neighbourhood", "consultation"):
        calendar.open(kind, plan.start)
    wishes = []
    for person in people:
        for _ in range(rng.choice(_VISIT_COUNTS)):
            day = plan.day_between(person.registered_on, plan.horizon)
            if years_between(person.birth, day) < 18:
                kind = rng.choices(("neighbourhood", "workshop"), weights=(80, 20))[0]
            else:
                kind = rng.choices(
                    ("neighbourhood", "consultation", "workshop"), weights=(58, 30, 12)
                )[0]
            wishes.append((day, person.id, kind, person))
    wishes.sort(key=lambda wish: wish[:3])
    workshops = Workshops(plan, calendar)
    counts: dict[int, int] = {}  # session id -> visitors so far
    attended: set[tuple[int, int]] = set()  # (resident id, session id)
    visits = []
    for day, person_id, kind, person in wishes:
        if kind == "workshop":
            workshops.enrol(person, day)
            continue
        best: tuple[int, int, int] | None = None  # load, series position, index
        days = calendar.by_date.get(kind, {})
        for offset in range(7):
            session_day = day + timedelta(days=offset)
            for position in days.get(session_day, ()):
                series = calendar.series[position]
                index = series.index_from(session_day)
                session_id = series.first_id + index
                if (person_id, session_id) in attended:
                    continue
                load = counts.get(session_id, 0)
                if best is None or (load, position) < best[:2]:
                    best = (load, position, index)
        if best is None:
            continue  # closed that week (holiday, storm, cancelled)
        if best[0] >= KIND_PLANS[kind].target:
            opened = calendar.open(kind, day)
            if opened is None or opened.dates[0] > day + timedelta(days=6):
                continue
            best = (0, len(calendar.series) - 1, 0)
        _load, position, index = best
        series = calendar.series[position]
        session_id = series.first_id + index
        attended.add((person_id, session_id))
        counts[session_id] = counts.get(session_id, 0) + 1
        visits.append(Visit(person, series, index))
    return visits, workshops.enrolments


class Workshops:
    """Short courses, one after another; a parallel one opens when the next is full."""

    def __init__(self, plan: Plan, calendar: Calendar) -> None:
        self.plan = plan
        self.calendar = calendar
        self.running: list[tuple[date, int, Series]] = []  # first day, order, series
        self.counts: dict[int, int] = {}
        self.enrolments: list[Membership] = []
        self.seen: set[tuple[int, int]] = set()
        day = plan.start
        while day <= plan.horizon:
            series = self._open(day)
            if series is None:
                break
            day = series.dates[-1] + timedelta(days=8)

    def _open(self, day: date) -> Series | None:
        series = self.calendar.open("workshop", day)
        if series is not None:
            bisect.insort(self.running, (series.dates[0], series.first_id, series))
        return series

    def enrol(self, person: Person, day: date) -> None:
        """Sign up for the first workshop starting within eight weeks that still has room."""
        plan = KIND_PLANS["workshop"]
        position = bisect.bisect_left(self.running, (day, 0))
        chosen = None
        for first_day, _order, series in self.running[position:]:
            if first_day > day + timedelta(weeks=8):
                break
            room = plan.target
            if first_day >= self.plan.today and plan.capacity:
                room = plan.capacity + 4  # popular: the rest goes on the waiting list
            has_room = self.counts.get(series.first_id, 0) < room
            if has_room and (person.id, series.first_id) not in self.seen:
                chosen = series
                break
        if chosen is None:
            chosen = self._open(day + timedelta(days=self.plan.rng.randint(0, 13)))
            if chosen is None:
                return
        self.counts[chosen.first_id] = self.counts.get(chosen.first_id, 0) + 1
        self.seen.add((person.id, chosen.first_id))
        reliability = self.plan.rng.uniform(0.7, 0.95)
        end = chosen.dates[-1] + timedelta(days=1)
        self.enrolments.append(
            Membership(person, "everyone", chosen.dates[0], end, reliability, None, chosen)
        )


def event_visits(plan: Plan, events: list[Series], people: list[Person]) -> list[Visit]:
    """Neighbours who come to the yearly events (people are in order of registration)."""
    rng = plan.rng
    visits = []
    for series in events:
        day = series.dates[0]
        eligible = [person for person in people if person.registered_on <= day]
        wanted = min(int((series.capacity or 100) * 0.8), max(8, len(eligible) // 40))
        for person in rng.sample(eligible, min(wanted, len(eligible))):
            visits.append(Visit(person, series, 0))
    return visits


def count_rows(memberships: list[Membership], visits: int) -> int:
    total = visits
    for membership in memberships:
        if membership.series is not None:
            series = membership.series
            total += series.index_from(membership.end) - series.index_from(membership.start)
    return total


class AttendanceRows:
    """Turns memberships and visits into attendance rows with realistic turnout."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.future_counts: dict[int, int] = {}

    def _row(
        self,
        series: Series,
        index: int,
        person: Person,
        status: str,
        registered_at: datetime,
        walk_in: bool,
    ) -> dict[str, object]:
        day = series.dates[index]
        starts = at(day, series.slot[1], series.slot[2])
        # Never before the resident was registered, never after the session began.
        registered_at = starts if walk_in else min(max(registered_at, person.created), starts)
        updated = (
            at(day, series.slot[3], series.slot[4]) if day < self.plan.today else registered_at
        )
        return {
            "id": self.plan.next_id("attendance"),
            "session_id": series.first_id + index,
            "resident_id": person.id,
            "status": status,
            "registered_at": registered_at,
            "walk_in": walk_in,
            "note": "",
            "created_at": registered_at,
            "updated_at": updated,
        }

    def _status(self, series: Series, index: int, reliability: float) -> str:
        if series.dates[index] >= self.plan.today:
            session_id = series.first_id + index
            taken = self.future_counts.get(session_id, 0)
            self.future_counts[session_id] = taken + 1
            if series.capacity is not None and taken >= series.capacity:
                return "waitlist"
            return "registered"
        draw = self.plan.rng.random()
        if draw < reliability:
            return "present"
        return "absent" if draw < reliability + (1 - reliability) * 0.45 else "cancelled"

    def memberships(self, memberships: list[Membership]) -> Iterator[dict[str, object]]:
        rng = self.plan.rng
        for membership in memberships:
            series = membership.series
            if series is None:
                continue
            first = series.index_from(membership.start)
            last = series.index_from(membership.end)
            if first >= last:
                continue
            signed_up = max(
                membership.person.registered_on,
                series.dates[first] - timedelta(days=rng.randint(0, 7)),
            )
            registered_at = self.plan.office_time(signed_up)
            came_along = rng.random() < 0.3
            for index in range(first, last):
                if index in series.cancelled:
                    continue
                status = self._status(series, index, membership.reliability)
                walk_in = came_along and index == first and status == "present"
                yield self._row(series, index, membership.person, status, registered_at, walk_in)

    def visits(self, visits: list[Visit]) -> Iterator[dict[str, object]]:
        rng = self.plan.rng
        walk_in_share = {"consultation": 0.8, "neighbourhood": 0.25, "event": 0.4}
        for visit in visits:
            series, index = visit.series, visit.index
            if index in series.cancelled:
                continue
            day = series.dates[index]
            status = self._status(series, index, 0.85)
            walk_in = status == "present" and rng.random() < walk_in_share.get(series.kind, 0.05)
            signed_up = max(visit.person.registered_on, day - timedelta(days=rng.randint(0, 14)))
            yield self._row(
                series, index, visit.person, status, self.plan.office_time(signed_up), walk_in
            )
