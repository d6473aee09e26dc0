"""Opening a trajectory, a referral or a story about a person writes one "viewed" audit row:
ids only, once per opening, never on a refresh."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.models import AuditLog
from minami_desk.services.referrals import ReferralInput, create_referral
from minami_desk.services.stories import StoryInput, save_story
from minami_desk.services.trajectories.lifecycle import GoalChoice, start_trajectory
from tests.referral_data import add_resident, organisation_id, theme_id


def _viewed(context) -> list[tuple[str, int | None, str]]:  # type: ignore[no-untyped-def]
    with context.db.read_session() as session:
        rows = session.scalars(
            select(AuditLog).where(AuditLog.action == "viewed").order_by(AuditLog.id)
        )
        return [(row.entity, row.entity_id, row.detail) for row in rows]


def test_opening_is_logged_once_by_id(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    resident = add_resident(context.db, "Yaa", "Asantewaa", 601)

    trajectory = start_trajectory(
        context.db, context.actor, resident, date(2026, 11, 2), [GoalChoice("clarity")]
    )
    context.navigator.open("trajectory", trajectory)
    section = main_window.section_widget("trajectories")
    assert section.stack.currentWidget() is section.page
    context.bus.changed.emit("trajectory")  # a refresh is not another look
    section.activated()
    assert _viewed(context) == [("trajectory", trajectory, "")]

    referral = create_referral(
        context.db,
        context.actor,
        ReferralInput(
            resident_id=resident,
            organisation_id=organisation_id(context.db, "Schuldhulpverlening Amsterdam"),
            referred_on=date(2026, 11, 20),
            theme_ids=(theme_id(context.db, "debts"),),
            reason="Achterstand huur",
        ),
    )
    dialog = context.navigator.open("referral", referral)
    assert _viewed(context)[-1] == ("referral", referral, "")
    dialog.reject()

    anonymous = save_story(
        context.db,
        context.actor,
        StoryInput(title="Samen koken", story="Iedereen kookte mee.", story_date=date(2026, 11, 1)),
    )
    about_her = save_story(
        context.db,
        context.actor,
        StoryInput(
            title="Weer aan het werk",
            story="Na een zwaar jaar weer aan het werk.",
            story_date=date(2026, 11, 1),
            resident_id=resident,
        ),
    )
    main_window.show_section("stories")
    for story in (anonymous, about_her):
        opened = context.navigator.open("story", story)
        opened.reject()
    assert _viewed(context) == [
        ("trajectory", trajectory, ""),
        ("referral", referral, ""),
        ("success_story", about_her, ""),  # the story about nobody in particular is not logged
    ]
    with context.db.read_session() as session:
        details = [row.detail for row in session.scalars(select(AuditLog))]
    assert not any("Asantewaa" in detail or "Yaa" in detail for detail in details)
