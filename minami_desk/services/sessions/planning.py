"""Planning sessions: one-off or a weekly/fortnightly series, editing and cancelling them.

A series is generated in full when it is planned, so every occurrence is a real row that can
be edited on its own, cancelled or registered for. Times are wall-clock Amsterdam times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.clock import local
from minami_desk.data.db import Database
from minami_desk.data.models import (
    AUDIENCES,
    RECURRENCES,
    Session,
    SessionKind,
    SessionSeries,
    Staff,
)
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.sessions.common import get_session, wall_clock

MAX_OCCURRENCES = 120  # two years of weekly sessions; more is surely a typing mistake
_STEP = {"weekly": 7, "fortnightly": 14}
_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass
class SessionDetails:
    """What a session is; shared by one-off sessions, series and edits."""

    kind_id: int
    title: str
    start_time: time
    end_time: time
    audience: str | None = None  # None: the kind's audience
    location: str = ""
    facilitator_id: int | None = None
    capacity: int | None = None


@dataclass
class SeriesPlan:
    details: SessionDetails
    recurrence: str  # "weekly" or "fortnightly"
    weekday: int  # Monday = 0
    starts_on: date
    ends_on: date
    skip_dates: set[date] = field(default_factory=set)


def occurrence_dates(
    recurrence: str, weekday: int, starts_on: date, ends_on: date, skip: set[date] | frozenset[date]
) -> list[date]:
    """Every date of the series; a skipped date leaves a gap but does not shift the rhythm."""
    first = starts_on + timedelta(days=(weekday - starts_on.weekday()) % 7)
    step = timedelta(days=_STEP[recurrence])
    dates = []
    day = first
    while day <= ends_on:
        if day not in skip:
            dates.append(day)
        day += step
    return dates


def parse_skip_dates(text: str) -> set[date]:
    """Dates to skip, as typed: "22-12-2026, 29-12-2026" or a range "21-12-2026 t/m 1-1-2027".

    Entries are separated by commas, semicolons or new lines; ISO dates are accepted too.
    """
    result: set[date] = set()
    for raw in re.split(r"[,;\n]+", text):
        entry = raw.strip()
        if not entry:
            continue
        parsed = [_parse_date(match) for match in _DATE.finditer(entry)]
        found = [day for day in parsed if day is not None]
        rest = _DATE.sub("", entry).strip().lower()
        if (
            len(found) < len(parsed)
            or not found
            or len(found) > 2
            or rest not in ("", "t/m", "-", "tot en met")
        ):
            raise ValidationError(
                "skip_dates",
                _("Could not read \u201c{entry}\u201d as a date (write 22-12-2026).").format(
                    entry=entry[:40]
                ),
            )
        if len(found) == 1:
            result.add(found[0])
            continue
        first, last = found
        if last < first or (last - first).days > 366:
            raise ValidationError(
                "skip_dates", _("A period to skip must run forwards, within a year.")
            )
        day = first
        while day <= last:
            result.add(day)
            day += timedelta(days=1)
    return result


def _parse_date(match: re.Match[str]) -> date | None:
    try:
        if match.group(1):
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
    except ValueError:
        return None


def _validate_details(session: OrmSession, details: SessionDetails) -> tuple[SessionKind, str]:
    errors: dict[str, str] = {}
    kind = session.get(SessionKind, details.kind_id)
    if kind is None:
        errors["kind_id"] = _("Choose a kind of session.")
    if not details.title.strip():
        errors["title"] = _("Give the session a title.")
    elif len(details.title.strip()) > 200:
        errors["title"] = _("The title is too long (200 characters at most).")
    if details.end_time <= details.start_time:
        errors["end_time"] = _("The end time must be after the start time.")
    if details.audience is not None and details.audience not in AUDIENCES:
        errors["audience"] = _("Choose who the session is for.")
    if details.capacity is not None and details.capacity < 1:
        errors["capacity"] = _("The number of places must be at least 1 (or leave it empty).")
    if len(details.location) > 200:
        errors["location"] = _("The location is too long (200 characters at most).")
    if details.facilitator_id is not None and session.get(Staff, details.facilitator_id) is None:
        errors["facilitator_id"] = _("This facilitator does not exist (any more).")
    if errors:
        raise ValidationError(errors)
    assert kind is not None
    return kind, details.audience or kind.audience


def _apply(target: Session | SessionSeries, details: SessionDetails, audience: str) -> None:
    target.kind_id = details.kind_id
    target.title = details.title.strip()
    target.audience = audience
    target.location = details.location.strip()
    target.facilitator_id = details.facilitator_id
    target.capacity = details.capacity


def plan_session(db: Database, actor: Actor, day: date, details: SessionDetails) -> int:
    """A one-off session; returns its id."""
    actor.require(Permission.MANAGE_SESSIONS)
    with db.session() as session:
        _kind, audience = _validate_details(session, details)
        row = Session(
            starts_at=wall_clock(day, details.start_time),
            ends_at=wall_clock(day, details.end_time),
        )
        _apply(row, details, audience)
        session.add(row)
        session.flush()
        record(session, actor, "created", "session", row.id)
        return row.id


def plan_series(db: Database, actor: Actor, plan: SeriesPlan) -> tuple[int, list[int]]:
    """A series and all its occurrences in one transaction; returns the series and session ids."""
    actor.require(Permission.MANAGE_SESSIONS)
    errors: dict[str, str] = {}
    if plan.recurrence not in RECURRENCES:
        errors["recurrence"] = _("Choose weekly or fortnightly.")
    if not 0 <= plan.weekday <= 6:
        errors["weekday"] = _("Choose a day of the week.")
    if plan.ends_on < plan.starts_on:
        errors["ends_on"] = _("The last date must not be before the first date.")
    if errors:
        raise ValidationError(errors)
    dates = occurrence_dates(
        plan.recurrence, plan.weekday, plan.starts_on, plan.ends_on, plan.skip_dates
    )
    if not dates:
        raise ValidationError("ends_on", _("No session falls in this period; check the dates."))
    if len(dates) > MAX_OCCURRENCES:
        raise ValidationError(
            "ends_on",
            _("That would be {count} sessions; plan at most {limit} at a time.").format(
                count=len(dates), limit=MAX_OCCURRENCES
            ),
        )
    details = plan.details
    with db.session() as session:
        _kind, audience = _validate_details(session, details)
        series = SessionSeries(
            recurrence=plan.recurrence,
            weekday=plan.weekday,
            start_time=details.start_time,
            end_time=details.end_time,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            skip_dates=",".join(day.isoformat() for day in sorted(plan.skip_dates)),
        )
        _apply(series, details, audience)
        session.add(series)
        session.flush()
        rows = []
        for day in dates:
            row = Session(
                series_id=series.id,
                starts_at=wall_clock(day, details.start_time),
                ends_at=wall_clock(day, details.end_time),
            )
            _apply(row, details, audience)
            rows.append(row)
        session.add_all(rows)
        session.flush()
        record(session, actor, "created", "session_series", series.id, f"sessions={len(rows)}")
        return series.id, [row.id for row in rows]


def update_session(
    db: Database, actor: Actor, session_id: int, day: date, details: SessionDetails
) -> None:
    """Change one occurrence; later edits to its series leave it alone."""
    actor.require(Permission.MANAGE_SESSIONS)
    with db.session() as session:
        row = get_session(session, session_id)
        _kind, audience = _validate_details(session, details)
        _apply(row, details, audience)
        row.starts_at = wall_clock(day, details.start_time)
        row.ends_at = wall_clock(day, details.end_time)
        if row.series_id is not None:
            row.edited_separately = True
        record(session, actor, "changed", "session", row.id)


def update_rest_of_series(
    db: Database, actor: Actor, session_id: int, details: SessionDetails
) -> int:
    """Change this occurrence and every later one of its series (not those edited on their own).

    Each keeps its own date; the new times are wall-clock times on that date. Returns how many
    sessions changed.
    """
    actor.require(Permission.MANAGE_SESSIONS)
    with db.session() as session:
        row = get_session(session, session_id)
        if row.series_id is None:
            raise ValidationError("series", _("This session is not part of a series."))
        _kind, audience = _validate_details(session, details)
        series = session.get(SessionSeries, row.series_id)
        assert series is not None
        _apply(series, details, audience)
        series.start_time = details.start_time
        series.end_time = details.end_time
        later = session.scalars(
            select(Session).where(
                Session.series_id == row.series_id,
                Session.starts_at >= row.starts_at,
            )
        )
        changed = 0
        for occurrence in later:
            if occurrence.edited_separately and occurrence.id != row.id:
                continue
            day = local(occurrence.starts_at).date()
            _apply(occurrence, details, audience)
            occurrence.starts_at = wall_clock(day, details.start_time)
            occurrence.ends_at = wall_clock(day, details.end_time)
            changed += 1
        record(session, actor, "changed", "session_series", series.id, f"sessions={changed}")
        return changed


def cancel_session(db: Database, actor: Actor, session_id: int, reason: str = "") -> None:
    """Call off one occurrence; its registrations stay, so it can be restored as it was."""
    actor.require(Permission.MANAGE_SESSIONS)
    with db.session() as session:
        row = get_session(session, session_id)
        row.status = "cancelled"
        row.cancel_reason = reason.strip()[:500]
        record(session, actor, "changed", "session", row.id, "status=cancelled")


def restore_session(db: Database, actor: Actor, session_id: int) -> None:
    actor.require(Permission.MANAGE_SESSIONS)
    with db.session() as session:
        row = get_session(session, session_id)
        row.status = "planned"
        row.cancel_reason = ""
        record(session, actor, "changed", "session", row.id, "status=planned")
