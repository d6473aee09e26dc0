"""Beheer → Postcodes, Thema's and Soorten bijeenkomsten: one shared editable-list page."""

from __future__ import annotations

import pytest

from minami_desk.services.postcodes import list_areas
from minami_desk.services.sessions.kinds import list_kinds
from minami_desk.services.themes import list_themes
from minami_desk.ui.desk import postcodes_page as postcodes
from minami_desk.ui.editable_list import EditableListPage


def _texts(page: EditableListPage, column: int = 0) -> list[str]:
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def test_postcode_rows_fill_the_form_and_delete_after_asking(
    qtbot, main_window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_section("admin").show_page("postcodes")
    page.prefix.setText("1104 a")
    page.wijk.setText("Kantershof")
    page.save()
    assert page.current() == ("1104 A", "Kantershof")  # the saved row stays selected
    page.clear_selection()
    page.select("1104 A")
    assert (page.prefix.text(), page.wijk.text()) == ("1104 A", "Kantershof")
    emitted: list[str] = []
    main_window.context.bus.changed.connect(emitted.append)
    monkeypatch.setattr(postcodes, "confirm", lambda _parent, _question: False)
    page.delete()
    assert "1104 A" in dict(list_areas(main_window.context.db))
    monkeypatch.setattr(postcodes, "confirm", lambda _parent, _question: True)
    page.delete()
    assert "1104 A" not in dict(list_areas(main_window.context.db))
    assert "1104 A" not in _texts(page)
    assert emitted == ["settings"]


def test_a_theme_is_switched_off_and_stays_selected(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_section("admin").show_page("themes")
    page.name.setText("Buurtmoestuin")
    page.add()
    added = page.current()
    assert added is not None and added.name == "Buurtmoestuin"
    page.active.setChecked(False)
    page.save()
    assert page.current().id == added.id
    assert "Buurtmoestuin (niet in gebruik)" in _texts(page)  # said in words, not by colour
    assert "Buurtmoestuin" not in [theme.name for theme in list_themes(main_window.context.db)]
    page.name.setText("")
    page.save()
    assert page.error.isVisible() and page.error.text().startswith("⚠")
    other = next(theme for theme in page.rows if theme.id != added.id)
    page.select(other.id)
    assert not page.error.isVisible()  # choosing another row starts afresh
    assert page.name.text() == other.name


def test_a_new_kind_is_selected_after_saving(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    page = main_window.show_section("admin").show_page("session_kinds")
    assert page.current() is not None  # the first kind is ready to change
    messages: list[str] = []
    main_window.context.bus.status_message.connect(messages.append)
    page._new()
    assert page.current() is None
    page.name.setText("Repair café")
    page.audience.setCurrentIndex(page.audience.findData("adults"))
    page.save()
    saved = page.current()
    assert saved is not None and saved.name == "Repair café" and saved.audience == "adults"
    assert page.editing == saved.id
    assert len(messages) == 1
    page.name.setText("Repair café (oneven weken)")
    page.save()
    names = [kind.name for kind in list_kinds(main_window.context.db, include_inactive=True)]
    assert "Repair café (oneven weken)" in names and "Repair café" not in names
