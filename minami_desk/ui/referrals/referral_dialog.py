"""The referral form: to which agency, why, how the resident was handed over, when to follow up.

Opened from a resident's page (``navigator.open("new_referral", resident_id)``), from a
contact (``contact_id=...``), or from the Verwijzingen list to correct a referral's details.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import _, pgettext
from minami_desk.services.organisations import list_organisations
from minami_desk.services.referrals import (
    HANDOVER_LABELS,
    ReferralInput,
    ReferralRow,
    create_referral,
    handover_label,
    resident_label,
    update_referral,
)
from minami_desk.services.themes import list_themes
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.kit.form_row import FormRows, save_and_close
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, dialog_buttons

FOLLOW_UP_AFTER_DAYS = 14


class ReferralDialog(QDialog):
    """New referral (``existing`` None) or a correction of an existing one."""

    def __init__(
        self,
        context: AppContext,
        resident_id: int,
        existing: ReferralRow | None = None,
        contact_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.resident_id = resident_id
        self.existing = existing
        self.contact_id = existing.contact_id if existing else contact_id
        self.saved_id: int | None = None
        self.setWindowTitle(_("Change referral") if existing else _("New referral"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.heading = Heading(resident_label(context.db, context.actor, resident_id), self, 2)
        layout.addWidget(self.heading)
        form = FormRows(self)

        self.organisation = QComboBox(self)
        self.organisation.setAccessibleName(_("Agency"))
        self.organisation.setToolTip(_("The agency the resident is referred to"))
        self.organisation.addItem(_("— choose an agency —"), None)
        for organisation in list_organisations(context.db, include_inactive=existing is not None):
            text = organisation.name
            if organisation.kind:
                text += f" ({organisation.kind})"
            self.organisation.addItem(text, organisation.id)
        form.add("organisation", _("&Agency"), self.organisation)

        today = clock.today()
        self.referred_on = DateField(self, _("Referral date"), today)
        self.referred_on.setToolTip(_("The day the resident was referred"))
        self.referred_on.setMaximumDate(self.referred_on.date())
        form.add("referred_on", _("&Date"), self.referred_on)

        self.themes = QListWidget(self)
        self.themes.setAccessibleName(_("Themes"))
        self.themes.setToolTip(_("Tick every theme this referral is about (space bar ticks)"))
        self.themes.setMaximumHeight(150)
        for theme in list_themes(context.db):
            item = QListWidgetItem(theme.name, self.themes)
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        form.add("themes", _("&Themes"), self.themes)

        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(_("Reason for the referral"))
        self.reason.setToolTip(
            _("What the resident needs from the agency; volunteers do not see it")
        )
        self.reason.setPlaceholderText(_("What does the resident need help with from this agency?"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        form.add("reason", _("&Reason"), self.reason)

        handover_row = QHBoxLayout()
        self.handover_group = QButtonGroup(self)
        self.handover_buttons: dict[str, QRadioButton] = {}
        for code in HANDOVER_LABELS:
            button = QRadioButton(handover_label(code), self)
            button.setAccessibleName(handover_label(code))
            self.handover_group.addButton(button)
            self.handover_buttons[code] = button
            handover_row.addWidget(button)
        handover_row.addStretch(1)
        self.handover_buttons["address_only"].setChecked(True)
        self.handover_buttons["called_together"].setToolTip(
            _("Staff and resident called the agency together from the desk")
        )
        self.handover_buttons["accompanied"].setToolTip(
            _("Someone of the centre went along to the first appointment")
        )
        form.add(
            "handover", _("Warm &handover"), handover_row, self.handover_buttons["called_together"]
        )

        follow_row = QHBoxLayout()
        self.follow_up_enabled = QCheckBox(pgettext("Alt+O taken", "&Follow up on"), self)
        self.follow_up_enabled.setAccessibleName(_("Plan a follow-up"))
        self.follow_up_enabled.setChecked(True)
        self.follow_up_on = DateField(
            self, _("Follow-up date"), today + timedelta(days=FOLLOW_UP_AFTER_DAYS)
        )
        self.follow_up_on.setToolTip(
            _("On this day the referral appears on Today to ask how it went")
        )
        self.follow_up_enabled.toggled.connect(self.follow_up_on.setEnabled)
        follow_row.addWidget(self.follow_up_enabled)
        follow_row.addWidget(self.follow_up_on)
        follow_row.addStretch(1)
        form.add("follow_up_on", _("Follow-up"), follow_row, self.follow_up_enabled)

        form.place(layout)
        self.form = form
        buttons, self.save_button = dialog_buttons(
            self, _("&Save referral"), self.save, _("Save referral")
        )
        layout.addWidget(buttons)
        if existing is not None:
            self._fill(existing)
        self.organisation.setFocus()

    def _fill(self, row: ReferralRow) -> None:
        index = self.organisation.findData(row.organisation_id)
        self.organisation.setCurrentIndex(max(index, 0))
        self.referred_on.set_value(row.referred_on)
        for index in range(self.themes.count()):
            item = self.themes.item(index)
            checked = item.data(Qt.ItemDataRole.UserRole) in row.theme_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.reason.setPlainText(row.reason)
        self.handover_buttons[row.handover].setChecked(True)
        self.follow_up_enabled.setChecked(row.follow_up_on is not None)
        if row.follow_up_on is not None:
            self.follow_up_on.set_value(row.follow_up_on)

    def set_organisation(self, organisation_id: int) -> None:
        self.organisation.setCurrentIndex(max(self.organisation.findData(organisation_id), 0))

    def check_themes(self, theme_ids: set[int]) -> None:
        for index in range(self.themes.count()):
            item = self.themes.item(index)
            if item.data(Qt.ItemDataRole.UserRole) in theme_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def value(self) -> ReferralInput:
        theme_ids = tuple(
            self.themes.item(index).data(Qt.ItemDataRole.UserRole)
            for index in range(self.themes.count())
            if self.themes.item(index).checkState() == Qt.CheckState.Checked
        )
        handover = next(
            code for code, button in self.handover_buttons.items() if button.isChecked()
        )
        return ReferralInput(
            resident_id=self.resident_id,
            organisation_id=self.organisation.currentData() or 0,
            referred_on=self.referred_on.value(),
            theme_ids=theme_ids,
            reason=self.reason.toPlainText(),
            handover=handover,
            follow_up_on=self.follow_up_on.value() if self.follow_up_enabled.isChecked() else None,
            contact_id=self.contact_id,
        )

    def save(self) -> None:
        data = self.value()
        db, actor = self.context.db, self.context.actor

        def store() -> None:
            if self.existing is None:
                self.saved_id = create_referral(db, actor, data)
            else:
                update_referral(db, actor, self.existing.id, data)
                self.saved_id = self.existing.id

        save_and_close(
            self, self.context, self.form, store, "referral", _("The referral is saved.")
        )
