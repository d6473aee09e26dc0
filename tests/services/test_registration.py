"""Registering and editing residents: every faulty field gets its own Dutch message."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from minami_desk import clock
from minami_desk.data.models import AuditLog, Consent, Resident
from minami_desk.errors import NotFoundError, PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.consents import (
    ConsentChoice,
    consent_history,
    current_consents,
    withdraw_consent,
)
from minami_desk.services.profile import get_resident
from minami_desk.services.registration import (
    ResidentInput,
    archive_resident,
    load_input,
    register_resident,
    update_resident,
)
from minami_desk.services.residents import find_residents
from tests.services.desk_helpers import register

TODAY = datetime(2026, 11, 27, 10, 0)


@pytest.fixture(autouse=True)
def _fixed_day() -> None:
    clock.fix(TODAY)


def test_register_normalises_and_numbers(db, staff_actor: Actor) -> None:
    first = register(db, staff_actor, "  Kofi ", "Asante", phone="06-12345678", postcode="1102ab")
    second = register(db, staff_actor, "Dewi", "Mahabier", infix="van", phone="0031 20 6934133")
    with db.read_session() as session:
        one = session.get(Resident, first)
        two = session.get(Resident, second)
        assert (one.first_name, one.phone, one.phone_digits) == (
            "Kofi",
            "+31612345678",
            "0612345678",
        )
        assert one.postcode == "1102 AB"
        assert one.wijk == "Bijlmer-Centrum"  # suggested from the postcode table
        assert two.number == one.number + 1
        assert two.phone == "+31206934133"
        assert session.scalar(select(func.count()).select_from(AuditLog)) == 2


def test_every_faulty_field_is_reported_at_once(db, staff_actor: Actor) -> None:
    data = ResidentInput(
        first_name="",
        last_name="",
        birth_date=date(2031, 1, 1),
        phone="06-12",
        email="piet@",
        postcode="11O2 AB",
    )
    with pytest.raises(ValidationError) as caught:
        register_resident(db, staff_actor, data)
    errors = caught.value.errors
    assert set(errors) == {"first_name", "last_name", "birth_date", "phone", "email", "postcode"}
    assert errors["first_name"] == "Vul de voornaam in."
    assert "toekomst" in errors["birth_date"]
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Resident)) == 0


def test_no_bsn_anywhere() -> None:
    assert not any("bsn" in column.name for column in Resident.__table__.columns)
    assert "bsn" not in ResidentInput.__dataclass_fields__


def test_under_16_needs_guardian_or_free_help(db, staff_actor: Actor) -> None:
    child = ResidentInput(first_name="Yaw", last_name="Asante", birth_date=date(2014, 3, 1))
    with pytest.raises(ValidationError) as caught:
        register_resident(db, staff_actor, child, [ConsentChoice("registration")])
    assert {"guardian_name", "guardian_phone"} <= set(caught.value.errors)
    child.guardian_name = "Ama Asante"
    child.guardian_phone = "06 87654321"
    with pytest.raises(ValidationError) as caught:
        register_resident(db, staff_actor, child, [])
    assert set(caught.value.errors) == {"consent_registration"}
    resident_id = register_resident(db, staff_actor, child, [ConsentChoice("registration")])
    with db.read_session() as session:
        consent = session.scalars(select(Consent).where(Consent.resident_id == resident_id)).one()
        assert consent.by_guardian and consent.given_by == "Ama Asante"
    free = ResidentInput(
        first_name="Ramon", last_name="Dogan", birth_date=date(2012, 1, 5), minor_free_help=True
    )
    assert register_resident(db, staff_actor, free, [ConsentChoice("registration")])
    sixteen = ResidentInput(first_name="Naomi", last_name="Lont", birth_date=date(2010, 11, 27))
    assert register_resident(db, staff_actor, sixteen, [ConsentChoice("registration")])


def test_age_group_instead_of_birth_date(db, staff_actor: Actor) -> None:
    resident_id = register(db, staff_actor, "Marcia", "Brouwer", age_group="65+")
    assert get_resident(db, staff_actor, resident_id).age_group == "65+"
    with pytest.raises(ValidationError) as caught:
        register(db, staff_actor, "Marcia", "Brouwer", age_group="old")
    assert set(caught.value.errors) == {"age_group"}


def test_consent_withdrawal_keeps_history(db, staff_actor: Actor) -> None:
    resident_id = register_resident(
        db,
        staff_actor,
        ResidentInput(first_name="Esmée", last_name="Ramdin"),
        [ConsentChoice("registration"), ConsentChoice("photos")],
    )
    photos = next(r for r in consent_history(db, staff_actor, resident_id) if r.kind == "photos")
    withdraw_consent(db, staff_actor, photos.id, "wil niet op de website")
    history = consent_history(db, staff_actor, resident_id)
    assert len(history) == 2
    withdrawn = next(r for r in history if r.kind == "photos")
    assert withdrawn.withdrawn_at is not None and withdrawn.given
    assert current_consents(db, staff_actor, resident_id) == {"registration": True, "photos": False}
    with pytest.raises(ValidationError):
        withdraw_consent(db, staff_actor, photos.id)


def test_edit_validates_and_audits_field_names(db, staff_actor: Actor) -> None:
    resident_id = register(db, staff_actor, "Chantal", "Dogan", phone="0612345678")
    data = load_input(db, staff_actor, resident_id)
    assert data.phone == "06 12345678"
    data.email = "geen-adres"
    with pytest.raises(ValidationError) as caught:
        update_resident(db, staff_actor, resident_id, data)
    assert set(caught.value.errors) == {"email"}
    data.email = "chantal@example.nl"
    data.last_name = "Doğan"
    update_resident(db, staff_actor, resident_id, data)
    assert find_residents(db, staff_actor, "dogan")[0].full_name == "Chantal Doğan"
    with db.read_session() as session:
        last = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert last.action == "changed" and set(last.detail.split(",")) == {"last_name", "email"}


def test_archive_hides_from_search(db, staff_actor: Actor) -> None:
    resident_id = register(db, staff_actor, "Priscilla", "Lont")
    archive_resident(db, staff_actor, resident_id)
    assert find_residents(db, staff_actor, "lont") == []
    assert find_residents(db, staff_actor, "lont", include_archived=True)[0].archived
    archive_resident(db, staff_actor, resident_id, archived=False)
    assert find_residents(db, staff_actor, "lont")[0].id == resident_id


def test_volunteer_sees_no_details_and_cannot_edit(db, staff_actor: Actor, volunteer) -> None:
    resident_id = register(db, staff_actor, "Mehmet", "Yilmaz", note="schulden, gescheiden")
    details = get_resident(db, volunteer, resident_id)
    assert details.note == "" and details.details_hidden
    assert get_resident(db, staff_actor, resident_id).note == "schulden, gescheiden"
    with pytest.raises(PermissionDeniedError):
        load_input(db, volunteer, resident_id)
    with pytest.raises(PermissionDeniedError):
        consent_history(db, volunteer, resident_id)
    with pytest.raises(NotFoundError):
        get_resident(db, staff_actor, 999)
