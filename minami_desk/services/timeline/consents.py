"""Timeline rows for consents given and withdrawn (only for roles that may see consents)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk.data.models import Consent
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.labels import CONSENT_LABELS, label
from minami_desk.services.timeline import TimelineEvent


def events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    if not actor.can(Permission.VIEW_RESIDENT_DETAILS):
        return []
    result = []
    for consent in session.scalars(select(Consent).where(Consent.resident_id == resident_id)):
        kind = label(CONSENT_LABELS, consent.kind)
        if consent.given:
            title = _("Consent given: {kind}").format(kind=kind)
        else:
            title = _("Consent refused: {kind}").format(kind=kind)
        if consent.by_guardian:
            detail = _("By parent/guardian {who}").format(who=consent.given_by)
        else:
            detail = _("By the resident")
        result.append(
            TimelineEvent(when=consent.given_at, kind="consent", title=title, detail=detail)
        )
        if consent.withdrawn_at is not None:
            result.append(
                TimelineEvent(
                    when=consent.withdrawn_at,
                    kind="consent",
                    title=_("Consent withdrawn: {kind}").format(kind=kind),
                    detail=consent.withdrawn_note,
                )
            )
    return result
