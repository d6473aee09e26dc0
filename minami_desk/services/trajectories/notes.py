"""The coach's dated progress notes; hidden from volunteers like the rest of the trajectory."""

from __future__ import annotations

from datetime import date

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import ProgressNote
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.trajectories.lifecycle import load_trajectory

TEXT_MAX = 8000


def add_note(
    db: Database, actor: Actor, trajectory_id: int, text: str, written_on: date | None = None
) -> int:
    actor.require(Permission.MANAGE_TRAJECTORIES)
    text = text.strip()
    if not text:
        raise ValidationError("text", _("The note is empty."))
    if len(text) > TEXT_MAX:
        raise ValidationError("text", _("The note is too long."))
    on = written_on or clock.today()
    if on > clock.today():
        raise ValidationError("written_on", _("The date cannot be in the future."))
    with db.session() as session:
        load_trajectory(session, trajectory_id)
        note = ProgressNote(
            trajectory_id=trajectory_id, author_id=actor.staff_id, written_on=on, text=text
        )
        session.add(note)
        session.flush()
        record(session, actor, "created", "progress_note", note.id, f"trajectory={trajectory_id}")
        return note.id
