"""AVG consents: given at registration, withdrawn later; every row stays as history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import CONSENT_KINDS, Consent, Resident
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.privacy.consent_effects import apply_withdrawal
from minami_desk.services.residents import live_resident

SELF = "bewoner zelf"  # stored in ``given_by`` when the resident consents personally


@dataclass(frozen=True)
class ConsentChoice:
    """One tick on the form: a kind and whether it was given."""

    kind: str
    given: bool = True


@dataclass(frozen=True)
class ConsentRow:
    """One consent as the resident page shows it."""

    id: int
    kind: str
    given: bool
    given_at: datetime
    given_by: str  # "" when the resident consented personally
    by_guardian: bool
    withdrawn_at: datetime | None
    withdrawn_note: str

    @property
    def active(self) -> bool:
        return self.given and self.withdrawn_at is None


def validate_consents(choices: list[ConsentChoice]) -> None:
    unknown = [choice.kind for choice in choices if choice.kind not in CONSENT_KINDS]
    if unknown:
        raise ValueError(f"unknown consent kinds {unknown}")


def add_consents(
    session: Session, actor: Actor, resident: Resident, choices: list[ConsentChoice]
) -> None:
    """Record the choices now; a guardian signs for a resident who has one on file."""
    by_guardian = bool(resident.guardian_name) and not resident.minor_free_help
    moment = clock.utcnow()
    for choice in choices:
        session.add(
            Consent(
                resident_id=resident.id,
                kind=choice.kind,
                given=choice.given,
                given_at=moment,
                given_by=(resident.guardian_name or "") if by_guardian else SELF,
                by_guardian=by_guardian,
                recorded_by_id=actor.staff_id,
            )
        )


def has_registration_consent(session: Session, resident_id: int) -> bool:
    found = session.scalar(
        select(Consent.id).where(
            Consent.resident_id == resident_id,
            Consent.kind == "registration",
            Consent.given.is_(True),
            Consent.withdrawn_at.is_(None),
        )
    )
    return found is not None


def consent_history(db: Database, actor: Actor, resident_id: int) -> list[ConsentRow]:
    """Every consent row of a resident, newest first, withdrawn ones included."""
    actor.require(Permission.VIEW_RESIDENT_DETAILS)
    with db.read_session() as session:
        rows = session.scalars(
            select(Consent)
            .where(Consent.resident_id == resident_id)
            .order_by(Consent.given_at.desc(), Consent.id.desc())
        )
        return [
            ConsentRow(
                id=row.id,
                kind=row.kind,
                given=row.given,
                given_at=row.given_at,
                given_by=row.given_by if row.by_guardian else "",
                by_guardian=row.by_guardian,
                withdrawn_at=row.withdrawn_at,
                withdrawn_note=row.withdrawn_note,
            )
            for row in rows
        ]


def current_consents(db: Database, actor: Actor, resident_id: int) -> dict[str, bool]:
    """Per kind: is consent in force now (the newest row decides)."""
    result: dict[str, bool] = {}
    for row in reversed(consent_history(db, actor, resident_id)):
        result[row.kind] = row.active
    return result


def give_consent(
    db: Database, actor: Actor, resident_id: int, kind: str, given_by_guardian: str = ""
) -> int:
    """Record a consent given later (e.g. photos at an activity); returns its id."""
    actor.require(Permission.EDIT_RESIDENTS)
    validate_consents([ConsentChoice(kind)])
    with db.session() as session:
        live_resident(session, resident_id)
        guardian = given_by_guardian.strip()
        consent = Consent(
            resident_id=resident_id,
            kind=kind,
            given=True,
            given_at=clock.utcnow(),
            given_by=guardian or SELF,
            by_guardian=bool(guardian),
            recorded_by_id=actor.staff_id,
        )
        session.add(consent)
        session.flush()
        record(session, actor, "created", "consent", consent.id, kind)
        return consent.id


def withdraw_consent(db: Database, actor: Actor, consent_id: int, note: str = "") -> None:
    """Mark a consent withdrawn now; the row itself stays, so the history is complete."""
    actor.require(Permission.EDIT_RESIDENTS)
    with db.session() as session:
        consent = session.get(Consent, consent_id)
        if consent is None:
            raise NotFoundError(_("This consent no longer exists."))
        if consent.withdrawn_at is not None:
            raise ValidationError("consent", _("This consent has already been withdrawn."))
        consent.withdrawn_at = clock.utcnow()
        consent.withdrawn_note = note.strip()[:2000]
        record(session, actor, "changed", "consent", consent_id, "withdrawn")
        # Takes effect everywhere at once (stories stop being shared, …), same unit of work.
        apply_withdrawal(session, actor, consent.resident_id, consent.kind, consent.withdrawn_at)
