"""Beheer → Postcodes en wijken: the table that suggests a wijk for a postcode."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _
from minami_desk.services.errors import ValidationError
from minami_desk.services.postcodes import delete_area, list_areas, save_area
from minami_desk.ui import registry
from minami_desk.ui.context import AppContext
from minami_desk.ui.widgets import FormErrorLabel, Heading, confirm, show_exception


class PostcodesPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Postcodes and wijken"), self, level=2))
        hint = QLabel(
            _(
                "The registration form suggests the wijk from this table. A longer start "
                "(1102 A) wins over a shorter one (1102)."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        layout.addWidget(hint)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([_("Postcode starts with"), _("Wijk")])
        self.table.setAccessibleName(_("Postcode areas"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 190)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.prefix = QLineEdit(self)
        self.prefix.setAccessibleName(_("Start of the postcode"))
        self.prefix.setPlaceholderText("1102")
        self.wijk = QLineEdit(self)
        self.wijk.setAccessibleName(_("Name of the wijk"))
        prefix_label = QLabel(_("Postcode &starts with"), self)
        prefix_label.setBuddy(self.prefix)
        wijk_label = QLabel(_("&Wijk"), self)
        wijk_label.setBuddy(self.wijk)
        form.addRow(prefix_label, self.prefix)
        form.addRow(wijk_label, self.wijk)
        layout.addLayout(form)
        self.error = FormErrorLabel(self)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        delete = QPushButton(_("&Delete"), self)
        delete.setAccessibleName(_("Delete the selected postcode area"))
        delete.clicked.connect(self.delete)
        save = QPushButton(_("&Save"), self)
        save.setObjectName("primary")
        save.setAccessibleName(_("Save the postcode area"))
        save.clicked.connect(self.save)
        row.addWidget(delete)
        row.addWidget(save)
        layout.addLayout(row)

    def activated(self) -> None:
        areas = list_areas(self.context.db)
        self.table.setRowCount(len(areas))
        for index, (prefix, wijk) in enumerate(areas):
            self.table.setItem(index, 0, QTableWidgetItem(prefix))
            self.table.setItem(index, 1, QTableWidgetItem(wijk))

    def _selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.item(row, 0):
            self.prefix.setText(self.table.item(row, 0).text())
            self.wijk.setText(self.table.item(row, 1).text())

    def save(self) -> None:
        self.error.clear_message()
        try:
            save_area(self.context.db, self.context.actor, self.prefix.text(), self.wijk.text())
        except ValidationError as error:
            self.error.show_message(str(error))
            return
        except Exception as error:
            show_exception(self, error)
            return
        self.activated()
        self.context.bus.changed.emit("settings")

    def delete(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        prefix = self.table.item(row, 0).text()
        if not confirm(self, _("Delete postcode area {prefix}?").format(prefix=prefix)):
            return
        delete_area(self.context.db, self.context.actor, prefix)
        self.activated()


PAGE = registry.AdminPageSpec(
    key="postcodes", title=N_("Postcodes and wijken"), order=30, create=PostcodesPage
)
