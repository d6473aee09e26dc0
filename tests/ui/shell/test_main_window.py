"""The main window opens offscreen, lists its sections and switches through all of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from minami_desk.config import Paths


def test_switch_through_every_section(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    keys = main_window.section_keys
    assert keys[0] == "today" and "admin" in keys
    for row, key in enumerate(keys):
        main_window.sidebar.setCurrentRow(row)
        assert main_window.stack.currentIndex() == row
        assert main_window.section_widget(key).isVisible()
    assert main_window.sidebar.item(0).text() == "Vandaag"


def test_ctrl_k_focuses_the_global_search(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.sidebar.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(main_window.focusWidget(), QLineEdit)
    assert main_window.focusWidget().objectName() == "globalSearch"


def test_menus_are_dutch(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    titles = [action.text() for action in main_window.menuBar().actions() if action.isVisible()]
    assert "&Bestand" in titles and "&Help" in titles


def test_geometry_is_remembered(qtbot, main_window, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(980, 655)
    main_window.close()
    assert (paths.config_dir / "window.ini").exists()
    from minami_desk.app import build_window

    again = build_window(paths)
    qtbot.addWidget(again)
    assert again.size().height() == 655  # the offscreen screen clamps widths
    again.context.db.dispose()


def test_centre_settings_page_saves(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    admin = main_window.show_section("admin")
    page = admin.show_page("centre")
    page.inputs["centre.coordinator"].setText("Yvonne Pinas")
    page.save()
    from minami_desk.services.settings import get_setting

    assert get_setting(main_window.context.db, "centre.coordinator") == "Yvonne Pinas"


def test_demo_window_switches_through_every_section(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    """Issue 2: the window opens on a demo database and every section shows."""
    for row, key in enumerate(demo_window.section_keys):
        demo_window.sidebar.setCurrentRow(row)
        qtbot.wait(10)
        assert demo_window.section_widget(key).isVisible()
    assert "demo" in demo_window.windowTitle()
