"""Contacts with themes and follow-ups; the timeline hides help requests from volunteers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from minami_desk import clock
from minami_desk.errors import ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.consents import ConsentChoice, consent_history, withdraw_consent
from minami_desk.services.contacts import (
    ContactInput,
    complete_follow_up,
    contacts_on,
    follow_ups_due,
    record_contact,
)
from minami_desk.services.registration import ResidentInput, register_resident
from minami_desk.services.themes import add_theme, list_themes, update_theme
from minami_desk.services.timeline import resident_timeline
from tests.services.desk_helpers import register

NOW = datetime(2026, 11, 27, 11, 30, tzinfo=clock.AMSTERDAM)


@pytest.fixture(autouse=True)
def _fixed_now() -> None:
    clock.fix(NOW)


def theme_id(db, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(theme.id for theme in list_themes(db) if theme.name == name)


def test_record_and_list_today(db, staff_actor: Actor, volunteer: Actor) -> None:
    resident = register(db, staff_actor, "Ama", "Mensah")
    debts = theme_id(db, "Schulden")
    record_contact(
        db,
        volunteer,
        ContactInput(resident_id=resident, theme_ids=[debts], help_request="Brief van deurwaarder"),
    )
    staff_view = contacts_on(db, staff_actor)
    assert [(c.resident_name, c.themes, c.help_request) for c in staff_view] == [
        ("Ama Mensah", ("Schulden",), "Brief van deurwaarder")
    ]
    volunteer_view = contacts_on(db, volunteer)
    assert volunteer_view[0].help_request == "" and volunteer_view[0].themes == ()
    assert contacts_on(db, staff_actor, date(2026, 11, 26)) == []


def test_contact_validation(db, staff_actor: Actor) -> None:
    resident = register(db, staff_actor, "Ama", "Mensah")
    with pytest.raises(ValidationError) as caught:
        record_contact(
            db,
            staff_actor,
            ContactInput(
                resident_id=resident,
                contact_at=datetime(2026, 11, 28, 9, tzinfo=clock.AMSTERDAM),
                follow_up_on=date(2026, 11, 1),
            ),
        )
    assert set(caught.value.errors) == {"contact_at", "follow_up_on"}
    with pytest.raises(ValidationError) as caught:
        record_contact(db, staff_actor, ContactInput())
    assert set(caught.value.errors) == {"resident"}


def test_follow_ups_due_and_overdue(db, staff_actor: Actor) -> None:
    resident = register(db, staff_actor, "Kofi", "Sital")
    earlier = datetime(2026, 11, 10, 10, tzinfo=clock.AMSTERDAM)
    overdue = record_contact(
        db,
        staff_actor,
        ContactInput(resident_id=resident, contact_at=earlier, follow_up_on=date(2026, 11, 20)),
    )
    due = record_contact(
        db, staff_actor, ContactInput(resident_id=resident, follow_up_on=date(2026, 11, 27))
    )
    record_contact(
        db, staff_actor, ContactInput(resident_id=resident, follow_up_on=date(2026, 12, 4))
    )
    assert [row.id for row in follow_ups_due(db, staff_actor)] == [due, overdue]
    complete_follow_up(db, staff_actor, overdue)
    assert [row.id for row in follow_ups_due(db, staff_actor)] == [due]


def test_timeline_contacts_and_consents(db, staff_actor: Actor, volunteer: Actor) -> None:
    resident = register_resident(
        db,
        staff_actor,
        ResidentInput(first_name="Zoë", last_name="Yilmaz"),
        [ConsentChoice("registration"), ConsentChoice("photos")],
    )
    record_contact(
        db,
        staff_actor,
        ContactInput(
            resident_id=resident,
            theme_ids=[theme_id(db, "Wonen")],
            help_request="Schimmel in de badkamer",
        ),
    )
    photos = next(r for r in consent_history(db, staff_actor, resident) if r.kind == "photos")
    withdraw_consent(db, staff_actor, photos.id)
    events = resident_timeline(db, staff_actor, resident)
    kinds = [event.kind for event in events]
    assert kinds.count("consent") == 3 and kinds.count("contact") == 1
    contact = next(event for event in events if event.kind == "contact")
    assert "Wonen" in contact.title and contact.detail == "Schimmel in de badkamer"
    hidden = resident_timeline(db, volunteer, resident)
    assert [event.kind for event in hidden] == ["contact"]
    assert "Schimmel" not in hidden[0].detail and "Wonen" not in hidden[0].title


def test_themes_are_editable(db, admin: Actor, staff_actor: Actor) -> None:
    new = add_theme(db, admin, "Digitale vaardigheden")
    assert any(theme.id == new for theme in list_themes(db))
    with pytest.raises(ValidationError):
        add_theme(db, admin, "digitale vaardigheden")
    update_theme(db, admin, new, "Digitale vaardigheden", active=False)
    assert all(theme.id != new for theme in list_themes(db))
    assert any(theme.id == new for theme in list_themes(db, include_inactive=True))
