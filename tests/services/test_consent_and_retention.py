"""Consent withdrawal takes effect everywhere; retention finds and removes what is due."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog, Consent, Contact, Resident, SuccessStory
from minami_desk.services.actor import Actor
from minami_desk.services.privacy import consent_effects
from minami_desk.services.privacy.retention import (
    AUDIT_LOG_MONTHS,
    apply_retention,
    months_before,
    retention_due,
    retention_periods,
    set_retention_periods,
)
from tests.privacy_data import make_history, make_session


def test_withdrawing_story_consent_stops_every_story_and_keeps_the_date(
    db: Database, staff_actor: Actor
) -> None:
    clock.fix(datetime(2026, 11, 27, 14, 30, tzinfo=clock.AMSTERDAM))
    session_id = make_session(db, date(2026, 3, 3))
    person = make_history(db, "Akosua", "Mensah", 701, [session_id], date(2026, 3, 1))
    with db.read_session() as session:
        assert consent_effects.in_force(session, person.resident_id, "story_sharing")
    assert consent_effects.withdraw(db, staff_actor, person.resident_id, "story_sharing") == 1
    with db.read_session() as session:
        assert not consent_effects.in_force(session, person.resident_id, "story_sharing")
        assert consent_effects.in_force(session, person.resident_id, "photos")
        consent = session.scalars(select(Consent).where(Consent.kind == "story_sharing")).one()
        assert clock.local(consent.withdrawn_at).date() == date(2026, 11, 27)
        story = session.get(SuccessStory, person.story_ids[0])
        assert story is not None and story.consent_withdrawn_at is not None
    assert consent_effects.withdraw(db, staff_actor, person.resident_id, "story_sharing") == 0


def test_photo_and_phone_consent_are_asked_in_one_place(db: Database, staff_actor: Actor) -> None:
    session_id = make_session(db, date(2026, 3, 3))
    person = make_history(db, "Akosua", "Mensah", 702, [session_id], date(2026, 3, 1))
    consent_effects.withdraw(db, staff_actor, person.resident_id, "photos")
    with db.read_session() as session:
        assert consent_effects.allowed_ids(session, [person.resident_id], "photos") == set()
        assert not consent_effects.in_force(session, person.resident_id, "contact_phone")


def test_withdrawing_registration_archives_the_resident(db: Database, staff_actor: Actor) -> None:
    session_id = make_session(db, date(2026, 3, 3))
    person = make_history(db, "Akosua", "Mensah", 703, [session_id], date(2026, 3, 1))
    consent_effects.withdraw(db, staff_actor, person.resident_id, "registration")
    with db.read_session() as session:
        resident = session.get(Resident, person.resident_id)
        assert resident is not None and resident.archived_at is not None


def test_months_before_handles_short_months() -> None:
    assert months_before(date(2026, 11, 27), 24) == date(2024, 11, 27)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 36) == date(2023, 1, 15)


def test_retention_lists_inactive_residents_and_removes_in_one_action(
    db: Database, admin: Actor
) -> None:
    old_session = make_session(db, date(2023, 5, 2))
    recent_session = make_session(db, date(2026, 10, 6))
    old = make_history(db, "Kofi", "Boateng", 801, [old_session], date(2023, 4, 1))
    recent = make_history(
        db, "Ama", "Owusu", 802, [recent_session], date(2026, 10, 1), "+31611112222"
    )
    with db.session() as session:
        session.add(
            AuditLog(at=datetime(2022, 1, 5, tzinfo=UTC), action="viewed", entity="resident")
        )
    clock.fix(datetime(2026, 11, 27, 12, tzinfo=clock.AMSTERDAM))
    assert retention_periods(db)[AUDIT_LOG_MONTHS] == 36
    due = retention_due(db, admin)
    assert [r.id for r in due.residents] == [old.resident_id]
    assert due.residents[0].last_activity == date(2023, 9, 30)  # trajectory end (182 days)
    assert due.contact_texts == 2 and due.audit_rows == 1
    result = apply_retention(db, admin, [old.resident_id, recent.resident_id])
    assert (result.residents, result.contact_texts, result.audit_rows) == (1, 0, 1)
    with db.read_session() as session:
        assert session.get(Resident, recent.resident_id).first_name == "Ama"  # type: ignore[union-attr]
        assert session.get(Resident, old.resident_id).anonymised_at is not None  # type: ignore[union-attr]
        texts = [c.help_request for c in session.scalars(select(Contact))]
        assert sorted(bool(t) for t in texts) == [False, False, True, True]
    again = retention_due(db, admin)
    assert again.residents == [] and again.contact_texts == 0 and again.audit_rows == 0


def test_retention_periods_are_validated(db: Database, admin: Actor) -> None:
    import pytest

    from minami_desk.errors import ValidationError

    with pytest.raises(ValidationError):
        set_retention_periods(db, admin, {AUDIT_LOG_MONTHS: 2})
    set_retention_periods(db, admin, {AUDIT_LOG_MONTHS: 48})
    assert retention_periods(db)[AUDIT_LOG_MONTHS] == 48
