"""The list of sessions with filters: kind, period and facilitator."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.clock import today
from minami_desk.i18n import N_, _, format_date
from minami_desk.services.sessions.kinds import KindInfo
from minami_desk.services.sessions.queries import Facilitator, SessionSummary
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.sessions.common import struck, time_range

COLUMNS = (
    N_("Date"),
    N_("Time"),
    N_("Title"),
    N_("Kind"),
    N_("Facilitator"),
    N_("Signed up"),
    N_("Present"),
    N_("Status"),
)


class SessionList(QWidget):
    activated = Signal(int)
    filters_changed = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(_("Filter by kind"))
        self.facilitator = QComboBox(self)
        self.facilitator.setAccessibleName(_("Filter by facilitator"))
        self.date_from = DateField(self, _("From date"), today() - timedelta(days=7))
        self.date_to = DateField(self, _("Until date"), today() + timedelta(days=35))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _value: self.filters_changed.emit())
        for label_text, widget in (
            (_("&Kind:"), self.kind),
            (_("Fro&m:"), self.date_from),
            (_("&Until:"), self.date_to),
            (_("Fa&cilitator:"), self.facilitator),
        ):
            label = QLabel(label_text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.kind.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        self.facilitator.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("sessionTable")
        self.table.setAccessibleName(_("Sessions"))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda item: self._activate_row(item.row()))
        self.table.itemSelectionChanged.connect(self.selection_changed.emit)
        layout.addWidget(self.table, 1)

    def set_choices(self, kinds: list[KindInfo], facilitators: list[Facilitator]) -> None:
        for combo, everything, choices in (
            (self.kind, _("All kinds"), [(kind.id, kind.name) for kind in kinds]),
            (self.facilitator, _("Everyone"), [(f.id, f.name) for f in facilitators]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for key, name in choices:
                combo.addItem(name, key)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def filters(self) -> tuple[date, date, int | None, int | None]:
        return (
            self.date_from.value(),
            self.date_to.value(),
            self.kind.currentData(),
            self.facilitator.currentData(),
        )

    def show_sessions(self, sessions: list[SessionSummary]) -> None:
        chosen = self.current_session_id()
        self.table.setRowCount(len(sessions))
        for row, item in enumerate(sessions):
            status = _("cancelled") if item.cancelled else _("planned")
            values = (
                format_date(item.day, "EEE d-MM-yyyy"),
                time_range(item),
                item.title,
                item.kind_name,
                item.facilitator_name,
                str(item.counts.signed_up)
                + (f"/{item.capacity}" if item.capacity is not None else ""),
                str(item.counts.present),
                status,
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                # The status says "geannuleerd" in words; the rest is struck through.
                cell.setFont(struck(cell.font(), item.cancelled and column < len(values) - 1))
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(row, column, cell)
            if item.id == chosen:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _activate_row(self, row: int) -> None:
        first = self.table.item(row, 0)
        if first is not None:
            self.activated.emit(int(first.data(Qt.ItemDataRole.UserRole)))

    def current_session_id(self) -> int | None:
        row = self.table.currentRow()
        first = self.table.item(row, 0) if row >= 0 else None
        if first is None:
            return None
        return int(first.data(Qt.ItemDataRole.UserRole))
