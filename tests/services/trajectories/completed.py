"""A completed trajectory, made through the services the way a coach would complete it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import Milestone
from minami_desk.services.actor import Actor
from minami_desk.services.settings import get_setting
from minami_desk.services.trajectories.lifecycle import (
    GoalChoice,
    complete_trajectory,
    start_trajectory,
)
from minami_desk.services.trajectories.milestones import mark_done
from tests.services.trajectories.helpers import add_resident, attend, weekly


def completed_trajectory(
    db: Database,
    actor: Actor,
    first: str,
    last: str,
    infix: str = "",
    start: date = date(2026, 6, 3),
    end: date = date(2026, 12, 3),
    coach_id: int | None = None,
) -> int:
    resident = add_resident(db, first, last, infix)
    trajectory_id = start_trajectory(
        db, actor, resident, start, [GoalChoice("self_image")], coach_id=coach_id
    )
    attend(db, resident, weekly(start, int(get_setting(db, "trajectory.min_sessions", 8))))
    with db.read_session() as session:
        final = session.scalar(
            select(Milestone.id).where(
                Milestone.trajectory_id == trajectory_id, Milestone.code == "final"
            )
        )
    mark_done(db, actor, final, end)
    complete_trajectory(db, actor, trajectory_id, on=end)
    return trajectory_id
