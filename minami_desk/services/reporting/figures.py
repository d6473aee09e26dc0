"""The Kerncijfers of one period in two aggregate queries, and what "held" means.

The counts are scalar subqueries of one SELECT (the trajectory counts a second one), so the
database counts over its indexes (session start, attendance by session, status and resident,
the date columns) and no attendance row is ever loaded into Python. Only portable SQL: CASE,
COUNT(DISTINCT), correlated subqueries, comparisons with bound dates and instants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.elements import ColumnElement

from minami_desk.data.models import (
    Attendance,
    Certificate,
    Contact,
    Referral,
    Resident,
    Session,
    SuccessStory,
    Trajectory,
)
from minami_desk.documents.periods import Period


def held_window(period: Period, now: datetime) -> tuple[datetime, datetime]:
    """[start, end) of the instants at which a session counts as held: begun, and in the period.

    A report made during the month does not count the sessions still to come as held.
    """
    start, after = period.utc_bounds()
    return start, max(start, min(after, now))


def held_sessions(period: Period, now: datetime) -> ColumnElement[bool]:
    start, until = held_window(period, now)
    return and_(
        Session.status != "cancelled", Session.starts_at >= start, Session.starts_at < until
    )


@dataclass(frozen=True)
class HeldSession:
    starts_at: datetime
    kind_id: int
    present: int


def held_session_rows(session: OrmSession, period: Period, now: datetime) -> list[HeldSession]:
    """One row per held session with its number present: the weekly series and the kinds
    are summed from these (a month has hundreds of sessions, not a million attendances).

    The count is a correlated subquery, not a grouped outer join: grouped by session id,
    SQLite would rather walk every session ever held than sort a month's worth.
    """
    present = (
        select(func.count(Attendance.id))
        .where(Attendance.session_id == Session.id, Attendance.status == "present")
        .correlate(Session)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Session.starts_at, Session.kind_id, present).where(held_sessions(period, now))
    )
    return [HeldSession(starts_at, kind_id, int(count)) for starts_at, kind_id, count in rows]


def key_figure_values(session: OrmSession, period: Period, now: datetime) -> dict[str, float]:
    """The thirteen Kerncijfers by key (see ``texts.KEY_FIGURES``)."""
    start, after = period.utc_bounds()
    first, last = period.start, period.end
    held = held_sessions(period, now)

    sessions = select(func.count(Session.id)).where(held).scalar_subquery()
    present = (
        select(func.count(Attendance.id))
        .join(Session, Session.id == Attendance.session_id)
        .where(held, Attendance.status == "present")
        .scalar_subquery()
    )
    unique = (
        select(func.count(func.distinct(Attendance.resident_id)))
        .join(Session, Session.id == Attendance.session_id)
        .where(held, Attendance.status == "present")
        .scalar_subquery()
    )
    registrations = (
        select(func.count(Resident.id))
        .where(Resident.registered_on.between(first, last), Resident.merged_into_id.is_(None))
        .scalar_subquery()
    )
    contacts = (
        select(func.count(Contact.id))
        .where(Contact.contact_at >= start, Contact.contact_at < after)
        .scalar_subquery()
    )
    certificates = (
        select(func.count(Certificate.id))
        .where(Certificate.issued_on.between(first, last))
        .scalar_subquery()
    )
    referrals = (
        select(func.count(Referral.id))
        .where(Referral.referred_on.between(first, last))
        .scalar_subquery()
    )
    stories = (
        select(func.count(SuccessStory.id))
        .where(SuccessStory.story_date.between(first, last))
        .scalar_subquery()
    )
    row = session.execute(
        select(sessions, present, unique, registrations, contacts, certificates, referrals, stories)
    ).one()
    trajectories = _trajectory_counts(session, period)
    held_count, present_count = int(row[0] or 0), int(row[1] or 0)
    return {
        "unique_participants": int(row[2] or 0),
        "new_registrations": int(row[3] or 0),
        "sessions": held_count,
        "attendances": present_count,
        "average_attendance": round(present_count / held_count, 1) if held_count else 0.0,
        "contacts": int(row[4] or 0),
        **trajectories,
        "certificates": int(row[5] or 0),
        "referrals": int(row[6] or 0),
        "stories": int(row[7] or 0),
    }


def _trajectory_counts(session: OrmSession, period: Period) -> dict[str, int]:
    first, last = period.start, period.end

    def tally(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    ended_in_period = Trajectory.end_date.between(first, last)
    row = session.execute(
        select(
            tally(or_(Trajectory.end_date.is_(None), Trajectory.end_date >= first)),
            tally(Trajectory.start_date >= first),
            tally(and_(Trajectory.status == "completed", ended_in_period)),
            tally(and_(Trajectory.status == "stopped", ended_in_period)),
        ).where(Trajectory.start_date <= last)
    ).one()
    return {
        "active_trajectories": int(row[0]),
        "started_trajectories": int(row[1]),
        "completed_trajectories": int(row[2]),
        "stopped_trajectories": int(row[3]),
    }
