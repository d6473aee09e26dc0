"""A read-only table of prepared rows, each with the id of the record it shows.

Referral and story lists stay small (a centre makes a few hundred referrals a year), so the
rows are prepared by the service in one go and shown as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Sequence[str]] = []
        self.ids: list[int] = []
        self.tooltips: list[str] = []

    def set_rows(
        self, rows: list[tuple[int, Sequence[str]]], tooltips: list[str] | None = None
    ) -> None:
        self.beginResetModel()
        self.ids = [record_id for record_id, _cells in rows]
        self.rows = [cells for _record_id, cells in rows]
        self.tooltips = tooltips or [""] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips[index.row()] or None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def make_table(parent: QWidget, model: RowsModel, accessible_name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def selected_id(table: QTableView) -> int | None:
    indexes = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not indexes:
        current = table.currentIndex()
        return current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
    return indexes[0].data(Qt.ItemDataRole.UserRole)
