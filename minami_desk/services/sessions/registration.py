"""Registering residents for a session: capacity, the waiting list, and the audience check.

Every change is its own short transaction, so a tick at the door is saved at once and two
desks never hand out the same last place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.clock import local, utcnow
from minami_desk.data.db import Database
from minami_desk.data.models import ATTENDANCE_STATUSES, Attendance, Resident, Session
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.registration import age_on
from minami_desk.services.residents import live_resident
from minami_desk.services.sessions.common import SEAT_STATUSES, get_session
from minami_desk.services.settings import get_setting

ADULT_AGE = 18
# Age ranges of the age groups kept when no birth date is known (inclusive).
_GROUP_RANGES = {
    "0-11": (0, 11),
    "12-17": (12, 17),
    "18-26": (18, 26),
    "27-64": (27, 64),
    "65+": (65, 150),
}


@dataclass(frozen=True)
class MovedUp:
    """Someone who moved from the waiting list to a place; the screen names them."""

    resident_id: int
    name: str


@dataclass(frozen=True)
class RegistrationResult:
    status: str  # "registered" or "waitlist" (or "present" for a walk-in)
    position: int | None  # place on the waiting list, 1 = next
    warning: str | None  # the audience check, when the age does not fit


@dataclass(frozen=True)
class StatusChange:
    status: str
    moved_up: MovedUp | None


def age_ranges(db: Database) -> dict[str, tuple[int, int] | None]:
    """The ages each audience is meant for (None: everyone); the teen ages are a setting."""
    teens = (int(get_setting(db, "teen_age_min", 12)), int(get_setting(db, "teen_age_max", 18)))
    return {"teens": teens, "adults": (ADULT_AGE, 150), "everyone": None}


def audience_warning(
    wanted: tuple[int, int] | None, birth_date: date | None, age_group: str | None, day: date
) -> str | None:
    """A warning (not a refusal: staff decide) when the resident's age does not fit."""
    if wanted is None:
        return None
    low, high = wanted
    if birth_date is not None:
        age = str(age_on(birth_date, day))
        if low <= int(age) <= high:
            return None
    elif age_group in _GROUP_RANGES:
        group_low, group_high = _GROUP_RANGES[age_group]
        if group_low <= high and low <= group_high:
            return None
        age = age_group.replace("-", "–")  # "65+", "0–11": the group, not a made-up age
    else:
        return None  # nothing known about the age: nothing to warn about
    if high >= 150:
        return _("This session is for adults ({low} and older); this resident is {age}.").format(
            low=low, age=age
        )
    return _("This session is for ages {low} to {high}; this resident is {age}.").format(
        low=low, high=high, age=age
    )


def check_audience(db: Database, actor: Actor, session_id: int, resident_id: int) -> str | None:
    """The audience warning before registering, so the screen can ask first."""
    actor.require(Permission.FIND_RESIDENTS)
    ranges = age_ranges(db)
    with db.read_session() as session:
        row = get_session(session, session_id)
        resident = live_resident(session, resident_id)
        return audience_warning(
            ranges[row.audience],
            resident.birth_date,
            resident.age_group,
            local(row.starts_at).date(),
        )


def _seats_taken(session: OrmSession, session_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.session_id == session_id, Attendance.status.in_(SEAT_STATUSES))
        )
        or 0
    )


def _waitlist_position(session: OrmSession, row: Attendance) -> int:
    ahead = session.scalar(
        select(func.count())
        .select_from(Attendance)
        .where(
            Attendance.session_id == row.session_id,
            Attendance.status == "waitlist",
            (Attendance.registered_at < row.registered_at)
            | ((Attendance.registered_at == row.registered_at) & (Attendance.id < row.id)),
        )
    )
    return (ahead or 0) + 1


def register_resident(
    db: Database, actor: Actor, session_id: int, resident_id: int, walk_in: bool = False
) -> RegistrationResult:
    """Sign a resident up; when the session is full they go onto the waiting list.

    A walk-in is in the room already: they are marked present whatever the capacity.
    Registering someone who had cancelled signs them up again at the back of the queue.
    """
    actor.require(Permission.TAKE_ATTENDANCE if walk_in else Permission.MANAGE_SESSIONS)
    ranges = age_ranges(db)
    with db.session() as session:
        row = get_session(session, session_id)
        if row.status == "cancelled":
            raise ValidationError("session", _("This session has been cancelled."))
        resident = live_resident(session, resident_id)
        warning = audience_warning(
            ranges[row.audience],
            resident.birth_date,
            resident.age_group,
            local(row.starts_at).date(),
        )
        existing = session.scalar(
            select(Attendance).where(
                Attendance.session_id == session_id, Attendance.resident_id == resident_id
            )
        )
        if existing is not None and existing.status != "cancelled" and not walk_in:
            raise ValidationError("resident", _("This resident is already signed up."))
        if walk_in:
            status = "present"
        elif row.capacity is not None and _seats_taken(session, session_id) >= row.capacity:
            status = "waitlist"
        else:
            status = "registered"
        if existing is None:
            existing = Attendance(
                session_id=session_id, resident_id=resident_id, registered_at=utcnow()
            )
            session.add(existing)
        elif existing.status == "cancelled":
            existing.registered_at = utcnow()
        existing.status = status
        existing.walk_in = walk_in or existing.walk_in
        session.flush()
        position = _waitlist_position(session, existing) if status == "waitlist" else None
        record(session, actor, "created", "attendance", existing.id, f"status={status}")
        return RegistrationResult(status=status, position=position, warning=warning)


def set_status(
    db: Database, actor: Actor, session_id: int, resident_id: int, status: str
) -> StatusChange:
    """Record what became of a registration; a freed place goes to the first on the list."""
    actor.require(Permission.TAKE_ATTENDANCE)
    if status not in ATTENDANCE_STATUSES:
        raise ValidationError("status", _("Unknown attendance status."))
    with db.session() as session:
        row = get_session(session, session_id)
        attendance = session.scalar(
            select(Attendance).where(
                Attendance.session_id == session_id, Attendance.resident_id == resident_id
            )
        )
        if attendance is None:
            raise NotFoundError(_("This resident is not signed up for this session."))
        freed = attendance.status in SEAT_STATUSES and status not in SEAT_STATUSES
        attendance.status = status
        session.flush()
        record(session, actor, "changed", "attendance", attendance.id, f"status={status}")
        moved = _move_up(session, row) if freed else None
        if moved is not None:
            record(session, actor, "changed", "attendance", moved[0], "status=registered")
            return StatusChange(status, MovedUp(moved[1].id, moved[1].full_name))
        return StatusChange(status, None)


def _move_up(session: OrmSession, row: Session) -> tuple[int, Resident] | None:
    """Give a freed place to the longest-waiting resident, while the session is still to come."""
    if row.status == "cancelled" or row.ends_at <= utcnow():
        return None
    if row.capacity is not None and _seats_taken(session, row.id) >= row.capacity:
        return None
    first = session.scalar(
        select(Attendance)
        .where(Attendance.session_id == row.id, Attendance.status == "waitlist")
        .order_by(Attendance.registered_at, Attendance.id)
        .limit(1)
    )
    if first is None:
        return None
    first.status = "registered"
    resident = session.get(Resident, first.resident_id)
    assert resident is not None
    return first.id, resident
