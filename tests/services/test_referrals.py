from __future__ import annotations

from datetime import date, datetime

import pytest

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Referral
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.referral_followups import follow_ups_due
from minami_desk.services.referrals import (
    TRANSITIONS,
    FollowUpResult,
    ReferralFilter,
    ReferralInput,
    create_referral,
    get_referral,
    list_referrals,
    record_follow_up,
    resident_referrals,
    set_status,
    update_referral,
)
from tests.referral_data import add_resident, organisation_id, theme_id

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def _refer(db: Database, actor: Actor, resident: int, **changes: object) -> int:
    values: dict[str, object] = {
        "resident_id": resident,
        "organisation_id": organisation_id(db, "Schuldhulpverlening Amsterdam"),
        "referred_on": date(2026, 11, 10),
        "theme_ids": (theme_id(db, "debts"),),
        "reason": "Achterstand huur en energie",
        "handover": "called_together",
        "follow_up_on": date(2026, 11, 24),
    }
    values.update(changes)
    return create_referral(db, actor, ReferralInput(**values))  # type: ignore[arg-type]


def test_a_referral_walks_the_allowed_steps(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Akua", "Asante", 301)
    referral_id = _refer(db, staff_actor, resident)
    row = get_referral(db, staff_actor, referral_id)
    assert (row.status, row.handover, row.themes) == ("referred", "called_together", ("Schulden",))

    set_status(db, staff_actor, referral_id, "contact_made")
    assert get_referral(db, staff_actor, referral_id).closed_on is None
    set_status(db, staff_actor, referral_id, "helped", "Betalingsregeling getroffen")

    row = get_referral(db, staff_actor, referral_id)
    assert (row.status, row.closed_on, row.outcome_note) == (
        "helped",
        TODAY,
        "Betalingsregeling getroffen",
    )


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ((), "helped"),  # verwezen → geholpen skips "contact gelegd"
        (("contact_made",), "referred"),  # no way back
        (("contact_made", "helped"), "not_helped"),  # closed stays closed
        (("not_helped",), "contact_made"),
    ],
)
def test_other_steps_are_refused_in_dutch_and_change_nothing(
    db: Database, staff_actor: Actor, path: tuple[str, ...], refused: str
) -> None:
    resident = add_resident(db, "Yaw", "Boakye", 302)
    referral_id = _refer(db, staff_actor, resident)
    for status in path:
        set_status(db, staff_actor, referral_id, status)
    before = get_referral(db, staff_actor, referral_id)

    with pytest.raises(ValidationError) as error:
        set_status(db, staff_actor, referral_id, refused, "Mag niet")

    assert error.value.field == "status"
    assert "kan niet" in str(error.value)
    assert get_referral(db, staff_actor, referral_id) == before


def test_unknown_can_be_corrected_later() -> None:
    assert TRANSITIONS["unknown"] == ("contact_made", "helped", "not_helped")
    assert TRANSITIONS["helped"] == TRANSITIONS["not_helped"] == ()


def test_follow_ups_due_today_and_overdue_in_date_order(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Efua", "Mensah", 303)
    overdue = _refer(db, staff_actor, resident, follow_up_on=date(2026, 11, 20))
    today = _refer(db, staff_actor, resident, follow_up_on=TODAY)
    _refer(db, staff_actor, resident, follow_up_on=date(2026, 11, 28))  # tomorrow
    _refer(db, staff_actor, resident, follow_up_on=None)
    closed = _refer(db, staff_actor, resident, follow_up_on=date(2026, 11, 21))
    set_status(db, staff_actor, closed, "unknown")

    assert [row.id for row in follow_ups_due(db, staff_actor)] == [overdue, today]


def test_completing_a_follow_up_takes_it_off_the_list(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Kofi", "Owusu", 304)
    referral_id = _refer(db, staff_actor, resident, follow_up_on=TODAY)

    # Contact is made, but the result is not known yet: follow up again in two weeks.
    record_follow_up(
        db,
        staff_actor,
        referral_id,
        FollowUpResult("contact_made", "Eerste gesprek gehad", date(2026, 12, 11)),
    )
    assert follow_ups_due(db, staff_actor) == []
    assert [row.id for row in follow_ups_due(db, staff_actor, date(2026, 12, 11))] == [referral_id]

    record_follow_up(db, staff_actor, referral_id, FollowUpResult("helped", "Budgetcoach gekregen"))
    row = get_referral(db, staff_actor, referral_id)
    assert (row.status, row.follow_up_on, row.outcome_note) == (
        "helped",
        None,
        "Budgetcoach gekregen",
    )
    assert follow_ups_due(db, staff_actor, date(2026, 12, 31)) == []


def test_a_next_follow_up_must_lie_after_today(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Kofi", "Owusu", 305)
    referral_id = _refer(db, staff_actor, resident, follow_up_on=TODAY)
    with pytest.raises(ValidationError) as error:
        record_follow_up(db, staff_actor, referral_id, FollowUpResult("contact_made", "", TODAY))
    assert error.value.field == "follow_up_on"
    assert get_referral(db, staff_actor, referral_id).status == "referred"


def test_bad_referral_input_is_refused_in_dutch(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Abena", "Darko", 306)
    with pytest.raises(ValidationError) as error:
        _refer(
            db,
            staff_actor,
            resident,
            referred_on=date(2026, 12, 1),
            follow_up_on=None,
            theme_ids=(),
            handover="emailed",
        )
    assert set(error.value.errors) == {"referred_on", "themes", "handover"}
    assert "toekomst" in error.value.errors["referred_on"]
    with pytest.raises(ValidationError) as error:
        _refer(db, staff_actor, resident, follow_up_on=date(2026, 11, 1))
    assert error.value.field == "follow_up_on"
    with db.read_session() as session:
        assert session.query(Referral).count() == 0


def test_list_filters_by_status_organisation_theme_and_period(
    db: Database, staff_actor: Actor
) -> None:
    resident = add_resident(db, "Nana", "Agyeman", 307)
    debts = _refer(db, staff_actor, resident)
    food = _refer(
        db,
        staff_actor,
        resident,
        organisation_id=organisation_id(db, "Voedselbank Amsterdam"),
        theme_ids=(theme_id(db, "money_worries"), theme_id(db, "debts")),
        referred_on=date(2026, 10, 3),
    )
    carers = _refer(
        db,
        staff_actor,
        resident,
        organisation_id=organisation_id(db, "Steunpunt jonge mantelzorgers"),
        theme_ids=(theme_id(db, "young_carers"),),
        referred_on=date(2026, 11, 20),
    )
    set_status(db, staff_actor, carers, "contact_made")

    def ids(**chosen: object) -> list[int]:
        return [row.id for row in list_referrals(db, staff_actor, ReferralFilter(**chosen))]  # type: ignore[arg-type]

    assert ids() == [carers, debts, food]
    assert ids(status="contact_made") == [carers]
    assert ids(status="open") == [carers, debts, food]
    assert ids(organisation_id=organisation_id(db, "Voedselbank Amsterdam")) == [food]
    assert ids(theme_id=theme_id(db, "debts")) == [debts, food]
    assert ids(period_start=date(2026, 11, 1), period_end=date(2026, 11, 30)) == [carers, debts]
    assert ids(theme_id=theme_id(db, "debts"), period_end=date(2026, 10, 31)) == [food]


def test_volunteers_see_where_someone_was_sent_but_not_why_or_how_it_went(
    db: Database, staff_actor: Actor, volunteer: Actor
) -> None:
    resident = add_resident(db, "Adjoa", "Frimpong", 308)
    referral_id = _refer(db, staff_actor, resident)
    set_status(db, staff_actor, referral_id, "not_helped", "Wachtlijst te lang")

    with pytest.raises(PermissionDeniedError):
        list_referrals(db, volunteer)
    with pytest.raises(PermissionDeniedError):
        get_referral(db, volunteer, referral_id)
    with pytest.raises(PermissionDeniedError):
        follow_ups_due(db, volunteer)
    with pytest.raises(PermissionDeniedError):
        _refer(db, volunteer, resident)
    (row,) = resident_referrals(db, volunteer, resident)
    assert row.organisation_name == "Schuldhulpverlening Amsterdam"
    assert (row.reason, row.outcome_note, row.status) == ("", "", "referred")
    (full,) = resident_referrals(db, staff_actor, resident)
    assert (full.reason, full.status) == ("Achterstand huur en energie", "not_helped")


def test_details_can_be_corrected(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Afua", "Sarpong", 309)
    referral_id = _refer(db, staff_actor, resident)
    update_referral(
        db,
        staff_actor,
        referral_id,
        ReferralInput(
            resident_id=resident,
            organisation_id=organisation_id(db, "Het Juridisch Loket"),
            referred_on=date(2026, 11, 11),
            theme_ids=(theme_id(db, "housing"),),
            reason="Huurgeschil",
            handover="accompanied",
            follow_up_on=date(2026, 12, 2),
        ),
    )
    row = get_referral(db, staff_actor, referral_id)
    assert (row.organisation_name, row.themes, row.handover, row.follow_up_on) == (
        "Het Juridisch Loket",
        ("Wonen",),
        "accompanied",
        date(2026, 12, 2),
    )


def test_a_referral_from_a_contact_must_be_that_residents_contact(
    db: Database, staff_actor: Actor
) -> None:
    from minami_desk.data.models import Contact

    akosua = add_resident(db, "Akosua", "Badu", 310)
    other = add_resident(db, "Yaa", "Badu", 311)
    with db.session() as session:
        contact = Contact(resident_id=akosua, contact_at=clock.utcnow(), help_request="Post")
        session.add(contact)
        session.flush()
        contact_id = contact.id

    with pytest.raises(ValidationError) as error:
        _refer(db, staff_actor, other, contact_id=contact_id)
    assert error.value.field == "contact"

    referral_id = _refer(db, staff_actor, akosua, contact_id=contact_id)
    assert get_referral(db, staff_actor, referral_id).contact_id == contact_id
