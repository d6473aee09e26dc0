"""Recording a milestone: done (date, note, and the scores when it is an evaluation), or moved.

The dialog calls the service itself on OK and stays open with the message next to the field
when the service refuses, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _
from minami_desk.services.trajectories.assessments import record_scores
from minami_desk.services.trajectories.labels import moment_label
from minami_desk.services.trajectories.milestones import mark_done, move_due_date
from minami_desk.services.trajectories.queries import GoalView, MilestoneView
from minami_desk.ui.kit.date_field import DateField, to_date
from minami_desk.ui.kit.form_row import add_row
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.trajectories.forms import ServiceDialog, long_date, ok_cancel

ASSESSED = ("intake", "midway", "final")


def score_spin(parent: QWidget, goal_label: str) -> QSpinBox:
    """1–10, with 0 shown as "not scored" so a goal may be left out."""
    spin = QSpinBox(parent)
    spin.setRange(0, 10)
    spin.setSpecialValueText(_("not scored"))
    spin.setAccessibleName(_("Score for {goal}").format(goal=goal_label))
    spin.setToolTip(_("1 = not at all, 10 = completely"))
    return spin


class MarkDoneDialog(ServiceDialog):
    """Done on a date with a note; for the intake, midway and final evaluation, the scores."""

    def __init__(
        self,
        context: AppContext,
        milestone: MilestoneView,
        goals: list[GoalView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.milestone = milestone
        self.setWindowTitle(_("{milestone}: done").format(milestone=milestone.title))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.done_on = DateField(self, _("Done on"))
        self.done_on.setToolTip(_("The day the milestone took place"))
        add_row(form, _("&Done on"), self.done_on)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(_("Note"))
        self.note.setToolTip(_("What was discussed or agreed (only staff see this)"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_("What was discussed or agreed (only staff see this)"))
        self.note.setFixedHeight(90)
        add_row(form, _("&Note"), self.note)
        layout.addLayout(form)
        self.scores: dict[int, QSpinBox] = {}
        if milestone.code in ASSESSED and goals:
            intro = QLabel(
                _(
                    "The participant scores each goal from 1 (not at all) to 10 (completely). "
                    "Leave 0 for a goal that was not scored."
                ),
                self,
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
            score_form = QFormLayout()
            for goal in goals:
                spin = score_spin(self, goal.label)
                spin.setValue(goal.scores.get(milestone.code, 0))
                self.scores[goal.id] = spin
                add_row(score_form, goal.label, spin)
            layout.addLayout(score_form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("&Save")))

    def accept(self) -> None:
        scores = {goal_id: (spin.value() or None) for goal_id, spin in self.scores.items()}
        self.submit(
            lambda: mark_done(
                self.context.db,
                self.context.actor,
                self.milestone.id,
                to_date(self.done_on.date()),
                self.note.toPlainText(),
                scores=scores or None,
            )
        )


class MoveDialog(ServiceDialog):
    """A new due date and why; the original date stays visible on the page."""

    def __init__(
        self, context: AppContext, milestone: MilestoneView, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.milestone = milestone
        self.setWindowTitle(_("Move {milestone}").format(milestone=milestone.title))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("Planned for {date}.").format(date=long_date(milestone.due_on)), self)
        )
        form = QFormLayout()
        self.due_on = DateField(self, _("New date"), milestone.due_on)
        self.due_on.setToolTip(_("The new day for this milestone; the original stays on record"))
        add_row(form, _("New &date"), self.due_on)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setToolTip(_("Why the milestone moves, for example illness or holidays"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        add_row(form, _("&Reason"), self.reason)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("&Move")))

    def accept(self) -> None:
        self.submit(
            lambda: move_due_date(
                self.context.db,
                self.context.actor,
                self.milestone.id,
                to_date(self.due_on.date()),
                self.reason.toPlainText(),
            )
        )


class ScoresDialog(ServiceDialog):
    """The self-assessment of one moment on its own, e.g. filled in on paper and typed later."""

    def __init__(
        self,
        context: AppContext,
        trajectory_id: int,
        goals: list[GoalView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.trajectory_id = trajectory_id
        self.goals = goals
        self.setWindowTitle(_("Self-assessment"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.moment = QComboBox(self)
        self.moment.setAccessibleName(_("Moment"))
        self.moment.setToolTip(_("Which self-assessment these scores belong to"))
        for code in ASSESSED:
            self.moment.addItem(moment_label(code), code)
        self.moment.currentIndexChanged.connect(self._load_scores)
        add_row(form, _("&Moment"), self.moment)
        self.recorded_on = DateField(self, _("Date"))
        self.recorded_on.setToolTip(_("The day the participant gave the scores"))
        add_row(form, _("&Date"), self.recorded_on)
        self.scores: dict[int, QSpinBox] = {}
        for goal in goals:
            spin = score_spin(self, goal.label)
            self.scores[goal.id] = spin
            add_row(form, goal.label, spin)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("&Save")))
        self._load_scores()

    def _load_scores(self) -> None:
        moment = self.moment.currentData()
        for goal in self.goals:
            self.scores[goal.id].setValue(goal.scores.get(moment, 0))

    def accept(self) -> None:
        scores = {goal_id: (spin.value() or None) for goal_id, spin in self.scores.items()}
        self.submit(
            lambda: record_scores(
                self.context.db,
                self.context.actor,
                self.trajectory_id,
                self.moment.currentData(),
                scores,
                to_date(self.recorded_on.date()),
            )
        )
