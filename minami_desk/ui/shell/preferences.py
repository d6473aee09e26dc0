"""Beeld → Taal en weergave: the interface language and light/dark, per PC.

Both are kept in the PC settings file (``config.save_pc_settings``), read at start-up before a
database is opened. The look changes at once; the language on the next start, because every
screen reads its texts when it is built.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from minami_desk import i18n
from minami_desk.config import load_pc_settings, save_pc_settings
from minami_desk.i18n import N_, _
from minami_desk.ui.shell import style
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading

# Each language in its own words, so someone who cannot read the other one still finds theirs.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
THEME_LABELS = {
    "system": N_("Like the system (light or dark)"),
    "light": N_("Light"),
    "dark": N_("Dark"),
}


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Language and appearance"))
        self.setMinimumWidth(440)
        stored = load_pc_settings(context.paths)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Language and appearance"), self, level=2))
        note = QLabel(_("These settings belong to this PC, not to the person signed in."), self)
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.language = QComboBox(self)
        for code in i18n.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.language.setAccessibleName(_("Language of the program"))
        self.language.setAccessibleDescription(
            _("Printed documents stay Dutch. The new language shows after a restart.")
        )
        self.language.setToolTip(self.language.accessibleDescription())
        language_label = QLabel(_("&Language"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.theme = QComboBox(self)
        for code in style.THEMES:
            self.theme.addItem(_(THEME_LABELS[code]), code)
        current = stored.get("theme") if isinstance(stored.get("theme"), str) else None
        self.theme.setCurrentIndex(max(0, self.theme.findData(current or style.current_theme())))
        self.theme.setAccessibleName(_("Light or dark window"))
        self.theme.setAccessibleDescription(_("Changes at once"))
        theme_label = QLabel(_("&Appearance"), self)
        theme_label.setBuddy(self.theme)
        form.addRow(theme_label, self.theme)
        layout.addLayout(form)
        self.restart_note = QLabel(self)
        self.restart_note.setWordWrap(True)
        layout.addWidget(self.restart_note)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._language_changed()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _language_changed(self) -> None:
        changed = self.language.currentData() != i18n.current_language()
        self.restart_note.setText(
            _("ℹ The new language shows the next time Mi na Mi Desk starts.") if changed else ""
        )
        self.restart_note.setVisible(changed)

    def save(self) -> None:
        values = load_pc_settings(self.context.paths)
        values["language"] = self.language.currentData()
        values["theme"] = self.theme.currentData()
        save_pc_settings(self.context.paths, values)
        app = QApplication.instance()
        if isinstance(app, QApplication) and values["theme"] != style.current_theme():
            style.set_theme(str(values["theme"]))
            style.apply_theme(app)
        self.accept()


def open_preferences(context: AppContext) -> None:
    if PreferencesDialog(context, context.window).exec() == QDialog.DialogCode.Accepted:
        context.bus.status_message.emit(_("Your settings are saved."))
