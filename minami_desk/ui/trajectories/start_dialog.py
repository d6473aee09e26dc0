"""Starting a trajectory: who (given by the resident page, or found here), from when, with
which coach, and which of the centre's six goals plus the participant's own words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError
from minami_desk.i18n import _
from minami_desk.services.residents import search_residents
from minami_desk.services.trajectories.labels import CENTRE_GOALS, goal_label
from minami_desk.services.trajectories.lifecycle import GoalChoice, start_trajectory
from minami_desk.services.trajectories.queries import list_coaches, resident_label
from minami_desk.ui.kit.date_field import DateField, to_date
from minami_desk.ui.kit.form_row import add_row
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.trajectories.forms import ServiceDialog, ok_cancel


class StartTrajectoryDialog(ServiceDialog):
    def __init__(
        self, context: AppContext, resident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.resident_id = resident_id
        self.trajectory_id: int | None = None
        self.setWindowTitle(_("Start a trajectory"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        if resident_id is None:
            self.search = QLineEdit(self)
            self.search.setAccessibleName(_("Find the participant"))
            self.search.setPlaceholderText(_("Name, phone or resident number"))
            self.search.textEdited.connect(self._search)
            add_row(form, _("&Participant"), self.search)
            self.results = QListWidget(self)
            self.results.setAccessibleName(_("Residents found"))
            self.results.setMaximumHeight(120)
            self.results.currentItemChanged.connect(self._picked)
            form.addRow("", self.results)
        else:
            who = QLabel(resident_label(context.db, context.actor, resident_id), self)
            who.setAccessibleName(_("Participant"))
            form.addRow(_("Participant"), who)
        self.start_date = DateField(self, _("Start date"))
        self.start_date.setToolTip(_("The day of the intake; the milestones are planned from it"))
        add_row(form, _("&Start date"), self.start_date)
        self.coach = QComboBox(self)
        self.coach.setAccessibleName(_("Coach"))
        self.coach.setToolTip(_("Who guides the participant; may also be chosen later"))
        self.coach.addItem(_("— none yet —"), None)
        for coach in list_coaches(context.db, context.actor):
            self.coach.addItem(coach.name, coach.id)
        if context.actor.staff_id is not None:
            index = self.coach.findData(context.actor.staff_id)
            if index >= 0:
                self.coach.setCurrentIndex(index)
        add_row(form, _("&Coach"), self.coach)
        layout.addLayout(form)

        box = QGroupBox(_("Goals the participant chooses"), self)
        goals_layout = QVBoxLayout(box)
        self.goal_boxes: dict[str, QCheckBox] = {}
        for code in CENTRE_GOALS:
            check = QCheckBox(goal_label(code), box)
            check.setAccessibleName(goal_label(code))
            goals_layout.addWidget(check)
            self.goal_boxes[code] = check
        self.own_box = QCheckBox(_("&Own goal, in the participant's words:"), box)
        self.own_box.setAccessibleName(_("Own goal"))
        goals_layout.addWidget(self.own_box)
        self.own_text = QLineEdit(box)
        self.own_text.setAccessibleName(_("Own goal in the participant's words"))
        self.own_text.setPlaceholderText(_("e.g. Dutch lessons again"))
        self.own_text.textEdited.connect(lambda text: self.own_box.setChecked(bool(text.strip())))
        goals_layout.addWidget(self.own_text)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("&Start trajectory")))

    def _search(self, text: str) -> None:
        self.results.clear()
        if len(text.strip()) < 2:
            return
        try:
            found = search_residents(self.context.db, self.context.actor, text, limit=20)
        except UserError as error:
            self.error.show_message(str(error))
            return
        for resident in found:
            item = QListWidgetItem(f"{resident.full_name} ({resident.number})")
            item.setData(Qt.ItemDataRole.UserRole, resident.id)
            self.results.addItem(item)

    def _picked(self, item: QListWidgetItem | None) -> None:
        self.resident_id = None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def goals(self) -> list[GoalChoice]:
        chosen = [GoalChoice(code) for code, box in self.goal_boxes.items() if box.isChecked()]
        if self.own_box.isChecked():
            chosen.append(GoalChoice("own", self.own_text.text()))
        return chosen

    def accept(self) -> None:
        if self.resident_id is None:
            self.error.show_message(_("Choose the participant first."))
            return
        self.trajectory_id = self.submit(
            lambda: start_trajectory(
                self.context.db,
                self.context.actor,
                self.resident_id,
                to_date(self.start_date.date()),
                self.goals(),
                coach_id=self.coach.currentData(),
            )
        )
