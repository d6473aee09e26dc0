"""The kit's resident picker on a real database: search as you type, Enter opens, arrows pick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minami_desk.services.registration import ResidentInput, register_resident
from minami_desk.ui.kit.resident_picker import ResidentPicker
from minami_desk.ui.shell.context import AppContext


def _context(paths, db, admin) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(paths=paths, db=db, actor=admin)


def _add(context: AppContext, first: str, last: str) -> int:
    return register_resident(
        context.db, context.actor, ResidentInput(first_name=first, last_name=last)
    )


def _picker(qtbot, context: AppContext, **options: bool) -> ResidentPicker:  # type: ignore[no-untyped-def]
    picker = ResidentPicker(context, None, **options)
    qtbot.addWidget(picker)
    picker.resize(600, 400)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker)
    return picker


def test_typing_finds_and_enter_opens_the_top_hit(qtbot, paths, db, admin) -> None:  # type: ignore[no-untyped-def]
    # GIVEN two residents and a dialog's picker that lists nobody until something is typed
    context = _context(paths, db, admin)
    wanted = _add(context, "Dewi", "Mulder")
    _add(context, "Kofi", "Asante")
    picker = _picker(qtbot, context, list_all=False, compact=True)
    qtbot.waitUntil(lambda: not picker.model.loading)
    assert picker.model.rowCount() == 0
    # WHEN part of a name is typed and Enter pressed
    opened: list[int] = []
    picker.opened.connect(opened.append)
    picker.field.setFocus()
    qtbot.keyClicks(picker.field, "muld")
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    # THEN the one hit opens, even though Enter came before the answer
    qtbot.waitUntil(lambda: opened == [wanted], timeout=5000)
    assert picker.model.rowCount() == 1
    assert picker.model.index(0, 1).data() == "Mulder, Dewi"


def test_arrow_down_picks_from_the_list(qtbot, paths, db, admin) -> None:  # type: ignore[no-untyped-def]
    # GIVEN the Bewoners list, which shows everyone by name
    context = _context(paths, db, admin)
    first = _add(context, "Abena", "Boateng")
    _add(context, "Yaw", "Boateng")
    picker = _picker(qtbot, context)
    picker.refresh()  # as the section does when it is shown
    qtbot.waitUntil(lambda: picker.model.rowCount() == 2, timeout=5000)
    picked: list[object] = []
    picker.picked.connect(picked.append)
    # WHEN Down is pressed in the search field
    picker.field.setFocus()
    qtbot.keyClick(picker.field, Qt.Key.Key_Down)
    # THEN the list has the focus on the top hit, and that resident is picked
    assert picker.view.hasFocus()
    assert picker.current_id() == first
    assert picked[-1] == first
    # WHEN Up is pressed on the top row THEN the focus goes back to the field
    qtbot.keyClick(picker.view, Qt.Key.Key_Up)
    assert picker.field.hasFocus()


def test_nobody_found_says_what_to_do(qtbot, paths, db, admin) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a picker on a database with one resident
    context = _context(paths, db, admin)
    _add(context, "Ama", "Owusu")
    picker = _picker(qtbot, context, list_all=False)
    # WHEN a name nobody has is searched
    picker.search("zzzz")
    qtbot.waitUntil(lambda: picker.status.isVisible(), timeout=5000)
    # THEN it says so, in Dutch, and nobody is picked
    assert "Niemand gevonden" in picker.status.text()
    assert picker.current_id() is None
