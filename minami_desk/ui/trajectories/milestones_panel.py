"""Vandaag → milestones due this week and overdue, filterable by coach; each opens its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _, format_date
from minami_desk.services.trajectories.due import DueMilestone, due_milestones
from minami_desk.services.trajectories.queries import list_coaches
from minami_desk.ui.panel_loading import LatestAnswer
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading


def describe(item: DueMilestone) -> str:
    """One line that reads without colour: "overdue" is a word, not only red."""
    when = format_date(item.due_on, "d MMM")
    text = f"{item.title} — {item.resident_name} · {when}"
    if item.coach_name:
        text += f" · {item.coach_name}"
    return (_("OVERDUE") + ": " + text) if item.overdue else text


class MilestonesDuePanel(QFrame):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(Heading(_("Milestones due this week"), self, level=2))
        head.addStretch(1)
        self.coach = QComboBox(self)
        self.coach.setAccessibleName(_("Coach"))
        self.coach.setToolTip(_("Show the milestones of one coach"))
        label = QLabel(_("&Coach"), self)
        label.setBuddy(self.coach)
        head.addWidget(label)
        head.addWidget(self.coach)
        layout.addLayout(head)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Milestones due"))
        self.list.setToolTip(_("Press Enter or double-click to open the trajectory"))
        self.list.itemActivated.connect(self._open)
        self.list.setMinimumHeight(140)
        layout.addWidget(self.list)
        self.empty = QLabel(_("Nothing due this week."), self)
        self.empty.setObjectName("muted")
        layout.addWidget(self.empty)
        self.empty.hide()  # until the first answer: "nothing due" must not show while loading
        self.items: list[DueMilestone] = []
        self.loader = LatestAnswer(context, self)
        self.coach.addItem(_("Everyone"), None)
        self.coach.currentIndexChanged.connect(self.refresh)
        context.bus.changed.connect(self._changed)

    def _fill_coaches(self) -> None:
        current = self.coach.currentData()
        self.coach.blockSignals(True)
        self.coach.clear()
        self.coach.addItem(_("Everyone"), None)
        for coach in list_coaches(self.context.db, self.context.actor):
            self.coach.addItem(coach.name, coach.id)
        if current is None and self.context.actor.staff_id is not None:
            current = self.context.actor.staff_id  # a coach sees their own first
        self.coach.setCurrentIndex(max(0, self.coach.findData(current)))
        self.coach.blockSignals(False)

    def refresh(self) -> None:
        """Read off the UI thread (ten years of trajectories take a moment); only the answer
        to the latest question is shown."""
        db, actor, coach = self.context.db, self.context.actor, self.coach.currentData()

        def load() -> list[tuple[DueMilestone, str]]:
            return [(due, describe(due)) for due in due_milestones(db, actor, coach_id=coach)]

        self.loader.load(load, self._show)

    def _show(self, lines: list[tuple[DueMilestone, str]]) -> None:
        self.items = [due for due, _text in lines]
        self.list.clear()
        for due, text in lines:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, due.trajectory_id)
            if due.overdue:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.list.addItem(entry)
        self.list.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)

    def _open(self, item: QListWidgetItem) -> None:
        self.context.navigator.open("trajectory", item.data(Qt.ItemDataRole.UserRole))

    def _changed(self, what: str) -> None:
        if what in ("trajectory", "staff"):
            self.refresh()

    def activated(self) -> None:
        self._fill_coaches()
        self.refresh()


def _create(context: AppContext) -> QWidget:
    return MilestonesDuePanel(context)
