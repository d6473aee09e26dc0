"""Timeline rows for contacts (walk-ins, calls): volunteers see that there was one, not why."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from minami_desk.data.models import Contact
from minami_desk.i18n import _, format_date
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.labels import CHANNEL_LABELS, label
from minami_desk.services.timeline import TimelineEvent


def events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    sensitive = actor.can(Permission.VIEW_HELP_REQUESTS)
    statement = select(Contact).where(Contact.resident_id == resident_id)
    if sensitive:
        statement = statement.options(selectinload(Contact.themes))
    result = []
    for contact in session.scalars(statement):
        title = label(CHANNEL_LABELS, contact.channel)
        detail = ""
        if sensitive:
            themes = ", ".join(theme.name for theme in contact.themes)
            if themes:
                title = _("{channel}: {themes}").format(channel=title, themes=themes)
            detail = contact.help_request
        if contact.follow_up_on and contact.follow_up_done_at is None:
            follow_up = _("Follow-up on {date}").format(
                date=format_date(contact.follow_up_on, "medium")
            )
            detail = f"{detail}\n{follow_up}".strip()
        result.append(
            TimelineEvent(
                when=contact.contact_at,
                kind="contact",
                title=title,
                detail=detail,
                target="contact",
                target_id=contact.id,
            )
        )
    return result
