"""The resident page's timeline: a model over the service's events and the view that shows it.

A resident with ten years of visits has hundreds of rows. A widget item per cell meant building
and formatting every row before the page could show; the model formats a row only when the view
asks for it, which is the screenful that is visible.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHeaderView, QTreeView, QWidget

from minami_desk.clock import local
from minami_desk.i18n import _
from minami_desk.services.timeline import TimelineEvent

Index = QModelIndex | QPersistentModelIndex


def when_text(value: datetime | date | None) -> str:
    """dd-mm-yyyy (hh:mm). Built by hand: ``strftime`` imports a module on every call, which
    Qt's import hook makes slow enough to show on a long timeline."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        moment = local(value)
        return (
            f"{moment.day:02d}-{moment.month:02d}-{moment.year:04d} "
            f"{moment.hour:02d}:{moment.minute:02d}"
        )
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


class TimelineModel(QAbstractTableModel):
    """Two columns, When and What; ``UserRole`` holds (navigator target, id) for opening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[TimelineEvent] = []
        self._texts: dict[int, tuple[str, str]] = {}
        self._headers = (_("When"), _("What"))
        self._empty = _("Nothing recorded yet.")

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._texts = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        return max(1, len(self._events))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not self._events:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._empty if column == 1 else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return self._text(row)[1]
        if role == Qt.ItemDataRole.UserRole:
            event = self._events[row]
            return (event.target, event.target_id)
        return None

    def _text(self, row: int) -> tuple[str, str]:
        found = self._texts.get(row)
        if found is None:
            event = self._events[row]
            what = event.title + ("\n" + event.detail if event.detail else "")
            found = self._texts[row] = (when_text(event.when), what)
        return found


class TimelineView(QTreeView):
    """A flat, read-only list; ``opened(target, id)`` when a row with a target is activated."""

    opened = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline_model = TimelineModel(self)
        self.setModel(self.timeline_model)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self._size_when_column()
        self.activated.connect(self._activated)

    def _size_when_column(self) -> None:
        """Every date in the first column has the same shape: size it from the font once,
        instead of measuring each row as ResizeToContents would."""
        sample = when_text(datetime(2026, 12, 28, 23, 59))
        self.setColumnWidth(0, self.fontMetrics().horizontalAdvance(sample + "MMM"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_when_column()

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.timeline_model.set_events(events)

    def _activated(self, index: QModelIndex) -> None:
        target, target_id = index.data(Qt.ItemDataRole.UserRole) or ("", None)
        if target and target_id is not None:
            self.opened.emit(target, target_id)
