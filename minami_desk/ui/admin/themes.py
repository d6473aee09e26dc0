"""Beheer → Thema's: the help-request themes; a theme in use is switched off, never deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _
from minami_desk.services.errors import ValidationError
from minami_desk.services.themes import ThemeRow, add_theme, list_themes, update_theme
from minami_desk.ui import registry
from minami_desk.ui.context import AppContext
from minami_desk.ui.widgets import FormErrorLabel, Heading, show_exception


class ThemesPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[ThemeRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Themes"), self, level=2))
        hint = QLabel(
            _(
                "The themes staff tick for a help request. Switch off a theme that is no longer "
                "used: older contacts keep it."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Themes"))
        self.list.currentRowChanged.connect(self._selected)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        name_label = QLabel(_("&Name"), self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(_("Name of the theme"))
        name_label.setBuddy(self.name)
        self.active = QCheckBox(_("In &use"), self)
        self.active.setChecked(True)
        row.addWidget(name_label)
        row.addWidget(self.name, 1)
        row.addWidget(self.active)
        layout.addLayout(row)
        self.error = FormErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        add = QPushButton(_("&Add as new theme"), self)
        add.clicked.connect(self.add)
        save = QPushButton(_("&Save changes"), self)
        save.setObjectName("primary")
        save.clicked.connect(self.save)
        buttons.addWidget(add)
        buttons.addWidget(save)
        layout.addLayout(buttons)

    def activated(self) -> None:
        self.rows = list_themes(self.context.db, include_inactive=True)
        self.list.clear()
        for theme in self.rows:
            text = theme.name if theme.active else _("{name} (not in use)").format(name=theme.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            self.list.addItem(item)

    def _selected(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.name.setText(self.rows[row].name)
            self.active.setChecked(self.rows[row].active)

    def _attempt(self, action) -> None:  # type: ignore[no-untyped-def]
        self.error.clear_message()
        try:
            action()
        except ValidationError as error:
            self.error.show_message(str(error))
            return
        except Exception as error:
            show_exception(self, error)
            return
        self.activated()
        self.context.bus.changed.emit("settings")

    def add(self) -> None:
        self._attempt(lambda: add_theme(self.context.db, self.context.actor, self.name.text()))

    def save(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.rows):
            return
        theme_id = self.rows[row].id
        self._attempt(
            lambda: update_theme(
                self.context.db,
                self.context.actor,
                theme_id,
                self.name.text(),
                self.active.isChecked(),
            )
        )


PAGE = registry.AdminPageSpec(key="themes", title=N_("Themes"), order=40, create=ThemesPage)
