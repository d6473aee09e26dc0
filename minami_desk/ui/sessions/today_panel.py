"""Vandaag: today's sessions, each opening its attendance screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from minami_desk.clock import today
from minami_desk.i18n import _
from minami_desk.services.sessions.queries import SessionSummary, sessions_between
from minami_desk.ui.panel_loading import LatestAnswer
from minami_desk.ui.sessions.common import places_text, struck, time_range
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading


class TodaysSessions(QFrame):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("card")
        self.context = context
        layout = QVBoxLayout(self)
        heading = Heading(_("Today's sessions"), self, level=2)
        layout.addWidget(heading)
        self.list = QListWidget(self)
        self.list.setObjectName("todaySessions")
        self.list.setAccessibleName(_("Today's sessions; Enter opens the attendance screen"))
        self.list.itemActivated.connect(self._open)
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        font = self.list.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.list.setFont(font)
        heading.setBuddy(self.list)
        self.empty = EmptyState(_("No sessions today. Plan one in Sessions."), self)
        hint = QLabel(_("Double-click or press Enter to take attendance."), self)
        hint.setObjectName("muted")
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.empty.hide()  # until the first answer
        self.loader = LatestAnswer(context, self)
        context.bus.changed.connect(lambda what: self.activated() if what == "session" else None)

    def activated(self) -> None:
        """Read off the UI thread; only the latest answer is shown."""
        db, actor, day = self.context.db, self.context.actor, today()
        self.loader.load(lambda: sessions_between(db, actor, day, day), self._show)

    def _show(self, sessions: list[SessionSummary]) -> None:
        self.list.clear()
        for summary in sessions:
            # Short lines, so a long title and room are not cut off at the panel's edge.
            text = f"{time_range(summary)}  {summary.title}\n{places_text(summary)}"
            if summary.location:
                text += f" · {summary.location}"
            if summary.cancelled:
                text = "✕ " + _("CANCELLED") + "\n" + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFont(struck(item.font(), summary.cancelled))
            self.list.addItem(item)
        self.list.setVisible(bool(sessions))
        self.empty.setVisible(not sessions)
        # As high as its lines in the font in use (the system's size), so nothing is cut off.
        line = self.list.fontMetrics().lineSpacing()
        rows = sum(self.list.item(row).text().count("\n") + 1 for row in range(self.list.count()))
        spacing = self.list.spacing() * 2 + 4
        self.list.setMaximumHeight(line * max(1, rows) + spacing * max(1, len(sessions)) + 12)

    def _open(self, item: QListWidgetItem) -> None:
        self.context.navigator.open("session", int(item.data(Qt.ItemDataRole.UserRole)))
