"""Opening a referral: what it was for, and recording how it went (its follow-up).

The status choices are exactly the service's allowed next steps, so the desk never meets a
refusal for a step the form offered.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import _, format_date, pgettext
from minami_desk.services.audit import record_viewed
from minami_desk.services.referrals import (
    OPEN_STATUSES,
    FollowUpResult,
    ReferralRow,
    get_referral,
    handover_label,
    next_statuses,
    record_follow_up,
    status_label,
)
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.kit.form_row import FormRows, save_and_close
from minami_desk.ui.referrals.referral_dialog import FOLLOW_UP_AFTER_DAYS, ReferralDialog
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, primary_button


def _summary(row: ReferralRow) -> str:
    lines = [
        _("Referred to {agency} on {date}").format(
            agency=row.organisation_name, date=format_date(row.referred_on, "long")
        ),
        _("Themes: {themes}").format(themes=", ".join(row.themes) or "—"),
        _("Handover: {handover}").format(handover=handover_label(row.handover)),
    ]
    if row.follow_up_on is not None:
        lines.append(
            _("Follow-up planned for {date}").format(date=format_date(row.follow_up_on, "long"))
        )
    return "\n".join(lines)


class FollowUpDialog(QDialog):
    def __init__(self, context: AppContext, referral_id: int, parent: QWidget | None = None):
        super().__init__(parent or context.window)
        self.context = context
        self.referral_id = referral_id
        self.row = get_referral(context.db, context.actor, referral_id)
        # Opening shows the reason and outcome: logged once here, not on every refresh.
        record_viewed(context.db, context.actor, "referral", referral_id)
        self.setWindowTitle(_("Referral"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.heading = Heading(
            _("{name} (no. {number})").format(
                name=self.row.resident_name, number=self.row.resident_number
            ),
            self,
            2,
        )
        layout.addWidget(self.heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("muted")
        layout.addWidget(self.reason)

        form = FormRows(self)
        status_row = QVBoxLayout()
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        status_holder = QWidget(self)
        status_holder.setLayout(status_row)
        form.add("status", _("St&atus"), status_holder)
        self._status_row = status_row

        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(_("Outcome note"))
        self.note.setToolTip(_("What the resident or the agency said; only staff see this"))
        self.note.setPlaceholderText(_("What did the resident tell? What did the agency do?"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(100)
        form.add("outcome_note", _("&Outcome"), self.note)

        next_row = QHBoxLayout()
        self.next_enabled = QCheckBox(_("Follow up &again on"), self)
        self.next_enabled.setAccessibleName(_("Follow up again"))
        self.next_on = DateField(
            self, _("Next follow-up date"), clock.today() + timedelta(days=FOLLOW_UP_AFTER_DAYS)
        )
        self.next_on.setToolTip(_("The day to ask again how it went; Vandaag lists it"))
        self.next_enabled.toggled.connect(self._sync_next)
        next_row.addWidget(self.next_enabled)
        next_row.addWidget(self.next_on)
        next_row.addStretch(1)
        form.add("follow_up_on", _("Next step"), next_row, self.next_enabled)
        form.place(layout)
        self.form = form

        buttons = QDialogButtonBox(self)
        self.save_button = primary_button(pgettext("Alt+O taken", "&Save"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(_("Save the follow-up"))
        self.edit_button = QPushButton(_("Change &details…"), self)
        self.edit_button.setAccessibleName(_("Change the referral's details"))
        self.edit_button.setToolTip(_("Agency, date, themes, reason, handover"))
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        if context.navigator.can_open("resident"):
            resident_button = QPushButton(_("Open &resident"), self)
            resident_button.setAccessibleName(_("Open the resident's page"))
            resident_button.clicked.connect(self._open_resident)
            buttons.addButton(resident_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(_("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.edit_button.clicked.connect(self._edit_details)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show_row()

    def _show_row(self) -> None:
        row = self.row
        self.summary.setText(_summary(row))
        self.reason.setText(_("Reason: {reason}").format(reason=row.reason) if row.reason else "")
        self.reason.setVisible(bool(row.reason))
        for button in self.status_buttons.values():
            self.status_group.removeButton(button)
            button.deleteLater()
        self.status_buttons = {}
        choices = (row.status, *next_statuses(row.status))
        for code in choices:
            text = status_label(code)
            if code == row.status:
                text = _("{status} (unchanged)").format(status=text)
            button = QRadioButton(text, self)
            button.setAccessibleName(text)
            button.toggled.connect(self._sync_next)
            self.status_group.addButton(button)
            self._status_row.addWidget(button)
            self.status_buttons[code] = button
        self.status_buttons[row.status].setChecked(True)
        self.note.setPlainText(row.outcome_note)
        self.next_enabled.setChecked(False)
        self._sync_next()

    def chosen_status(self) -> str:
        return next(code for code, button in self.status_buttons.items() if button.isChecked())

    def choose(self, status: str) -> None:
        self.status_buttons[status].setChecked(True)

    def _sync_next(self) -> None:
        still_open = bool(self.status_buttons) and self.chosen_status() in OPEN_STATUSES
        self.next_enabled.setEnabled(still_open)
        self.next_on.setEnabled(still_open and self.next_enabled.isChecked())

    def save(self) -> None:
        status = self.chosen_status()
        next_date = None
        if status in OPEN_STATUSES and self.next_enabled.isChecked():
            next_date = self.next_on.value()
        result = FollowUpResult(status, self.note.toPlainText(), next_date)
        db, actor = self.context.db, self.context.actor
        save_and_close(
            self,
            self.context,
            self.form,
            lambda: record_follow_up(db, actor, self.referral_id, result),
            "referral",
            _("The follow-up is saved."),
        )

    def _edit_details(self) -> None:
        dialog = ReferralDialog(self.context, self.row.resident_id, existing=self.row, parent=self)
        if dialog.exec():
            self.row = get_referral(self.context.db, self.context.actor, self.referral_id)
            self._show_row()

    def _open_resident(self) -> None:
        self.accept()
        self.context.navigator.open("resident", self.row.resident_id)
