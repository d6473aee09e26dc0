"""Reading sessions for the week view, the list, Vandaag and the command line, with counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.data.db import Database
from minami_desk.data.models import Attendance, Session, SessionKind, Staff
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.clock import local
from minami_desk.services.sessions.common import get_session, wall_clock


@dataclass(frozen=True)
class Counts:
    registered: int = 0
    waitlist: int = 0
    present: int = 0
    absent: int = 0
    cancelled: int = 0
    walk_ins: int = 0

    @property
    def signed_up(self) -> int:
        """Everyone holding a place: still to come, came, or did not come."""
        return self.registered + self.present + self.absent

    @classmethod
    def from_statuses(cls, by_status: dict[str, int], walk_ins: int = 0) -> Counts:
        return cls(
            registered=by_status.get("registered", 0),
            waitlist=by_status.get("waitlist", 0),
            present=by_status.get("present", 0),
            absent=by_status.get("absent", 0),
            cancelled=by_status.get("cancelled", 0),
            walk_ins=walk_ins,
        )


@dataclass(frozen=True)
class SessionSummary:
    id: int
    series_id: int | None
    kind_id: int
    kind_name: str
    title: str
    audience: str
    starts_at: datetime  # Amsterdam wall-clock, aware
    ends_at: datetime
    location: str
    facilitator_id: int | None
    facilitator_name: str
    capacity: int | None
    status: str
    cancel_reason: str
    edited_separately: bool
    counts: Counts = field(default_factory=Counts)

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def day(self) -> date:
        return self.starts_at.date()

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.counts.signed_up >= self.capacity


@dataclass(frozen=True)
class Facilitator:
    id: int
    name: str


def _summary(
    row: Session, kind_name: str, staff_name: str | None, counts: Counts
) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        series_id=row.series_id,
        kind_id=row.kind_id,
        kind_name=kind_name,
        title=row.title,
        audience=row.audience,
        starts_at=local(row.starts_at),
        ends_at=local(row.ends_at),
        location=row.location,
        facilitator_id=row.facilitator_id,
        facilitator_name=staff_name or "",
        capacity=row.capacity,
        status=row.status,
        cancel_reason=row.cancel_reason,
        edited_separately=row.edited_separately,
        counts=counts,
    )


def counts_for(session: OrmSession, session_ids: list[int]) -> dict[int, Counts]:
    """Counts per session in one grouped query (the week view must not ask once per session)."""
    by_session: dict[int, dict[str, int]] = defaultdict(dict)
    walk_ins: dict[int, int] = defaultdict(int)
    for start in range(0, len(session_ids), 500):  # stay below SQLite's parameter limit
        chunk = session_ids[start : start + 500]
        rows = session.execute(
            select(
                Attendance.session_id,
                Attendance.status,
                Attendance.walk_in,
                func.count(),
            )
            .where(Attendance.session_id.in_(chunk))
            .group_by(Attendance.session_id, Attendance.status, Attendance.walk_in)
        )
        for session_id, status, walk_in, number in rows:
            by_session[session_id][status] = by_session[session_id].get(status, 0) + number
            if walk_in:
                walk_ins[session_id] += number
    return {
        session_id: Counts.from_statuses(by_session.get(session_id, {}), walk_ins[session_id])
        for session_id in session_ids
    }


def sessions_between(
    db: Database,
    actor: Actor,
    first_day: date | None = None,
    last_day: date | None = None,
    kind_id: int | None = None,
    facilitator_id: int | None = None,
) -> list[SessionSummary]:
    """Sessions starting on ``first_day`` … ``last_day`` (Amsterdam days, inclusive), by time."""
    actor.require(Permission.TAKE_ATTENDANCE)
    statement = (
        select(Session, SessionKind.name, Staff.display_name)
        .join(SessionKind, SessionKind.id == Session.kind_id)
        .outerjoin(Staff, Staff.id == Session.facilitator_id)
        .order_by(Session.starts_at, Session.id)
    )
    if first_day is not None:
        statement = statement.where(Session.starts_at >= wall_clock(first_day, time()))
    if last_day is not None:
        next_day = last_day + timedelta(days=1)
        statement = statement.where(Session.starts_at < wall_clock(next_day, time()))
    if kind_id is not None:
        statement = statement.where(Session.kind_id == kind_id)
    if facilitator_id is not None:
        statement = statement.where(Session.facilitator_id == facilitator_id)
    with db.read_session() as session:
        rows = session.execute(statement).all()
        counts = counts_for(session, [row[0].id for row in rows])
        return [_summary(row, kind, staff, counts[row.id]) for row, kind, staff in rows]


def week_sessions(db: Database, actor: Actor, any_day: date) -> list[SessionSummary]:
    """The Monday-to-Sunday week around ``any_day``."""
    monday = any_day - timedelta(days=any_day.weekday())
    return sessions_between(db, actor, monday, monday + timedelta(days=6))


def session_summary(db: Database, actor: Actor, session_id: int) -> SessionSummary:
    actor.require(Permission.TAKE_ATTENDANCE)
    with db.read_session() as session:
        row = get_session(session, session_id)
        kind = session.get(SessionKind, row.kind_id)
        staff = session.get(Staff, row.facilitator_id) if row.facilitator_id else None
        counts = counts_for(session, [row.id])[row.id]
        return _summary(
            row, kind.name if kind else "", staff.display_name if staff else None, counts
        )


def list_facilitators(db: Database) -> list[Facilitator]:
    """Active staff and volunteers who can lead a session."""
    with db.read_session() as session:
        rows = session.execute(
            select(Staff.id, Staff.display_name)
            .where(Staff.active.is_(True))
            .order_by(Staff.display_name)
        )
        return [Facilitator(staff_id, name) for staff_id, name in rows]


def list_session_rows(
    db: Database, actor: Actor, first_day: date | None, last_day: date | None
) -> list[tuple[object, ...]]:
    """Rows for ``minami-desk list sessions``, in the column order of its fixed header."""
    yes, no = _("yes"), _("no")
    return [
        (
            item.id,
            item.day.isoformat(),
            item.starts_at.strftime("%H:%M"),
            item.title,
            item.kind_name,
            item.counts.signed_up,
            item.counts.present,
            yes if item.cancelled else no,
        )
        for item in sessions_between(db, actor, first_day, last_day)
    ]
