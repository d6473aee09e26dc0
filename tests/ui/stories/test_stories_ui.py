"""Verhalen: write a story with consent, print it, withdraw consent, and it can no longer print."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from minami_desk import clock
from minami_desk.services.stories import list_stories, shareable_stories
from minami_desk.ui.stories import section as stories_section
from minami_desk.ui.stories import story_print
from minami_desk.ui.stories.story_dialog import StoryDialog
from tests.referral_data import add_resident


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def test_write_print_and_withdraw_a_story(  # type: ignore[no-untyped-def]
    qtbot, main_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = main_window.context
    resident = add_resident(context.db, "Abena", "Ɔfori", 601)
    opened: list[Path] = []
    monkeypatch.setattr(story_print, "open_document", opened.append)
    monkeypatch.setattr(stories_section, "confirm", lambda *args, **kwargs: True)

    section = main_window.show_section("stories")
    assert section.empty.isVisibleTo(section)
    # From the resident's page: "Succesverhaal…" starts a story linked to them.
    context.navigator.open("resident", resident)
    page = main_window.section_widget("residents").page
    qtbot.mouseClick(page.story, Qt.MouseButton.LeftButton)
    (dialog,) = [w for w in section.findChildren(StoryDialog) if w.isVisible()]
    assert dialog.resident.currentData() == resident
    qtbot.keyClicks(dialog.title, "Samen sterker")
    dialog.story.setPlainText("Ze kwam voor een kop koffie en bleef voor de mensen.")
    dialog.choose_sharing("anonymised")
    assert dialog.pseudonym.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # no pseudonym yet
    assert "schuilnaam" in dialog.form.errors["sharing"].text()
    qtbot.keyClicks(dialog.pseudonym, "Mevrouw A.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    main_window.show_section("stories")
    assert section.model.rowCount() == 1
    assert section.model.rows[0][2] == "Abena Ɔfori (als Mevrouw A.)"
    assert section.print_button.isEnabled()
    qtbot.mouseClick(section.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    reader = PdfReader(opened[0])
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Samen sterker" in text and "Mevrouw A." in text and "Ɔfori" not in text
    assert len(shareable_stories(context.db, date(2026, 11, 1), date(2026, 11, 30))) == 1

    qtbot.mouseClick(section.withdraw_button, Qt.MouseButton.LeftButton)
    assert shareable_stories(context.db, date(2026, 11, 1), date(2026, 11, 30)) == []
    assert section.model.rows[0][3] == "⚠ Toestemming ingetrokken"
    assert not section.print_button.isEnabled() and not section.withdraw_button.isEnabled()
    (row,) = list_stories(context.db, context.actor)
    assert row.consent_withdrawn_at is not None
