"""Closing a trajectory: completed (when the rules allow it) or stopped early with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _
from minami_desk.services.trajectories.labels import STOP_REASONS, stop_reason_label
from minami_desk.services.trajectories.lifecycle import (
    complete_trajectory,
    completion_check,
    stop_trajectory,
)
from minami_desk.ui.kit.date_field import DateField, to_date
from minami_desk.ui.kit.form_row import add_row
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.trajectories.forms import ServiceDialog, ok_cancel


class CompleteDialog(ServiceDialog):
    """Shows what completing needs (final evaluation, sessions attended) before it is tried."""

    def __init__(self, context: AppContext, trajectory_id: int, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.trajectory_id = trajectory_id
        self.setWindowTitle(_("Complete the trajectory"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.end_date = DateField(self, _("Completed on"))
        self.end_date.setToolTip(_("The day the trajectory ended; the certificate shows it"))
        self.end_date.dateChanged.connect(self._refresh)
        add_row(form, _("&Completed on"), self.end_date)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("What completing needs"))
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("&Complete")))
        self._refresh()

    def _refresh(self) -> None:
        check = completion_check(
            self.context.db, self.context.actor, self.trajectory_id, to_date(self.end_date.date())
        )
        lines = [
            ("✔ " if check.final_done else "✘ ")
            + (_("Final evaluation done") if check.final_done else _("Final evaluation not done")),
            ("✔ " if check.attended >= check.required else "✘ ")
            + _("Sessions attended during the trajectory: {attended} (needed: {required})").format(
                attended=check.attended, required=check.required
            ),
        ]
        self.status.setText("\n".join(lines))

    def accept(self) -> None:
        self.submit(
            lambda: complete_trajectory(
                self.context.db,
                self.context.actor,
                self.trajectory_id,
                to_date(self.end_date.date()),
            )
        )


class StopDialog(ServiceDialog):
    """Stop early: the reason is one of five, "other" needs a few words."""

    def __init__(self, context: AppContext, trajectory_id: int, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.trajectory_id = trajectory_id
        self.setWindowTitle(_("Stop the trajectory"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setToolTip(_("Why the trajectory stops; choose the reason that fits best"))
        self.reason.addItem(_("— choose —"), None)
        for code in STOP_REASONS:
            self.reason.addItem(stop_reason_label(code), code)
        add_row(form, _("&Reason"), self.reason)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(_("Explanation"))
        self.note.setToolTip(_("Optional; only staff see this"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        add_row(form, _("&Explanation"), self.note)
        self.end_date = DateField(self, _("Stopped on"))
        self.end_date.setToolTip(_("The last day of the trajectory"))
        add_row(form, _("&Stopped on"), self.end_date)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("&Stop trajectory")))

    def accept(self) -> None:
        self.submit(
            lambda: stop_trajectory(
                self.context.db,
                self.context.actor,
                self.trajectory_id,
                self.reason.currentData() or "",
                self.note.toPlainText(),
                to_date(self.end_date.date()),
            )
        )
