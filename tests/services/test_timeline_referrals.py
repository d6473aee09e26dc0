from __future__ import annotations

from datetime import date, datetime

import pytest

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.referrals import ReferralInput, create_referral, set_status
from minami_desk.services.stories import StoryInput, save_story
from minami_desk.services.timeline import resident_timeline
from tests.referral_data import add_resident, organisation_id, theme_id

OURS = ("referral", "story")


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def test_referrals_and_stories_on_the_timeline(
    db: Database, staff_actor: Actor, volunteer: Actor
) -> None:
    resident = add_resident(db, "Kojo", "Antwi", 701)
    referral = create_referral(
        db,
        staff_actor,
        ReferralInput(
            resident_id=resident,
            organisation_id=organisation_id(db, "Het Juridisch Loket"),
            referred_on=date(2026, 11, 2),
            theme_ids=(theme_id(db, "housing"),),
            reason="Huurverhoging",
            handover="accompanied",
        ),
    )
    set_status(db, staff_actor, referral, "contact_made", "Afspraak gehad")
    story = save_story(
        db,
        staff_actor,
        StoryInput(
            "Een dak boven ons hoofd",
            "Dankzij het Loket mogen we blijven.",
            date(2026, 11, 20),
            "named",
            resident_id=resident,
        ),
    )

    events = [
        e for e in resident_timeline(db, staff_actor, resident) if e.kind in ("referral", "story")
    ]
    assert [(e.kind, e.target, e.target_id) for e in events] == [
        ("story", "story", story),
        ("referral", "referral", referral),
    ]
    assert events[0].title == "Succesverhaal: Een dak boven ons hoofd"
    assert events[1].title == "Verwezen naar Het Juridisch Loket — Contact gelegd"
    assert "Huurverhoging" in events[1].detail and "Meegegaan" in events[1].detail
    assert "Afspraak gehad" in events[1].detail

    seen = [
        e for e in resident_timeline(db, volunteer, resident) if e.kind in ("referral", "story")
    ]
    assert [(e.kind, e.title, e.detail, e.target) for e in seen] == [
        ("referral", "Verwezen naar Het Juridisch Loket", "", "")
    ]
