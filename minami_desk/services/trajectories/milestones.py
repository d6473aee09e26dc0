"""Recording milestones: done (with a date and a note), or moved with a reason.

A moved milestone keeps ``original_due_on``, so the coach and the report can see the plan as it
was. The intake, midway and final evaluations are also the moments of the self-assessment, so
marking one of them done can carry the scores in the same unit of work.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import ASSESSMENT_MOMENTS, Milestone
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.trajectories.assessments import store_scores

NOTE_MAX = 4000
REASON_MAX = 500


def _load(session: Session, milestone_id: int) -> Milestone:
    milestone = session.get(Milestone, milestone_id)
    if milestone is None:
        raise NotFoundError(_("This milestone no longer exists."))
    if milestone.trajectory.status != "active":
        raise ValidationError("status", _("This trajectory has been closed; it cannot change."))
    return milestone


def mark_done(
    db: Database,
    actor: Actor,
    milestone_id: int,
    done_on: date | None = None,
    note: str = "",
    scores: Mapping[int, int | None] | None = None,
) -> None:
    """Mark a milestone done; for intake/midway/final the scores of that moment may come along."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    on = done_on or clock.today()
    if on > clock.today():
        raise ValidationError("done_on", _("The date cannot be in the future."))
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError("note", _("The note is too long."))
    with db.session() as session:
        milestone = _load(session, milestone_id)
        if on < milestone.trajectory.start_date:
            raise ValidationError("done_on", _("The date cannot be before the trajectory began."))
        if scores and milestone.code not in ASSESSMENT_MOMENTS:
            raise ValidationError("scores", _("This milestone has no self-assessment."))
        if scores:
            store_scores(session, milestone.trajectory_id, milestone.code, scores, on)
        milestone.done_on = on
        milestone.note = note
        record(session, actor, "changed", "milestone", milestone.id, f"done:{milestone.code}")


def reopen(db: Database, actor: Actor, milestone_id: int) -> None:
    """Undo "done" when it was recorded by mistake; the note stays."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    with db.session() as session:
        milestone = _load(session, milestone_id)
        milestone.done_on = None
        record(session, actor, "changed", "milestone", milestone.id, f"reopened:{milestone.code}")


def move_due_date(
    db: Database, actor: Actor, milestone_id: int, new_due_on: date, reason: str
) -> None:
    """Move the due date; the reason is required and the original date is kept."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", _("Write down why the date moves."))
    if len(reason) > REASON_MAX:
        raise ValidationError("reason", _("The reason is too long."))
    with db.session() as session:
        milestone = _load(session, milestone_id)
        if new_due_on < milestone.trajectory.start_date:
            raise ValidationError(
                "due_on", _("The new date cannot be before the trajectory began.")
            )
        if new_due_on == milestone.due_on:
            raise ValidationError("due_on", _("Choose a different date."))
        milestone.due_on = new_due_on
        milestone.moved_reason = reason
        record(session, actor, "changed", "milestone", milestone.id, f"moved:{milestone.code}")
