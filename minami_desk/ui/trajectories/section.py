"""Trajecten: every trajectory, filtered by status, coach and period; one opens as its page.

``install`` registers the navigator targets "trajectory" (open its page) and
"start_trajectory" (the start dialog, for a resident given by the resident page).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import N_, _
from minami_desk.services.actor import Permission
from minami_desk.services.trajectories.labels import status_label
from minami_desk.services.trajectories.queries import (
    TRAJECTORY_STATUSES,
    TrajectorySummary,
    list_coaches,
    list_trajectories,
)
from minami_desk.ui.kit.date_field import DateField, to_date
from minami_desk.ui.kit.form_row import FormErrorLabel
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.trajectories.forms import long_date
from minami_desk.ui.widgets import EmptyState, Heading, show_exception

SHOWN = 500  # newest first; filters narrow the rest
COLUMNS = (N_("Participant"), N_("Coach"), N_("Start"), N_("End"), N_("Status"))


class TrajectoriesSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[TrajectorySummary] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.list_view = QWidget(self.stack)
        from minami_desk.ui.trajectories.page import TrajectoryPage  # on the first visit

        self.page = TrajectoryPage(context, self.stack)
        self.page.back.clicked.connect(self.show_list)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.page)
        self._build_list()
        context.bus.changed.connect(self._changed)

    def _build_list(self) -> None:
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(Heading(_("Trajectories"), self.list_view))
        head.addStretch(1)
        self.new_button = QPushButton(_("&New trajectory…"), self.list_view)
        self.new_button.setObjectName("primary")
        self.new_button.setAccessibleName(_("Start a new trajectory"))
        self.new_button.clicked.connect(lambda: self.start())
        self.new_button.setVisible(self.context.actor.can(Permission.MANAGE_TRAJECTORIES))
        head.addWidget(self.new_button)
        self.certificates_button = QPushButton(_("&Certificates…"), self.list_view)
        self.certificates_button.setAccessibleName(_("Print certificates for a ceremony"))
        self.certificates_button.clicked.connect(self._certificates)
        self.certificates_button.setVisible(self.context.actor.can(Permission.PRINT_CERTIFICATES))
        head.addWidget(self.certificates_button)
        layout.addLayout(head)

        filters = QHBoxLayout()
        self.status = QComboBox(self.list_view)
        self.status.setAccessibleName(_("Status"))
        self.status.addItem(_("All statuses"), None)
        for code in TRAJECTORY_STATUSES:
            self.status.addItem(status_label(code), code)
        self.status.setCurrentIndex(1)  # active: what a coach looks for first
        status_label_widget = QLabel(_("S&tatus"), self.list_view)
        status_label_widget.setBuddy(self.status)
        self.coach = QComboBox(self.list_view)
        self.coach.setAccessibleName(_("Coach"))
        coach_label = QLabel(_("C&oach"), self.list_view)
        coach_label.setBuddy(self.coach)
        self.period = QCheckBox(_("&Period"), self.list_view)
        self.period.setAccessibleName(_("Filter by period"))
        self.period.setToolTip(_("Only trajectories that ran during this period"))
        self.date_from = DateField(self.list_view, _("Period from"), date(clock.today().year, 1, 1))
        self.date_to = DateField(self.list_view, _("Period to"))
        for widget in (
            status_label_widget,
            self.status,
            coach_label,
            self.coach,
            self.period,
            self.date_from,
            QLabel("–", self.list_view),
            self.date_to,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.filter_error = FormErrorLabel(self.list_view)
        layout.addWidget(self.filter_error)
        self.status.currentIndexChanged.connect(self.refresh)
        self.coach.currentIndexChanged.connect(self.refresh)
        self.period.toggled.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)

        self.table = QTableWidget(0, len(COLUMNS), self.list_view)
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setAccessibleName(_("Trajectories"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.table.activated.connect(lambda _index: self._open_current())
        layout.addWidget(self.table, 1)
        self.more = QLabel(
            _(
                "Only the newest {count} are shown. Choose a status, a coach or a period "
                "to find the others."
            ).format(count=SHOWN),
            self.list_view,
        )
        self.more.setObjectName("muted")
        self.more.hide()
        layout.addWidget(self.more)
        self.empty = EmptyState(
            _("No trajectories here. Start one with “New trajectory”."), self.list_view
        )
        layout.addWidget(self.empty)
        self._fill_coaches()

    def _fill_coaches(self) -> None:
        current = self.coach.currentData()
        self.coach.blockSignals(True)
        self.coach.clear()
        self.coach.addItem(_("All coaches"), None)
        for coach in list_coaches(self.context.db, self.context.actor):
            self.coach.addItem(coach.name, coach.id)
        index = self.coach.findData(current)
        self.coach.setCurrentIndex(max(0, index))
        self.coach.blockSignals(False)

    def refresh(self) -> None:
        period = self.period.isChecked()
        self.date_from.setEnabled(period)
        self.date_to.setEnabled(period)
        try:
            self.rows = list_trajectories(
                self.context.db,
                self.context.actor,
                status=self.status.currentData(),
                coach_id=self.coach.currentData(),
                date_from=to_date(self.date_from.date()) if period else None,
                date_to=to_date(self.date_to.date()) if period else None,
                limit=SHOWN + 1,
            )
        except ValidationError as error:
            self.filter_error.show_message(str(error))
            return
        except UserError as error:
            show_exception(self, error)
            return
        self.filter_error.clear_message()
        more = len(self.rows) > SHOWN
        self.rows = self.rows[:SHOWN]
        self.more.setVisible(more)
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            values = [
                f"{item.resident_name} ({item.resident_number})",
                item.coach_name,
                long_date(item.start_date),
                long_date(item.end_date or item.planned_end_date),
                status_label(item.status),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(not self.rows)

    def activated(self) -> None:
        if self.stack.currentWidget() is self.page:
            self.page.reload()
        else:
            self._fill_coaches()
            self.refresh()

    def _changed(self, what: str) -> None:
        if what in ("trajectory", "resident", "staff"):
            self.refresh()

    # -- navigation -----------------------------------------------------------------------
    def _open_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.open_trajectory(self.rows[row].id)

    def open_trajectory(self, trajectory_id: int) -> None:
        try:
            self.page.show_trajectory(trajectory_id)
        except UserError as error:
            show_exception(self, error)
            return
        self.stack.setCurrentWidget(self.page)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.refresh()

    def start(self, resident_id: int | None = None) -> int | None:
        from minami_desk.ui.trajectories.start_dialog import StartTrajectoryDialog

        dialog = StartTrajectoryDialog(self.context, resident_id, self.context.window)
        if dialog.exec() and dialog.trajectory_id is not None:
            self.context.navigator.open("trajectory", dialog.trajectory_id)
            return dialog.trajectory_id
        return None

    def _certificates(self) -> None:
        from minami_desk.ui.trajectories.certificates_dialog import CertificatesDialog

        CertificatesDialog(self.context, self.context.window).exec()


def _section(context: AppContext) -> TrajectoriesSection | None:
    window = context.window
    if window is None:
        return None
    return window.show_section("trajectories")  # type: ignore[attr-defined,no-any-return]


def install(context: AppContext) -> None:
    def open_trajectory(trajectory_id: int) -> None:
        section = _section(context)
        if section is not None:
            section.open_trajectory(trajectory_id)

    def start(resident_id: int | None = None) -> int | None:
        section = _section(context)
        return None if section is None else section.start(resident_id)

    context.navigator.register("trajectory", open_trajectory)
    context.navigator.register("start_trajectory", start)
