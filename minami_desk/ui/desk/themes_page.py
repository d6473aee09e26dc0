"""Beheer → Thema's: the help-request themes; a theme in use is switched off, never deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit

from minami_desk.i18n import _
from minami_desk.services.themes import ThemeRow, add_theme, list_themes, update_theme
from minami_desk.ui.editable_list import EditableListPage
from minami_desk.ui.shell.context import AppContext


class ThemesPage(EditableListPage):
    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            title=_("Themes"),
            hint=_(
                "The themes staff tick for a help request. Switch off a theme that is no longer "
                "used: older contacts keep it."
            ),
            columns=[_("Themes")],
            list_name=_("Themes"),
            topic="settings",
        )
        self.name = QLineEdit(self)
        self.name.setAccessibleName(_("Name of the theme"))
        self.active = QCheckBox(_("In &use"), self)
        self.active.setChecked(True)
        self.add_field(_("&Name"), self.name)
        self.add_option(self.active)
        self.add_button(_("&Add as new theme"), self.add)
        self.add_button(_("&Save changes"), self.save, primary=True)

    def load(self) -> list[ThemeRow]:
        return list_themes(self.context.db, include_inactive=True)

    def cells(self, row: ThemeRow) -> tuple[str, ...]:
        if row.active:
            return (row.name,)
        return (_("{name} (not in use)").format(name=row.name),)

    def key(self, row: ThemeRow) -> object:
        return row.id

    def fill(self, row: ThemeRow) -> None:
        self.name.setText(row.name)
        self.active.setChecked(row.active)

    def add(self) -> None:
        self.attempt(lambda: add_theme(self.context.db, self.context.actor, self.name.text()))

    def save(self) -> None:
        theme = self.current()
        if theme is None:
            return
        context = self.context
        self.attempt(
            lambda: update_theme(
                context.db, context.actor, theme.id, self.name.text(), self.active.isChecked()
            )
        )
