"""Issue 10 point 4: a language setting next to ``--lang``, Qt's own dialogs in that language,
and the light/dark choice kept per PC."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from minami_desk import i18n
from minami_desk.app import choose_language, choose_theme, install_qt_translations
from minami_desk.cli import build_parser
from minami_desk.config import load_pc_settings
from minami_desk.ui.shell import style


def test_the_command_line_takes_lang_and_theme() -> None:
    args = build_parser().parse_args(["--lang", "en", "--theme", "dark"])
    assert (args.lang, args.theme) == ("en", "dark")
    assert build_parser().parse_args([]).theme is None


def test_qt_own_buttons_follow_the_interface_language(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = None
    try:
        i18n.set_language("nl")
        translator = install_qt_translations(qapp, "nl")
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Zoeken in:"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert [button.text() for button in box.buttons()] == ["Annuleren"]
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        i18n.set_language("nl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_setting_is_saved_and_read_at_the_next_start(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.ui.shell.preferences import PreferencesDialog

    monkeypatch.delenv(style.THEME_ENV, raising=False)
    context = main_window.context
    dialog = PreferencesDialog(context, main_window)
    qtbot.addWidget(dialog)
    assert dialog.restart_note.isHidden()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.restart_note.isHidden()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    try:
        dialog.save()
        assert style.current_theme() == "dark"
        assert style.DARK["side"] in qtbot_app_stylesheet()
    finally:
        style.set_theme("system")
        style.apply_theme(QCoreApplication.instance())  # type: ignore[arg-type]
    stored = load_pc_settings(context.paths)
    assert (stored["language"], stored["theme"]) == ("en", "dark")
    try:
        assert choose_language(context.paths, None) == "en"
        assert choose_language(context.paths, "nl") == "nl"  # --lang wins
        assert choose_theme(context.paths, None) == "dark"
        assert choose_theme(context.paths, "light") == "light"
    finally:
        i18n.set_language("nl")


def qtbot_app_stylesheet() -> str:
    return QCoreApplication.instance().styleSheet()  # type: ignore[union-attr]


def test_the_view_menu_offers_the_setting(main_window) -> None:  # type: ignore[no-untyped-def]
    texts = [action.text() for action in main_window.menus["view"].actions()]
    assert "&Taal en weergave…" in texts
