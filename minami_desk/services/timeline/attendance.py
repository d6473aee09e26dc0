"""Timeline rows for sessions attended: which meetings the resident came to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.data.models import Attendance, Session, SessionKind
from minami_desk.i18n import _
from minami_desk.services.actor import Actor
from minami_desk.services.timeline import TimelineEvent


def events(session: OrmSession, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    """Only sessions actually attended (present); sign-ups that came to nothing are left out."""
    rows = session.execute(
        select(Session.id, Session.starts_at, Session.title, SessionKind.name, Attendance.walk_in)
        .join(Attendance, Attendance.session_id == Session.id)
        .join(SessionKind, SessionKind.id == Session.kind_id)
        .where(
            Attendance.resident_id == resident_id,
            Attendance.status == "present",
            Session.status != "cancelled",
        )
    )
    attended = _("Attended: {title}")  # looked up once: a long history has hundreds of rows
    walk_in_note = " · " + _("walk-in")
    return [
        TimelineEvent(
            when=starts_at,
            kind="attendance",
            title=attended.format(title=title),
            detail=kind + walk_in_note if walk_in else kind,
            target="session",
            target_id=session_id,
        )
        for session_id, starts_at, title, kind, walk_in in rows
    ]
