"""Beheer → Trajecten: the steps every new trajectory gets, when each is due, and how many
sessions attended completing needs.

Running trajectories keep the steps they started with; the final evaluation cannot be removed
(completing a trajectory depends on it), but its name and timing can change.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import _, pgettext
from minami_desk.services.settings import set_settings
from minami_desk.services.trajectories.lifecycle import MIN_SESSIONS_KEY, min_sessions
from minami_desk.services.trajectories.schedule import FINAL_CODE
from minami_desk.services.trajectories.template import (
    MILESTONE_OFFSETS,
    OFFSET_LABELS,
    TemplateStep,
    list_template,
    save_template,
)
from minami_desk.ui.kit.form_row import FormErrorLabel
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, show_exception


def _columns() -> list[str]:
    return [_("Step"), pgettext("count", "Number"), _("When"), _("In use")]


class MilestoneTemplatePage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.ids: list[int | None] = []
        self.codes: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Milestones of a trajectory"), self, level=2))
        intro = QLabel(
            _(
                "Every new trajectory gets these steps. Months are calendar months: six months "
                "after 31 August is the end of February. Running trajectories do not change."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        minimum_row = QHBoxLayout()
        self.min_sessions = QSpinBox(self)
        self.min_sessions.setRange(0, 100)
        self.min_sessions.setAccessibleName(_("Sessions needed to complete a trajectory"))
        self.min_sessions.setToolTip(
            _("Sessions the participant attended between the start and the end; 0: no minimum")
        )
        minimum_label = QLabel(_("Sessions attended needed to &complete:"), self)
        minimum_label.setBuddy(self.min_sessions)
        minimum_row.addWidget(minimum_label)
        minimum_row.addWidget(self.min_sessions)
        minimum_row.addStretch(1)
        layout.addLayout(minimum_row)
        columns = _columns()
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setAccessibleName(_("Milestone steps"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        add = QPushButton(_("&Add step"), self)
        add.setAccessibleName(_("Add a step"))
        add.clicked.connect(lambda: self._add_row(TemplateStep(None, "", "weeks", 1)))
        up = QPushButton(_("Move &up"), self)
        up.setAccessibleName(_("Move the step up"))
        up.clicked.connect(lambda: self._swap(-1))
        down = QPushButton(_("Move do&wn"), self)
        down.setAccessibleName(_("Move the step down"))
        down.clicked.connect(lambda: self._swap(1))
        save = QPushButton(_("&Save"), self)
        save.setObjectName("primary")
        save.setAccessibleName(_("Save the milestone steps"))
        save.clicked.connect(self.save)
        for button in (add, up, down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(save)
        self.error = FormErrorLabel(self)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.activated()

    def activated(self) -> None:
        self.table.setRowCount(0)
        self.ids, self.codes = [], []
        for step in list_template(self.context.db, self.context.actor):
            self._add_row(step)
        self.min_sessions.setValue(min_sessions(self.context.db))

    def _add_row(self, step: TemplateStep) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.ids.append(step.id)
        self.codes.append(step.code)
        title = QLineEdit(step.title, self.table)
        title.setAccessibleName(_("Name of the step"))
        number = QSpinBox(self.table)
        number.setRange(0, 400)
        number.setValue(step.offset_value)
        number.setAccessibleName(_("Number of days, weeks or months"))
        kind = QComboBox(self.table)
        kind.setAccessibleName(_("When the step is due"))
        for code in MILESTONE_OFFSETS:
            kind.addItem(_(OFFSET_LABELS[code]), code)
        kind.setCurrentIndex(max(0, kind.findData(step.offset_kind)))
        active = QCheckBox(self.table)
        active.setChecked(step.active)
        active.setAccessibleName(_("Step in use"))
        if step.code == FINAL_CODE:
            active.setEnabled(False)
            active.setToolTip(_("Completing a trajectory needs the final evaluation."))
        self.table.setCellWidget(row, 0, title)
        self.table.setCellWidget(row, 1, number)
        self.table.setCellWidget(row, 2, kind)
        self.table.setCellWidget(row, 3, active)
        self.table.setCurrentCell(row, 0)

    def _step(self, row: int) -> TemplateStep:
        title = self.table.cellWidget(row, 0)
        number = self.table.cellWidget(row, 1)
        kind = self.table.cellWidget(row, 2)
        active = self.table.cellWidget(row, 3)
        return TemplateStep(
            id=self.ids[row],
            title=title.text(),  # type: ignore[attr-defined]
            offset_kind=kind.currentData(),  # type: ignore[attr-defined]
            offset_value=number.value(),  # type: ignore[attr-defined]
            active=active.isChecked(),  # type: ignore[attr-defined]
            code=self.codes[row],
        )

    def steps(self) -> list[TemplateStep]:
        return [self._step(row) for row in range(self.table.rowCount())]

    def _swap(self, direction: int) -> None:
        row = self.table.currentRow()
        other = row + direction
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        steps = self.steps()
        steps[row], steps[other] = steps[other], steps[row]
        self.table.setRowCount(0)
        self.ids, self.codes = [], []
        for step in steps:
            self._add_row(step)
        self.table.setCurrentCell(other, 0)

    def save(self) -> None:
        try:
            save_template(self.context.db, self.context.actor, self.steps())
            set_settings(
                self.context.db,
                self.context.actor,
                {MIN_SESSIONS_KEY: self.min_sessions.value()},
            )
        except ValidationError as error:
            self.error.show_message(str(error))
            return
        except UserError as error:
            show_exception(self, error)
            return
        self.error.clear_message()
        self.context.bus.status_message.emit(_("The milestone steps are saved."))
        self.activated()
