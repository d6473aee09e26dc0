from __future__ import annotations

from datetime import date, datetime

import pytest

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog, Consent, SuccessStory
from minami_desk.errors import PermissionDeniedError, UserError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.stories import (
    StoryInput,
    get_story,
    list_stories,
    save_story,
    shareable_stories,
    story_for_print,
    withdraw_consent,
)
from tests.referral_data import add_resident

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def _story(**changes: object) -> StoryInput:
    values: dict[str, object] = {
        "title": "Weer aan het werk",
        "story": "Na een moeilijk jaar vond zij via de praatsessies weer moed om te solliciteren.",
        "story_date": date(2026, 11, 10),
        "sharing": "not_shared",
    }
    values.update(changes)
    return StoryInput(**values)  # type: ignore[arg-type]


def test_only_stories_with_consent_reach_reports(db: Database, staff_actor: Actor) -> None:
    akosua = add_resident(db, "Akosua", "Ɔwusu", 101)
    save_story(db, staff_actor, _story(title="Met naam", sharing="named", resident_id=akosua))
    save_story(
        db,
        staff_actor,
        _story(title="Anoniem", sharing="anonymised", pseudonym="Mevrouw A.", resident_id=akosua),
    )
    save_story(db, staff_actor, _story(title="Niet delen", sharing="not_shared"))
    save_story(
        db,
        staff_actor,
        _story(title="Oktober", sharing="named", resident_id=akosua, story_date=date(2026, 10, 31)),
    )

    printed = shareable_stories(db, *NOVEMBER)

    assert [(s.title, s.display_name) for s in printed] == [
        ("Met naam", "Akosua Ɔwusu"),
        ("Anoniem", "Mevrouw A."),
    ]
    assert printed[0].date == date(2026, 11, 10)
    assert printed[0].text.startswith("Na een moeilijk jaar")


def test_withdrawing_consent_removes_the_story_from_reports(
    db: Database, staff_actor: Actor
) -> None:
    kwame = add_resident(db, "Kwame", "Mensah", 102)
    story_id = save_story(db, staff_actor, _story(sharing="named", resident_id=kwame))
    assert len(shareable_stories(db, *NOVEMBER)) == 1

    withdraw_consent(db, staff_actor, story_id)

    assert shareable_stories(db, *NOVEMBER) == []
    row = get_story(db, staff_actor, story_id)
    assert row.consent_withdrawn_at is not None and not row.shareable
    with pytest.raises(UserError):
        story_for_print(db, staff_actor, story_id)
    # Consent cannot quietly come back by editing the story.
    with pytest.raises(ValidationError) as error:
        save_story(
            db,
            staff_actor,
            _story(sharing="anonymised", pseudonym="K.", resident_id=kwame),
            story_id,
        )
    assert error.value.field == "sharing"
    assert shareable_stories(db, *NOVEMBER) == []
    with db.read_session() as session:
        details = [row.detail for row in session.query(AuditLog).filter_by(entity="success_story")]
    assert "consent_withdrawn" in details


def test_a_withdrawn_story_sharing_consent_on_the_resident_hides_their_stories(
    db: Database, staff_actor: Actor
) -> None:
    ama = add_resident(db, "Ama", "Boateng", 103)
    save_story(db, staff_actor, _story(sharing="named", resident_id=ama))
    with db.session() as session:
        session.add(
            Consent(
                resident_id=ama,
                kind="story_sharing",
                given=True,
                given_at=clock.utcnow(),
                given_by="bewoner zelf",
                withdrawn_at=clock.utcnow(),
            )
        )
    assert shareable_stories(db, *NOVEMBER) == []


def test_anonymised_story_may_not_carry_the_real_name(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Şeyma", "Yılmaz", 104)
    with pytest.raises(ValidationError) as error:
        save_story(
            db, staff_actor, _story(sharing="anonymised", pseudonym="", resident_id=resident)
        )
    assert error.value.field == "pseudonym"
    with pytest.raises(ValidationError) as error:
        save_story(
            db,
            staff_actor,
            _story(sharing="anonymised", pseudonym="Seyma", resident_id=resident),
        )
    assert "echte naam" in error.value.errors["pseudonym"]
    with pytest.raises(ValidationError) as error:
        save_story(
            db,
            staff_actor,
            _story(
                sharing="anonymised",
                pseudonym="Mevrouw S.",
                resident_id=resident,
                story="Seyma kwam binnen met vragen over haar huur.",
            ),
        )
    assert error.value.field == "story"
    with db.read_session() as session:
        assert session.query(SuccessStory).count() == 0


def test_named_story_needs_a_resident_and_bad_input_is_refused(
    db: Database, staff_actor: Actor
) -> None:
    with pytest.raises(ValidationError) as error:
        save_story(db, staff_actor, _story(sharing="named"))
    assert error.value.field == "sharing"
    with pytest.raises(ValidationError) as error:
        save_story(db, staff_actor, _story(title=" ", story="", story_date=date(2026, 12, 1)))
    assert set(error.value.errors) == {"title", "story", "story_date"}
    assert "titel" in error.value.errors["title"]


def test_volunteers_cannot_read_or_write_stories(db: Database, volunteer: Actor) -> None:
    with pytest.raises(PermissionDeniedError):
        list_stories(db, volunteer)
    with pytest.raises(PermissionDeniedError):
        save_story(db, volunteer, _story())


def test_list_and_search_stories(db: Database, staff_actor: Actor) -> None:
    save_story(db, staff_actor, _story(title="Een nieuwe start"))
    save_story(db, staff_actor, _story(title="Samen koken", story_date=date(2026, 11, 12)))
    assert [row.title for row in list_stories(db, staff_actor)] == [
        "Samen koken",
        "Een nieuwe start",
    ]
    assert [row.title for row in list_stories(db, staff_actor, search="KOKEN")] == ["Samen koken"]
