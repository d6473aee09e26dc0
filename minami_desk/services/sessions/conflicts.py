"""Before a session or series is saved: what else uses that room or that coach then, and
which dates a series will really have.

A warning, not a rule: two groups can share the big hall on purpose, and a coach may hand a
group to a colleague for the first ten minutes. So the planning dialog asks, it never refuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import or_, select

from minami_desk.clock import local
from minami_desk.data.db import Database
from minami_desk.data.models import Session, Staff
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.sessions.common import wall_clock
from minami_desk.services.sessions.planning import SeriesPlan, occurrence_dates


@dataclass(frozen=True)
class PlanningConflict:
    session_id: int
    title: str
    starts_at: datetime  # Amsterdam
    ends_at: datetime
    same_room: bool
    same_coach: bool
    location: str
    coach_name: str


@dataclass(frozen=True)
class SeriesPreview:
    dates: list[date]  # the sessions the series will hold
    skipped: list[date]  # dates of the rhythm left out on purpose


def series_preview(plan: SeriesPlan) -> SeriesPreview:
    """The series as it will be saved, so the coordinator sees the holidays really drop out."""
    everything = occurrence_dates(
        plan.recurrence, plan.weekday, plan.starts_on, plan.ends_on, frozenset()
    )
    skipped = [day for day in everything if day in plan.skip_dates]
    kept = [day for day in everything if day not in plan.skip_dates]
    return SeriesPreview(dates=kept, skipped=skipped)


def _room_key(location: str) -> str:
    return " ".join(location.split()).casefold()


def planning_conflicts(
    db: Database,
    actor: Actor,
    days: Iterable[date],
    start_time: time,
    end_time: time,
    *,
    location: str = "",
    facilitator_id: int | None = None,
    ignore_session_ids: Iterable[int] = (),
) -> list[PlanningConflict]:
    """Planned (not cancelled) sessions that overlap one of ``days`` at these hours in the same
    room or with the same coach, earliest first. Touching ends (one ends at 15:00, the next
    starts at 15:00) do not overlap. ``ignore_session_ids``: the sessions being edited."""
    actor.require(Permission.MANAGE_SESSIONS)
    room = _room_key(location)
    if not room and facilitator_id is None:
        return []
    periods = [(wall_clock(day, start_time), wall_clock(day, end_time)) for day in days]
    if not periods:
        return []
    ignored = set(ignore_session_ids)
    overlaps = or_(
        *(
            (Session.starts_at < period_end) & (Session.ends_at > period_start)
            for period_start, period_end in periods
        )
    )
    # Everything at those hours, then room and coach compared here: a room typed as
    # "Zaal Één" and "zaal één " is one room, which SQLite's lower() (ASCII only) would miss.
    statement = (
        select(Session, Staff.display_name)
        .outerjoin(Staff, Staff.id == Session.facilitator_id)
        .where(Session.status != "cancelled", overlaps)
        .order_by(Session.starts_at)
    )
    found: list[PlanningConflict] = []
    with db.read_session() as session:
        for row, coach in session.execute(statement):
            if row.id in ignored:
                continue
            same_room = bool(room) and _room_key(row.location) == room
            same_coach = facilitator_id is not None and row.facilitator_id == facilitator_id
            if not (same_room or same_coach):
                continue
            found.append(
                PlanningConflict(
                    session_id=row.id,
                    title=row.title,
                    starts_at=local(row.starts_at),
                    ends_at=local(row.ends_at),
                    same_room=same_room,
                    same_coach=same_coach,
                    location=row.location,
                    coach_name=coach or "",
                )
            )
    return found
