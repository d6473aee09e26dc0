"""Referrals and success stories on a resident's timeline.

Volunteers see where someone was referred, not why nor how it went; stories appear only for
those who may manage them, since a story is the resident's own account.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk.data.models import SuccessStory
from minami_desk.i18n import _, format_date
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.referrals import handover_label, resident_rows, status_label
from minami_desk.services.stories import sharing_label
from minami_desk.services.timeline import TimelineEvent


def _referral_events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    details = actor.can(Permission.VIEW_REFERRALS)
    target = "referral" if actor.can(Permission.MANAGE_REFERRALS) else ""
    result = []
    for row in resident_rows(session, actor, resident_id):
        title = _("Referred to {agency}").format(agency=row.organisation_name)
        detail = ""
        if details:
            if row.status != "referred":  # "Verwezen naar … — Verwezen" would say it twice
                title = f"{title} — {status_label(row.status)}"
            lines = [
                _("{handover}; themes: {themes}").format(
                    handover=handover_label(row.handover), themes=", ".join(row.themes) or "—"
                ),
                row.reason,
                row.outcome_note,
            ]
            if row.is_open and row.follow_up_on is not None:
                lines.append(
                    _("Follow-up on {date}").format(date=format_date(row.follow_up_on, "medium"))
                )
            detail = "\n".join(line for line in lines if line)
        result.append(
            TimelineEvent(
                when=row.referred_on,
                kind="referral",
                title=title,
                detail=detail,
                target=target,
                target_id=row.id,
            )
        )
    return result


def _story_events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    if not actor.can(Permission.MANAGE_STORIES):
        return []
    statement = select(SuccessStory).where(SuccessStory.resident_id == resident_id)
    result = []
    for story in session.scalars(statement):
        if story.consent_withdrawn_at is not None:
            sharing = _("consent withdrawn")
        else:
            sharing = sharing_label(story.sharing)
        result.append(
            TimelineEvent(
                when=story.story_date,
                kind="story",
                title=_("Success story: {title}").format(title=story.title),
                detail=sharing,
                target="story",
                target_id=story.id,
            )
        )
    return result


def events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    return _referral_events(session, actor, resident_id) + _story_events(
        session, actor, resident_id
    )
