"""One trajectory: goals and the score chart, milestones with their actions, notes, closing.

Volunteers may open it to see where someone stands, but the service leaves the notes and scores
out for them; the page then says so instead of showing empty boxes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Permission
from minami_desk.services.audit import record_viewed
from minami_desk.services.trajectories.labels import status_label, stop_reason_label
from minami_desk.services.trajectories.notes import add_note
from minami_desk.services.trajectories.queries import (
    MilestoneView,
    TrajectoryDetail,
    get_trajectory,
)
from minami_desk.ui.kit.form_row import FormErrorLabel
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.trajectories.chart import GoalScores, ScoreChart
from minami_desk.ui.trajectories.close_dialogs import CompleteDialog, StopDialog
from minami_desk.ui.trajectories.forms import long_date
from minami_desk.ui.trajectories.milestone_dialogs import MarkDoneDialog, MoveDialog, ScoresDialog
from minami_desk.ui.widgets import Heading, show_exception


def _button(parent: QWidget, text: str, tooltip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", ""))
    if tooltip:
        button.setToolTip(tooltip)
    return button


class TrajectoryPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: TrajectoryDetail | None = None
        can_manage = context.actor.can(Permission.MANAGE_TRAJECTORIES)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back = _button(self, _("← &Back to the list"))
        top.addWidget(self.back)
        top.addStretch(1)
        self.open_resident = _button(self, _("&Resident"), _("Open the resident's page"))
        self.open_resident.clicked.connect(self._open_resident)
        self.complete_button = _button(self, _("&Complete…"), _("Close as completed"))
        self.complete_button.clicked.connect(self._complete)
        self.stop_button = _button(self, _("S&top…"), _("Stop early, with a reason"))
        self.stop_button.clicked.connect(self._stop)
        for button in (self.open_resident, self.complete_button, self.stop_button):
            top.addWidget(button)
        self.complete_button.setVisible(can_manage)
        self.stop_button.setVisible(can_manage)
        outer.addLayout(top)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        self.title = Heading("", body)
        layout.addWidget(self.title)
        self.facts = QLabel(body)
        self.facts.setObjectName("muted")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)

        layout.addWidget(Heading(_("Goals and self-assessment"), body, level=2))
        self.chart = ScoreChart(body)
        layout.addWidget(self.chart)
        self.hidden_note = QLabel(_("Scores and notes are only visible to staff members."), body)
        self.hidden_note.setObjectName("muted")
        layout.addWidget(self.hidden_note)
        score_row = QHBoxLayout()
        self.scores_button = _button(
            body, _("Enter &scores…"), _("The participant's own scores, 1 to 10 per goal")
        )
        self.scores_button.clicked.connect(self._scores)
        self.scores_button.setVisible(can_manage)
        score_row.addWidget(self.scores_button)
        score_row.addStretch(1)
        layout.addLayout(score_row)

        layout.addWidget(Heading(_("Milestones"), body, level=2))
        self.milestones = QTableWidget(0, 5, body)
        self.milestones.setHorizontalHeaderLabels(
            [_("Milestone"), _("Due"), _("Originally due"), _("Done on"), _("Note")]
        )
        self.milestones.setAccessibleName(_("Milestones"))
        self.milestones.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestones.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestones.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.milestones.verticalHeader().setVisible(False)
        self.milestones.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.milestones.setMinimumHeight(190)
        self.milestones.doubleClicked.connect(lambda _index: self._mark_done())
        layout.addWidget(self.milestones)
        row = QHBoxLayout()
        self.done_button = _button(body, _("&Done…"), _("Record the selected milestone as done"))
        self.done_button.clicked.connect(self._mark_done)
        self.move_button = _button(body, _("&Move…"), _("Move the due date, with a reason"))
        self.move_button.clicked.connect(self._move)
        for button in (self.done_button, self.move_button):
            button.setVisible(can_manage)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(Heading(_("Progress notes"), body, level=2))
        self.notes = QListWidget(body)
        self.notes.setAccessibleName(_("Progress notes"))
        self.notes.setWordWrap(True)
        self.notes.setMinimumHeight(120)
        layout.addWidget(self.notes)
        self.note_input = QPlainTextEdit(body)
        self.note_input.setAccessibleName(_("New progress note"))
        self.note_input.setPlaceholderText(_("A new note: how is it going?"))
        self.note_input.setTabChangesFocus(True)
        self.note_input.setFixedHeight(70)
        layout.addWidget(self.note_input)
        self.note_error = FormErrorLabel(body)
        layout.addWidget(self.note_error)
        note_row = QHBoxLayout()
        note_row.addStretch(1)
        self.add_note_button = _button(body, _("&Add note"))
        self.add_note_button.clicked.connect(self._add_note)
        note_row.addWidget(self.add_note_button)
        layout.addLayout(note_row)
        self.note_input.setVisible(can_manage)
        self.add_note_button.setVisible(can_manage)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        context.bus.changed.connect(self._changed)

    # -- loading --------------------------------------------------------------------------
    def show_trajectory(self, trajectory_id: int) -> None:
        """Open the page on a trajectory: loaded, and the opening is in the audit log.

        Only opening counts as viewing; ``reload`` after a change writes no row.
        """
        self.load(trajectory_id)
        record_viewed(self.context.db, self.context.actor, "trajectory", trajectory_id)

    def load(self, trajectory_id: int) -> None:
        self.detail = get_trajectory(self.context.db, self.context.actor, trajectory_id)
        detail = self.detail
        summary = detail.summary
        self.title.setText(_("Trajectory of {name}").format(name=summary.resident_name))
        facts = [
            _("Status: {status}").format(status=status_label(summary.status)),
            _("Coach: {coach}").format(coach=summary.coach_name or _("none")),
            _("From {start} to {end}").format(
                start=long_date(summary.start_date),
                end=long_date(summary.end_date or summary.planned_end_date),
            ),
        ]
        if summary.stop_reason:
            reason = stop_reason_label(summary.stop_reason)
            facts.append(_("Reason: {reason}").format(reason=reason))
        if detail.certificate_number:
            facts.append(_("Certificate {number}").format(number=detail.certificate_number))
        self.facts.setText(" · ".join(facts))
        active = summary.status == "active"
        for button in (self.complete_button, self.stop_button, self.done_button, self.move_button):
            button.setEnabled(active)
        self.scores_button.setEnabled(active and detail.confidential_included)
        self.note_input.setEnabled(detail.confidential_included)
        self.add_note_button.setEnabled(detail.confidential_included)
        self.hidden_note.setVisible(not detail.confidential_included)
        self.chart.set_goals([GoalScores(goal.label, goal.scores) for goal in detail.goals])
        self._fill_milestones()
        self.notes.clear()
        for note in detail.notes:
            author = f" — {note.author_name}" if note.author_name else ""
            self.notes.addItem(f"{long_date(note.written_on)}{author}\n{note.text}")

    def _fill_milestones(self) -> None:
        assert self.detail is not None
        milestones = self.detail.milestones
        self.milestones.setRowCount(len(milestones))
        for row, milestone in enumerate(milestones):
            moved = milestone.due_on != milestone.original_due_on
            original = long_date(milestone.original_due_on) if moved else ""
            note = milestone.note
            if moved and milestone.moved_reason:
                note = _("Moved: {reason}").format(reason=milestone.moved_reason) + (
                    f"\n{note}" if note else ""
                )
            values = [
                milestone.title,
                long_date(milestone.due_on),
                original,
                ("✔ " + long_date(milestone.done_on)) if milestone.done_on else _("open"),
                note,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, milestone.id)
                self.milestones.setItem(row, column, item)
        self.milestones.resizeColumnsToContents()
        if milestones:
            first_open = next((i for i, m in enumerate(milestones) if m.done_on is None), 0)
            self.milestones.selectRow(first_open)

    def _changed(self, what: str) -> None:
        if what in ("trajectory", "settings") and self.detail is not None:
            self.reload()

    def reload(self) -> None:
        if self.detail is not None:
            try:
                self.load(self.detail.summary.id)
            except UserError as error:
                show_exception(self, error)

    # -- actions --------------------------------------------------------------------------
    def _selected_milestone(self) -> MilestoneView | None:
        if self.detail is None:
            return None
        row = self.milestones.currentRow()
        if row < 0 or row >= len(self.detail.milestones):
            return None
        return self.detail.milestones[row]

    def _mark_done(self) -> None:
        milestone = self._selected_milestone()
        if milestone is None or not self.done_button.isEnabled() or self.detail is None:
            return
        goals = self.detail.goals if self.detail.confidential_included else []
        MarkDoneDialog(self.context, milestone, goals, self).exec()

    def _move(self) -> None:
        milestone = self._selected_milestone()
        if milestone is not None:
            MoveDialog(self.context, milestone, self).exec()

    def _scores(self) -> None:
        if self.detail is not None:
            ScoresDialog(self.context, self.detail.summary.id, self.detail.goals, self).exec()

    def _complete(self) -> None:
        if self.detail is not None:
            CompleteDialog(self.context, self.detail.summary.id, self).exec()

    def _stop(self) -> None:
        if self.detail is not None:
            StopDialog(self.context, self.detail.summary.id, self).exec()

    def _add_note(self) -> None:
        if self.detail is None:
            return
        try:
            add_note(
                self.context.db,
                self.context.actor,
                self.detail.summary.id,
                self.note_input.toPlainText(),
            )
        except ValidationError as error:
            self.note_error.show_message(str(error))
            return
        except UserError as error:
            show_exception(self, error)
            return
        self.note_error.clear_message()
        self.note_input.clear()
        self.context.bus.changed.emit("trajectory")

    def _open_resident(self) -> None:
        if self.detail is not None:
            self.context.navigator.open("resident", self.detail.summary.resident_id)
