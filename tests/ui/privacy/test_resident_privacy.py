"""The resident page's AVG buttons (inzage, wissen), its "viewed" audit row, and consent
withdrawal from the page taking effect everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from minami_desk.data.models import AuditLog, SuccessStory
from minami_desk.services.actor import Actor
from minami_desk.services.consents import give_consent, withdraw_consent
from minami_desk.ui.desk.resident_page import ResidentPage
from minami_desk.ui.shell.context import AppContext
from tests.services.desk_helpers import register


def test_buttons_follow_the_role_and_opening_is_logged(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = register(context.db, context.actor, "Kwame", "Asante", birth=date(1988, 2, 3))
    page = ResidentPage(context)
    qtbot.addWidget(page)
    page.show_resident(resident)
    assert page.person_export.isVisibleTo(page) and page.erase.isVisibleTo(page)
    with context.db.read_session() as session:
        viewed = session.scalars(select(AuditLog).where(AuditLog.action == "viewed")).one()
        assert (viewed.entity, viewed.entity_id, viewed.detail) == ("resident", resident, "")
    opened: list[int] = []
    context.navigator.register("person_export", opened.append)
    page.person_export.click()
    assert opened == [resident]
    for role, visible in (("medewerker", (True, False)), ("vrijwilliger", (False, False))):
        other = AppContext(paths=context.paths, db=context.db, actor=Actor(None, role))
        other_page = ResidentPage(other)
        qtbot.addWidget(other_page)
        assert (
            other_page.person_export.isVisibleTo(other_page),
            other_page.erase.isVisibleTo(other_page),
        ) == visible


def test_withdrawing_on_the_page_stops_the_story(main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = register(context.db, context.actor, "Efua", "Mensah", birth=date(1979, 6, 1))
    consent_id = give_consent(context.db, context.actor, resident, "story_sharing")
    with context.db.session() as session:
        session.add(
            SuccessStory(
                title="Weer aan het werk",
                story="Een mooi verhaal",
                story_date=date(2026, 10, 1),
                resident_id=resident,
                sharing="named",
            )
        )
    withdraw_consent(context.db, context.actor, consent_id, "wil het niet meer")
    with context.db.read_session() as session:
        story = session.scalars(select(SuccessStory)).one()
        assert story.consent_withdrawn_at is not None
