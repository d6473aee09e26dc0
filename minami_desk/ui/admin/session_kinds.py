"""Beheer → Soorten bijeenkomsten: the editable list of session kinds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _
from minami_desk.services.errors import ValidationError
from minami_desk.services.sessions.common import AUDIENCE_WORDS, audience_word
from minami_desk.services.sessions.kinds import KindInfo, list_kinds, save_kind
from minami_desk.ui import registry
from minami_desk.ui.context import AppContext
from minami_desk.ui.widgets import FormErrorLabel, Heading, show_exception


class SessionKindsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.kinds: list[KindInfo] = []
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Kinds of session"), self, level=2))
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Kinds of session"))
        self.list.currentRowChanged.connect(self._load)
        row.addWidget(self.list, 1)
        form_holder = QWidget(self)
        form = QFormLayout(form_holder)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(_("Name"))
        self.name_error = FormErrorLabel(self)
        self.audience = QComboBox(self)
        self.audience.setAccessibleName(_("For"))
        for code, word in AUDIENCE_WORDS.items():
            self.audience.addItem(_(word), code)
        self.active = QCheckBox(_("In &use (offered when planning)"), self)
        form.addRow(_("&Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(_("&For"), self.audience)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        new = QPushButton(_("&New kind"), self)
        new.setAccessibleName(_("Add a new kind of session"))
        new.clicked.connect(self._new)
        save = QPushButton(_("&Save"), self)
        save.setObjectName("primary")
        save.setAccessibleName(_("Save this kind of session"))
        save.clicked.connect(self.save)
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(save)
        form.addRow(buttons)
        row.addWidget(form_holder, 1)
        layout.addLayout(row, 1)
        self.editing: int | None = None
        self.activated()

    def activated(self) -> None:
        self.kinds = list_kinds(self.context.db, include_inactive=True)
        chosen = self.editing
        self.list.blockSignals(True)
        self.list.clear()
        for kind in self.kinds:
            text = f"{kind.name} ({audience_word(kind.audience)})"
            if not kind.active:
                text += " — " + _("not in use")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, kind.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [kind.id for kind in self.kinds]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else 0)

    def _load(self, row: int) -> None:
        if row < 0 or row >= len(self.kinds):
            return
        kind = self.kinds[row]
        self.editing = kind.id
        self.name.setText(kind.name)
        self.audience.setCurrentIndex(max(0, self.audience.findData(kind.audience)))
        self.active.setChecked(kind.active)
        self.name_error.clear_message()

    def _new(self) -> None:
        self.editing = None
        self.list.clearSelection()
        self.name.clear()
        self.audience.setCurrentIndex(self.audience.findData("everyone"))
        self.active.setChecked(True)
        self.name.setFocus()

    def save(self) -> None:
        self.name_error.clear_message()
        try:
            self.editing = save_kind(
                self.context.db,
                self.context.actor,
                self.editing,
                self.name.text(),
                self.audience.currentData(),
                self.active.isChecked(),
            )
        except ValidationError as error:
            self.name_error.show_message(str(error))
            return
        except Exception as error:
            show_exception(self, error)
            return
        self.activated()
        self.context.bus.changed.emit("session_kind")
        self.context.bus.status_message.emit(_("The kind of session is saved."))


PAGE = registry.AdminPageSpec(
    key="session_kinds", title=N_("Kinds of session"), order=40, create=SessionKindsPage
)
