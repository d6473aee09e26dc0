"""Reading sessions for the week view, the list, Vandaag and the command line, with counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.clock import local
from minami_desk.data.db import Database
from minami_desk.data.models import Attendance, Session, SessionKind, Staff
from minami_desk.errors import NotFoundError
from minami_desk.i18n import _, dutch
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.sessions.common import wall_clock


@dataclass(frozen=True)
class Counts:
    registered: int = 0
    waitlist: int = 0
    present: int = 0
    absent: int = 0
    cancelled: int = 0
    walk_ins: int = 0  # counted for one session (its screen), not for lists of sessions

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


@dataclass(frozen=True)
class Facilitator:
    id: int
    name: str


_COLUMNS = (
    Session.id,
    Session.series_id,
    Session.kind_id,
    SessionKind.name,
    Session.title,
    Session.audience,
    Session.starts_at,
    Session.ends_at,
    Session.location,
    Session.facilitator_id,
    Staff.display_name,
    Session.capacity,
    Session.status,
    Session.cancel_reason,
    Session.edited_separately,
)


def _counts(session: OrmSession, which: Select[int], walk_ins: bool = False) -> dict[int, Counts]:
    """Counts per status for the sessions ``which`` selects, in one grouped query.

    Grouping by (session, status) is answered from the (session_id, status) index alone;
    a grouped join of sessions and attendance, or counting walk-ins, reads every attendance
    row and took four times as long for a busy week, so walk-ins are only counted on request.
    """
    by_session: dict[int, dict[str, int]] = defaultdict(dict)
    rows = session.execute(
        select(Attendance.session_id, Attendance.status, func.count())
        .where(Attendance.session_id.in_(which))
        .group_by(Attendance.session_id, Attendance.status)
    )
    for session_id, status, number in rows:
        by_session[session_id][status] = number
    walked_in: dict[int, int] = {}
    if walk_ins:
        walk_in_rows = session.execute(
            select(Attendance.session_id, func.count())
            .where(Attendance.session_id.in_(which), Attendance.walk_in.is_(True))
            .group_by(Attendance.session_id)
        )
        walked_in = {session_id: number for session_id, number in walk_in_rows}
    return {
        session_id: Counts.from_statuses(statuses, walked_in.get(session_id, 0))
        for session_id, statuses in by_session.items()
    }


def _summary(row: Row[*tuple[Any, ...]], counts: Counts) -> SessionSummary:
    return SessionSummary(
        id=row[0],
        series_id=row[1],
        kind_id=row[2],
        kind_name=row[3] or "",
        title=row[4],
        audience=row[5],
        starts_at=local(row[6]),
        ends_at=local(row[7]),
        location=row[8],
        facilitator_id=row[9],
        facilitator_name=row[10] or "",
        capacity=row[11],
        status=row[12],
        cancel_reason=row[13],
        edited_separately=row[14],
        counts=counts,
    )


def _base() -> Select[*tuple[Any, ...]]:
    return (
        select(*_COLUMNS)
        .join(SessionKind, SessionKind.id == Session.kind_id)
        .outerjoin(Staff, Staff.id == Session.facilitator_id)
    )


def _filtered(
    statement: Select[*tuple[Any, ...]],
    first_day: date | None,
    last_day: date | None,
    kind_id: int | None,
    facilitator_id: int | None,
) -> Select[*tuple[Any, ...]]:
    if first_day is not None:
        statement = statement.where(Session.starts_at >= wall_clock(first_day, time()))
    if last_day is not None:
        next_day = last_day + timedelta(days=1)
        statement = statement.where(Session.starts_at < wall_clock(next_day, time()))
    if kind_id is not None:
        statement = statement.where(Session.kind_id == kind_id)
    if facilitator_id is not None:
        statement = statement.where(Session.facilitator_id == facilitator_id)
    return statement


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
    filters = (first_day, last_day, kind_id, facilitator_id)
    statement = _filtered(_base().order_by(Session.starts_at, Session.id), *filters)
    with db.read_session() as session:
        rows = session.connection().execute(statement).all()
        counts = _counts(session, _filtered(select(Session.id), *filters)) if rows else {}
    empty = Counts()
    return [_summary(row, counts.get(row[0], empty)) for row in rows]


def week_sessions(db: Database, actor: Actor, any_day: date) -> list[SessionSummary]:
    """The Monday-to-Sunday week around ``any_day``."""
    monday = any_day - timedelta(days=any_day.weekday())
    return sessions_between(db, actor, monday, monday + timedelta(days=6))


def session_summary(db: Database, actor: Actor, session_id: int) -> SessionSummary:
    actor.require(Permission.TAKE_ATTENDANCE)
    with db.read_session() as session:
        row = session.connection().execute(_base().where(Session.id == session_id)).first()
        if row is None:
            raise NotFoundError(_("This session no longer exists."))
        which = select(Session.id).where(Session.id == session_id)
        counts = _counts(session, which, walk_ins=True).get(session_id, Counts())
    return _summary(row, counts)


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
    """Rows for ``minami-desk list sessions``, in the column order of its fixed header.

    The header is fixed Dutch, so the values are Dutch too, whatever ``--lang`` says.
    """
    yes, no = dutch("yes"), dutch("no")
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
