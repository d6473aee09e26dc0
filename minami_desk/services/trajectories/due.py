"""Due work for the Vandaag screen: open milestones due this week, and those overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Milestone, Resident, Staff, Trajectory
from minami_desk.services.actor import Actor, Permission


@dataclass(frozen=True)
class DueMilestone:
    milestone_id: int
    trajectory_id: int
    resident_name: str
    coach_id: int | None
    coach_name: str
    title: str
    due_on: date
    overdue: bool


def week_end(day: date) -> date:
    """The Sunday that closes ``day``'s week (Dutch weeks start on Monday)."""
    return day + timedelta(days=6 - day.weekday())


def due_milestones(
    db: Database, actor: Actor, coach_id: int | None = None, today: date | None = None
) -> list[DueMilestone]:
    """Open milestones of active trajectories due up to this Sunday, oldest first."""
    actor.require(Permission.FIND_RESIDENTS)
    today = today or clock.today()
    statement = (
        select(Milestone, Trajectory.coach_id, Resident, Staff.display_name)
        .join(Trajectory, Trajectory.id == Milestone.trajectory_id)
        .join(Resident, Resident.id == Trajectory.resident_id)
        .outerjoin(Staff, Staff.id == Trajectory.coach_id)
        .where(
            Trajectory.status == "active",
            Milestone.done_on.is_(None),
            Milestone.due_on <= week_end(today),
        )
        .order_by(Milestone.due_on, Resident.sort_key, Milestone.sort_order)
    )
    if coach_id is not None:
        statement = statement.where(Trajectory.coach_id == coach_id)
    with db.read_session() as session:
        return [
            DueMilestone(
                milestone_id=milestone.id,
                trajectory_id=milestone.trajectory_id,
                resident_name=resident.full_name,
                coach_id=coach,
                coach_name=coach_name or "",
                title=milestone.title,
                due_on=milestone.due_on,
                overdue=milestone.due_on < today,
            )
            for milestone, coach, resident, coach_name in session.execute(statement)
        ]
