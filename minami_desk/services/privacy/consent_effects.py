"""Consent, decided in one place: is it in force now, and what a withdrawal changes elsewhere.

Sections ask ``in_force``/``allowed_ids`` before they use a consent (a story on the wall, a
photo at an activity); withdrawing goes through ``withdraw`` (or, for a service that withdraws
itself, ``apply_withdrawal`` inside its own unit of work), so the date is kept on the consent
row and the effects happen at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database, affected_rows
from minami_desk.data.models import CONSENT_KINDS, Consent, Resident, SuccessStory, Trajectory
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record


def _latest(session: Session, resident_ids: Iterable[int], kind: str) -> dict[int, Consent]:
    latest: dict[int, Consent] = {}
    statement = (
        select(Consent)
        .where(Consent.resident_id.in_(list(resident_ids)), Consent.kind == kind)
        .order_by(Consent.given_at, Consent.id)
    )
    for consent in session.scalars(statement):
        latest[consent.resident_id] = consent  # the newest row per resident wins
    return latest


def in_force(session: Session, resident_id: int, kind: str) -> bool:
    """True when the newest consent of ``kind`` was given and is not withdrawn."""
    consent = _latest(session, [resident_id], kind).get(resident_id)
    return consent is not None and consent.given and consent.withdrawn_at is None


def allowed_ids(session: Session, resident_ids: Iterable[int], kind: str) -> set[int]:
    """Of ``resident_ids``, who has consent of ``kind`` in force (e.g. photos on a sheet)."""
    latest = _latest(session, resident_ids, kind)
    return {rid for rid, c in latest.items() if c.given and c.withdrawn_at is None}


def apply_withdrawal(
    session: Session, actor: Actor, resident_id: int, kind: str, moment: datetime
) -> None:
    """What a withdrawal changes outside the consent table, in the caller's unit of work.

    - story_sharing: every story of the resident (or of their trajectories) stops being
      shared from ``moment`` on, also in reports of earlier months printed again;
    - photos, contact_phone, contact_whatsapp: nothing is stored elsewhere; ``in_force`` and
      ``allowed_ids`` answer "no" from now on, wherever they are asked;
    - registration: the resident is archived, so they drop out of lists and searches.
    """
    if kind == "story_sharing":
        trajectory_ids = select(Trajectory.id).where(Trajectory.resident_id == resident_id)
        result = session.execute(
            update(SuccessStory)
            .where(
                (SuccessStory.resident_id == resident_id)
                | SuccessStory.trajectory_id.in_(trajectory_ids),
                SuccessStory.consent_withdrawn_at.is_(None),
            )
            .values(consent_withdrawn_at=moment)
            .execution_options(synchronize_session=False)
        )
        count = affected_rows(result)
        if count:
            record(session, actor, "changed", "success_story", None, f"consent_withdrawn:{count}")
    elif kind == "registration":
        resident = session.get(Resident, resident_id)
        if resident is not None and resident.archived_at is None:
            resident.archived_at = moment
            record(session, actor, "changed", "resident", resident_id, "archived:consent")


def withdraw(db: Database, actor: Actor, resident_id: int, kind: str, note: str = "") -> int:
    """Withdraw the consent of ``kind`` in force, record the date, apply it everywhere.

    Returns how many consent rows were marked withdrawn (0 when none was in force).
    """
    actor.require(Permission.EDIT_RESIDENTS)
    if kind not in CONSENT_KINDS:
        raise ValidationError("kind", _("Choose which consent is withdrawn."))
    moment = clock.utcnow()
    with db.session() as session:
        if session.get(Resident, resident_id) is None:
            raise NotFoundError(_("This resident no longer exists."))
        rows = list(
            session.scalars(
                select(Consent).where(
                    Consent.resident_id == resident_id,
                    Consent.kind == kind,
                    Consent.given.is_(True),
                    Consent.withdrawn_at.is_(None),
                )
            )
        )
        for consent in rows:
            consent.withdrawn_at = moment
            consent.withdrawn_note = note.strip()[:2000]
            record(session, actor, "changed", "consent", consent.id, f"withdrawn:{kind}")
        apply_withdrawal(session, actor, resident_id, kind, moment)
        return len(rows)
