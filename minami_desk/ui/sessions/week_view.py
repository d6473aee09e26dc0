"""The week view: seven day columns, Monday first, each listing that day's sessions.

Keyboard: Up/Down within a day, Left/Right to the neighbouring day, Page Up/Page Down for
the previous/next week, Enter opens the attendance screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from minami_desk.clock import today
from minami_desk.i18n import _, format_date
from minami_desk.services.sessions.queries import SessionSummary
from minami_desk.ui.sessions.common import places_text, struck, time_range
from minami_desk.ui.shell.style import colours


class WeekView(QWidget):
    """Shows one week of ``SessionSummary``; the section fetches them and calls ``show_week``."""

    activated = Signal(int)  # session id
    week_step = Signal(int)  # -1 / +1 week
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.headers: list[QLabel] = []
        self.days: list[QListWidget] = []
        self.monday = today() - timedelta(days=today().weekday())
        self.ids: list[list[int]] = [[] for _day in range(7)]
        for column in range(7):
            header = QLabel(self)
            header.setObjectName("subheading")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setWordWrap(True)
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            day_list = QListWidget(self)
            day_list.setWordWrap(True)
            day_list.setSpacing(3)
            day_list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            day_list.setObjectName(f"weekDay{column}")
            day_list.itemActivated.connect(self._activated)
            day_list.itemSelectionChanged.connect(lambda c=column: self._selected(c))
            day_list.installEventFilter(self)
            header.setBuddy(day_list)
            grid.addWidget(header, 0, column)
            grid.addWidget(day_list, 1, column)
            grid.setColumnStretch(column, 1)
            self.headers.append(header)
            self.days.append(day_list)
        grid.setRowStretch(1, 1)
        self.empty = QLabel(_("No sessions this week."), self)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        grid.addWidget(self.empty, 2, 0, 1, 7)

    def show_week(self, monday: date, sessions: list[SessionSummary]) -> None:
        self.monday = monday
        by_day: dict[date, list[SessionSummary]] = {}
        for item in sessions:
            by_day.setdefault(item.day, []).append(item)
        self.ids = []
        for column, (header, day_list) in enumerate(zip(self.headers, self.days, strict=True)):
            day = monday + timedelta(days=column)
            text = format_date(day, "EEEE d MMM")
            if day == today():
                text = "● " + text + " (" + _("today") + ")"
            header.setText(text)
            day_list.setAccessibleName(format_date(day, "full"))
            items = by_day.get(day, [])
            # Plain texts in one call, ids kept beside them: a busy week fills fast.
            day_list.clear()
            day_list.addItems([_text(item) for item in items])
            self.ids.append([item.id for item in items])
            for row, item in enumerate(items):
                if item.cancelled:
                    entry = day_list.item(row)
                    entry.setFont(struck(entry.font(), True))
                    entry.setForeground(QColor(colours()["muted"]))  # readable grey (AA)
        self.empty.setVisible(not sessions)

    def _selected(self, column: int) -> None:
        """One selection across the week: choosing on Tuesday clears Monday's."""
        if self.days[column].selectedItems():
            for other, day_list in enumerate(self.days):
                if other != column and day_list.selectedItems():
                    day_list.blockSignals(True)
                    day_list.clearSelection()
                    day_list.blockSignals(False)
        self.selection_changed.emit()

    def current_session_id(self) -> int | None:
        for column, day_list in enumerate(self.days):
            selected = day_list.selectedItems()
            if selected:
                return self.ids[column][day_list.row(selected[0])]
        return None

    def focus_day(self, column: int) -> None:
        day_list = self.days[max(0, min(6, column))]
        day_list.setFocus(Qt.FocusReason.OtherFocusReason)
        if day_list.count() and not day_list.selectedItems():
            # Qt makes the first item current on focus without selecting it; select it.
            row = max(0, day_list.currentRow())
            day_list.setCurrentRow(row)
            day_list.item(row).setSelected(True)

    def focus_today(self) -> None:
        self.focus_day((today() - self.monday).days if 0 <= (today() - self.monday).days < 7 else 0)

    def _activated(self, item: QListWidgetItem) -> None:
        day_list = item.listWidget()
        column = self.days.index(day_list)
        self.activated.emit(self.ids[column][day_list.row(item)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched not in self.days:
            return False
        column = self.days.index(watched)  # type: ignore[arg-type]
        moves: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Left: lambda: self.focus_day(column - 1),
            Qt.Key.Key_Right: lambda: self.focus_day(column + 1),
            Qt.Key.Key_PageUp: lambda: self.week_step.emit(-1),
            Qt.Key.Key_PageDown: lambda: self.week_step.emit(1),
        }
        move = moves.get(event.key())
        if move is None:
            return False
        move()
        return True


def _text(summary: SessionSummary) -> str:
    lines = [f"{time_range(summary)}  {summary.title}", places_text(summary)]
    if summary.location:
        lines.append(summary.location)
    if summary.cancelled:
        lines.insert(0, "✕ " + _("CANCELLED"))
    return "\n".join(lines)
