"""The participant's own scores (1–10) per chosen goal at the intake, midway and the end.

They are the participant's view of their own growth, shown back to them as a chart; only
staff see them (``VIEW_TRAJECTORIES``), volunteers do not.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import ASSESSMENT_MOMENTS, SelfAssessment
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.trajectories.lifecycle import load_trajectory


def check_scores(goal_ids: set[int], scores: Mapping[int, int | None]) -> dict[int, int]:
    """Scores given for this trajectory's goals, each 1–10; empty ones are left out."""
    cleaned: dict[int, int] = {}
    for goal_id, score in scores.items():
        if goal_id not in goal_ids:
            raise ValidationError("scores", _("A score belongs to a goal of another trajectory."))
        if score is None:
            continue
        if not isinstance(score, int) or not 1 <= score <= 10:
            raise ValidationError("scores", _("A score is a whole number from 1 to 10."))
        cleaned[goal_id] = score
    return cleaned


def store_scores(
    session: Session,
    trajectory_id: int,
    moment: str,
    scores: Mapping[int, int | None],
    recorded_on: date,
) -> int:
    """Write (or overwrite) the scores of one moment in the caller's unit of work."""
    if moment not in ASSESSMENT_MOMENTS:
        raise ValidationError("moment", _("Unknown moment for the self-assessment."))
    trajectory = load_trajectory(session, trajectory_id)
    cleaned = check_scores({goal.id for goal in trajectory.goals}, scores)
    existing = {
        row.goal_id: row
        for row in session.scalars(
            select(SelfAssessment).where(
                SelfAssessment.goal_id.in_(list(cleaned)), SelfAssessment.moment == moment
            )
        )
    }
    for goal_id, score in cleaned.items():
        row = existing.get(goal_id)
        if row is None:
            session.add(
                SelfAssessment(goal_id=goal_id, moment=moment, score=score, recorded_on=recorded_on)
            )
        else:
            row.score = score
            row.recorded_on = recorded_on
    return len(cleaned)


def record_scores(
    db: Database,
    actor: Actor,
    trajectory_id: int,
    moment: str,
    scores: Mapping[int, int | None],
    recorded_on: date | None = None,
) -> None:
    """Record the self-assessment of one moment; ``scores`` maps goal id to 1–10."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    on = recorded_on or clock.today()
    if on > clock.today():
        raise ValidationError("recorded_on", _("The date cannot be in the future."))
    with db.session() as session:
        count = store_scores(session, trajectory_id, moment, scores, on)
        record(session, actor, "changed", "trajectory", trajectory_id, f"scores={moment}:{count}")
