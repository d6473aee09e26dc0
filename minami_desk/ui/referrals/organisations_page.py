"""Beheer → Instanties: the directory of agencies, searchable, with their contact details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError
from minami_desk.i18n import N_, _, pgettext
from minami_desk.services.organisations import (
    OrganisationData,
    get_organisation,
    list_organisations,
    save_organisation,
)
from minami_desk.ui.kit.form_row import FormRows
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, show_exception

TO_FILL_IN = N_("still to be filled in")


class OrganisationsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.current_id: int | None = None
        outer = QVBoxLayout(self)
        outer.addWidget(Heading(_("Agencies"), self, level=2))
        row = QHBoxLayout()
        outer.addLayout(row, 1)

        left = QVBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name or kind"))
        self.search.setAccessibleName(_("Search agencies"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        left.addWidget(self.search)
        self.show_inactive = QCheckBox(_("Show &inactive agencies too"), self)
        self.show_inactive.setAccessibleName(_("Show inactive agencies too"))
        self.show_inactive.toggled.connect(self.refresh)
        left.addWidget(self.show_inactive)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Agencies"))
        self.list.currentItemChanged.connect(self._selected)
        left.addWidget(self.list, 1)
        self.new_button = QPushButton(_("&New agency"), self)
        self.new_button.setAccessibleName(_("Add a new agency"))
        self.new_button.clicked.connect(self.new)
        left.addWidget(self.new_button)
        row.addLayout(left, 2)

        right = QVBoxLayout()
        form = FormRows(self)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, label, multiline in (
            ("name", _("&Name"), False),
            ("kind", pgettext("Alt+S taken", "&Kind"), False),
            ("address", _("A&ddress"), True),
            ("phone", _("&Phone"), False),
            ("email", _("&E-mail"), False),
            ("website", _("&Website"), False),
            ("opening_hours", _("&Opening hours"), True),
            ("notes", _("N&otes"), True),
        ):
            field: QLineEdit | QPlainTextEdit
            if multiline:
                field = QPlainTextEdit(self)
                field.setTabChangesFocus(True)
                field.setMaximumHeight(64)
            else:
                field = QLineEdit(self)
            field.setAccessibleName(label.replace("&", ""))
            if key not in ("name", "kind", "notes"):
                field.setPlaceholderText(_(TO_FILL_IN))
            form.add(key, label, field)
            self.fields[key] = field
        self.active = QCheckBox(_("&Active (offered when making a referral)"), self)
        self.active.setAccessibleName(_("Active"))
        self.active.setChecked(True)
        form.layout.addRow("", self.active)
        right.addLayout(form.layout)
        self.form = form
        right.addWidget(form.general)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(pgettext("Alt+O taken", "&Save"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(_("Save the agency"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addStretch(1)
        row.addLayout(right, 3)
        self.setTabOrder(self.search, self.show_inactive)
        self.setTabOrder(self.show_inactive, self.list)
        self.setTabOrder(self.list, self.new_button)
        self.refresh()

    def refresh(self) -> None:
        keep = self.current_id
        rows = list_organisations(
            self.context.db, self.search.text(), include_inactive=self.show_inactive.isChecked()
        )
        self.list.blockSignals(True)
        self.list.clear()
        for organisation in rows:
            text = organisation.name
            if not organisation.active:
                text += " — " + _("inactive")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, organisation.id)
            if organisation.kind:
                item.setToolTip(organisation.kind)
            if organisation.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count() and keep is None:
            self.list.setCurrentRow(0)

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.load(item.data(Qt.ItemDataRole.UserRole))

    def load(self, organisation_id: int) -> None:
        try:
            record = get_organisation(self.context.db, organisation_id)
        except UserError as error:
            show_exception(self, error)
            return
        self.current_id = record.id
        self.form.clear()
        for key, field in self.fields.items():
            value = getattr(record, key)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            else:
                field.setText(value)
        self.active.setChecked(record.active)

    def new(self) -> None:
        self.current_id = None
        self.list.clearSelection()
        self.form.clear()
        for field in self.fields.values():
            field.clear()
        self.active.setChecked(True)
        self.fields["name"].setFocus()

    def value(self) -> OrganisationData:
        values = {
            key: field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            for key, field in self.fields.items()
        }
        return OrganisationData(active=self.active.isChecked(), **values)

    def save(self) -> None:
        data = self.value()

        def store() -> None:
            self.current_id = save_organisation(
                self.context.db, self.context.actor, data, self.current_id
            )

        if not self.form.attempt(store):
            return
        self.refresh()
        self.context.bus.changed.emit("organisation")
        self.context.bus.status_message.emit(_("The agency is saved."))

    def activated(self) -> None:
        self.refresh()
