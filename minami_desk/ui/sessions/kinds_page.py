"""Beheer → Soorten bijeenkomsten: the editable list of session kinds."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from minami_desk.i18n import _
from minami_desk.services.sessions.common import AUDIENCE_WORDS, audience_word
from minami_desk.services.sessions.kinds import KindInfo, list_kinds, save_kind
from minami_desk.ui.editable_list import EditableListPage
from minami_desk.ui.shell.context import AppContext


class SessionKindsPage(EditableListPage):
    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            title=_("Kinds of session"),
            hint=_(
                "The kinds offered when a session is planned. Switch off a kind that is no "
                "longer offered: sessions held before keep it."
            ),
            columns=[_("Kinds of session")],
            list_name=_("Kinds of session"),
            topic="session_kind",
        )
        self.editing: int | None = None
        self.name = QLineEdit(self)
        self.name.setAccessibleName(_("Name"))
        self.name_error = self.error
        self.audience = QComboBox(self)
        self.audience.setAccessibleName(_("For"))
        for code, word in AUDIENCE_WORDS.items():
            self.audience.addItem(_(word), code)
        self.active = QCheckBox(_("In &use (offered when planning)"), self)
        self.add_field(_("&Name"), self.name)
        self.add_field(_("&For"), self.audience)
        self.add_option(self.active)
        self.add_button(_("&New kind"), self._new, _("Add a new kind of session"))
        self.add_button(_("&Save"), self.save, _("Save this kind of session"), primary=True)
        self.activated()
        if self.rows and self.current() is None:
            self.select(self.key(self.rows[0]))

    def load(self) -> list[KindInfo]:
        return list_kinds(self.context.db, include_inactive=True)

    def cells(self, row: KindInfo) -> tuple[str, ...]:
        text = f"{row.name} ({audience_word(row.audience)})"
        if not row.active:
            text += " — " + _("not in use")
        return (text,)

    def key(self, row: KindInfo) -> object:
        return row.id

    def fill(self, row: KindInfo) -> None:
        self.editing = row.id
        self.name.setText(row.name)
        self.audience.setCurrentIndex(max(0, self.audience.findData(row.audience)))
        self.active.setChecked(row.active)

    def _new(self) -> None:
        self.editing = None
        self.clear_selection()
        self.error.clear_message()
        self.name.clear()
        self.audience.setCurrentIndex(self.audience.findData("everyone"))
        self.active.setChecked(True)
        self.name.setFocus()

    def save(self) -> None:
        context, editing = self.context, self.editing
        self.attempt(
            lambda: save_kind(
                context.db,
                context.actor,
                editing,
                self.name.text(),
                self.audience.currentData(),
                self.active.isChecked(),
            ),
            status=_("The kind of session is saved."),
        )
