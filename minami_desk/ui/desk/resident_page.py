"""The resident page: personal data, consents and the timeline, with the page's actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _, format_date
from minami_desk.services.actor import Permission
from minami_desk.services.audit import record_viewed
from minami_desk.services.consents import (
    ConsentRow,
    consent_history,
    give_consent,
    withdraw_consent,
)
from minami_desk.services.labels import AGE_GROUP_LABELS, CONSENT_LABELS, GENDER_LABELS, label
from minami_desk.services.profile import ResidentDetails, get_resident
from minami_desk.services.registration import archive_resident
from minami_desk.services.timeline import resident_timeline
from minami_desk.ui.desk.timeline_view import TimelineView, when_text
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, confirm, show_exception


def _card(parent: QWidget, title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    heading = QLabel(title, frame)
    heading.setObjectName("subheading")
    layout.addWidget(heading)
    return frame, layout


class ResidentPage(QWidget):
    back = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.resident_id: int | None = None
        self.details: ResidentDetails | None = None
        actor = context.actor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        back = QPushButton(_("← &Residents"), self)
        back.setAccessibleName(_("Back to the list of residents"))
        back.clicked.connect(self.back.emit)
        top.addWidget(back)
        self.back_button = back
        self.heading = Heading("", self)
        top.addWidget(self.heading, 1)
        self.badges = QLabel(self)
        self.badges.setObjectName("muted")
        top.addWidget(self.badges)
        self.open_merged = QPushButton(_("Open the registration that stayed"), self)
        self.open_merged.setAccessibleName(_("Open the registration this one was merged into"))
        self.open_merged.clicked.connect(self._open_merged)
        self.open_merged.hide()
        top.addWidget(self.open_merged)
        outer.addLayout(top)
        actions = QHBoxLayout()
        self.walk_in = self._button(
            _("&Register walk-in"),
            _("Register a walk-in for this resident"),
            actions,
            Permission.RECORD_CONTACTS,
            primary=True,
        )
        self.edit = self._button(
            _("&Edit"), _("Edit personal data"), actions, Permission.EDIT_RESIDENTS
        )
        self.merge = self._button(
            _("&Merge with…"),
            _("Merge with another registration"),
            actions,
            Permission.MERGE_RESIDENTS,
        )
        self.archive = self._button(
            _("&Archive"), _("Archive a resident who left"), actions, Permission.EDIT_RESIDENTS
        )
        # The trajectories feature owns the dialog; the navigator opens it ("start_trajectory").
        self.start_trajectory = self._button(
            _("Start &trajectory…"),
            _("Start a six-month trajectory for this resident"),
            actions,
            Permission.MANAGE_TRAJECTORIES,
        )

        self.refer = self._button(
            _("Re&fer…"),
            _("Refer this resident to an agency"),
            actions,
            Permission.MANAGE_REFERRALS,
        )
        self.story = self._button(
            _("Success s&tory…"),
            _("Write down a success story of this resident"),
            actions,
            Permission.MANAGE_STORIES,
        )
        actions.addStretch(1)
        # The resident's rights (AVG); the privacy module behind the navigator does the work.
        self.person_export = self._button(
            _("&Access request…"),
            _("Everything stored about this resident, as a PDF and a JSON file"),
            actions,
            Permission.EXPORT_PERSONAL_DATA,
        )
        self.erase = self._button(
            _("E&rase…"),
            _("Erase this resident's personal data on request (anonymise)"),
            actions,
            Permission.ERASE_PERSONAL_DATA,
        )
        self.person_export.clicked.connect(lambda: self._privacy("person_export"))
        self.erase.clicked.connect(lambda: self._privacy("anonymise_resident"))
        outer.addLayout(actions)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 4)
        data_card, data_layout = _card(self, _("Personal data"))
        self.data_form = QFormLayout()
        self._data_captions: list[str] = []
        self._data_values: list[QLabel] = []
        data_layout.addLayout(self.data_form)
        left.addWidget(data_card)
        consent_card, consent_layout = _card(self, _("Consents (AVG)"))
        self.consents = QTableWidget(0, 4, self)
        self.consents.setHorizontalHeaderLabels(
            [_("Consent"), _("Status"), _("Date"), _("Given by")]
        )
        self.consents.setAccessibleName(_("Consents and their history"))
        self.consents.verticalHeader().hide()
        self.consents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.consents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.consents.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.consents.horizontalHeader().setStretchLastSection(True)
        consent_layout.addWidget(self.consents)
        self.withdraw = QPushButton(_("&Withdraw consent"), self)
        self.withdraw.setAccessibleName(_("Withdraw the selected consent"))
        self.withdraw.clicked.connect(self._withdraw)
        self.consent_kind = QComboBox(self)
        self.consent_kind.setAccessibleName(_("Kind of consent to record"))
        for kind in CONSENT_LABELS:
            self.consent_kind.addItem(label(CONSENT_LABELS, kind), kind)
        self.give = QPushButton(_("Record &consent"), self)
        self.give.setAccessibleName(_("Record that this consent was given today"))
        self.give.clicked.connect(self._give)
        row = QHBoxLayout()
        row.addWidget(self.consent_kind)
        row.addWidget(self.give)
        row.addStretch(1)
        row.addWidget(self.withdraw)
        consent_layout.addLayout(row)
        self.consent_card = consent_card
        consent_card.setVisible(actor.can(Permission.VIEW_RESIDENT_DETAILS))
        for widget in (self.withdraw, self.give, self.consent_kind):
            widget.setVisible(actor.can(Permission.EDIT_RESIDENTS))
        left.addWidget(consent_card, 1)
        timeline_card, timeline_layout = _card(self, _("Timeline"))
        self.timeline = TimelineView(self)
        self.timeline.setAccessibleName(_("Timeline: contacts, sessions, trajectories, referrals"))
        self.timeline.opened.connect(self._open_event)
        timeline_layout.addWidget(self.timeline)
        body.addWidget(timeline_card, 5)
        self.walk_in.clicked.connect(self._walk_in)
        self.edit.clicked.connect(self._edit)
        self.merge.clicked.connect(self._merge)
        self.archive.clicked.connect(self._archive)
        self.start_trajectory.clicked.connect(lambda: self._open_for_resident("start_trajectory"))
        self.refer.clicked.connect(lambda: self._open_for_resident("new_referral"))
        self.story.clicked.connect(lambda: self._open_for_resident("new_story"))
        context.bus.changed.connect(self._changed)

    def _button(
        self,
        text: str,
        accessible: str,
        row: QHBoxLayout,
        permission: Permission,
        primary: bool = False,
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        if primary:
            button.setObjectName("primary")
        button.setVisible(self.context.actor.can(permission))
        row.addWidget(button)
        return button

    # -- loading ----------------------------------------------------------------------------
    def show_resident(self, resident_id: int) -> None:
        self.resident_id = resident_id
        self.reload()
        self.focus_first_action()
        if self.details is not None and self.details.id == resident_id:
            try:
                record_viewed(self.context.db, self.context.actor, "resident", resident_id)
            except Exception as error:
                show_exception(self, error)

    def focus_first_action(self) -> None:
        """Opened from a search (Enter), the keys go on here: the page's main action."""
        for button in (self.walk_in, self.edit, self.back_button):
            if not button.isHidden():
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _privacy(self, target: str) -> None:
        if self.resident_id is not None and self.context.navigator.can_open(target):
            self.context.navigator.open(target, self.resident_id)

    def _changed(self, what: str) -> None:
        if self.resident_id is not None and self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self.resident_id is None:
            return
        try:
            details = get_resident(self.context.db, self.context.actor, self.resident_id)
            events = resident_timeline(self.context.db, self.context.actor, self.resident_id)
            consents: list[ConsentRow] = []
            if self.context.actor.can(Permission.VIEW_RESIDENT_DETAILS):
                consents = consent_history(self.context.db, self.context.actor, self.resident_id)
        except Exception as error:
            show_exception(self, error)
            return
        self.details = details
        self.heading.setText(details.full_name)
        self.heading.setAccessibleName(details.full_name)
        badges = [_("Resident no. {number}").format(number=details.number)]
        if details.archived:
            badges.append(_("ARCHIVED"))
        if details.minor:
            badges.append(
                _("under 16") + (" · " + _("free help") if details.minor_free_help else "")
            )
        if details.merged_into_id is not None:
            badges.append(_("merged into another registration"))
        self.open_merged.setVisible(details.merged_into_id is not None)
        self.badges.setText("   ·   ".join(badges))
        self.archive.setText(_("&Restore") if details.archived else _("&Archive"))
        self.erase.setEnabled(details.merged_into_id is None)
        self._fill_data(details)
        self._fill_consents(consents)
        self.timeline.set_events(events)

    def _fill_data(self, d: ResidentDetails) -> None:
        birth = ""
        if d.birth_date:
            birth = _("{date} ({age} years)").format(
                date=format_date(d.birth_date, "long"), age=d.age
            )
        elif d.age_group:
            birth = label(AGE_GROUP_LABELS, d.age_group)
        rows = [
            (_("Date of birth"), birth),
            (_("Phone"), d.phone),
            (_("Postcode"), " — ".join(part for part in (d.postcode, d.wijk) if part)),
            (_("Registered on"), format_date(d.registered_on, "long")),
        ]
        if not d.details_hidden:
            rows[1:1] = [(_("Gender"), label(GENDER_LABELS, d.gender))]
            rows += [
                (_("E-mail"), d.email),
                (_("Languages"), d.languages),
                (_("Found the centre via"), d.found_via),
                (_("Note"), d.note),
            ]
            if d.guardian_name:
                rows.append(
                    (_("Parent/guardian"), f"{d.guardian_name}  {d.guardian_phone}".strip())
                )
        captions = [caption for caption, _value in rows]
        if captions != self._data_captions:
            # Another set of rows (other role, guardian or not): build them anew. Paging
            # through residents keeps the same rows and only changes their text.
            while self.data_form.rowCount():
                self.data_form.removeRow(0)
            self._data_values = []
            for caption in captions:
                shown = QLabel(self)
                shown.setTextFormat(Qt.TextFormat.PlainText)  # a note is never markup
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.data_form.addRow(QLabel(caption + ":", self), shown)
                self._data_values.append(shown)
            self._data_captions = captions
        for (caption, value), shown in zip(rows, self._data_values, strict=True):
            shown.setText(value or "—")
            shown.setAccessibleName(f"{caption}: {value or '—'}")

    def _fill_consents(self, rows: list[ConsentRow]) -> None:
        self.consents.setRowCount(len(rows))
        for index, row in enumerate(rows):
            if row.withdrawn_at is not None:
                status = _("withdrawn on {date}").format(date=when_text(row.withdrawn_at)[:10])
            else:
                status = _("given") if row.given else _("refused")
            who = row.given_by if row.by_guardian else _("the resident")
            values = (label(CONSENT_LABELS, row.kind), status, when_text(row.given_at)[:10], who)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id if row.active else None)
                self.consents.setItem(index, column, item)

    # -- actions ----------------------------------------------------------------------------
    def _open_event(self, target: str, target_id: int) -> None:
        if self.context.navigator.can_open(target):
            self.context.navigator.open(target, target_id)

    def _open_merged(self) -> None:
        if self.details is not None and self.details.merged_into_id is not None:
            self.context.navigator.open("resident", self.details.merged_into_id)

    def _open_for_resident(self, target: str) -> None:
        """Forms other sections own (a referral, a story), for the resident shown here."""
        if self.resident_id is not None and self.context.navigator.can_open(target):
            self.context.navigator.open(target, self.resident_id)

    def _walk_in(self) -> None:
        from minami_desk.ui.desk.contact_dialog import register_walk_in

        if self.resident_id is not None and register_walk_in(self.context, self.resident_id):
            self.reload()

    def _edit(self) -> None:
        from minami_desk.ui.desk.registration_dialog import RegistrationDialog

        if self.resident_id is None:
            return
        dialog = RegistrationDialog(self.context, self.resident_id, self)
        if dialog.exec():
            self.reload()

    def _merge(self) -> None:
        from minami_desk.ui.desk.merge_dialog import MergeDialog

        if self.resident_id is None:
            return
        dialog = MergeDialog(self.context, self.resident_id, self)
        if dialog.exec() and dialog.kept_id is not None:
            self.show_resident(dialog.kept_id)

    def _archive(self) -> None:
        if self.details is None:
            return
        archiving = not self.details.archived
        question = (
            _("Archive {name}? The history stays; the resident no longer appears in searches.")
            if archiving
            else _("Bring {name} back from the archive?")
        ).format(name=self.details.full_name)
        if not confirm(self, question, _("Archive") if archiving else _("Restore")):
            return
        try:
            archive_resident(self.context.db, self.context.actor, self.details.id, archiving)
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("resident")
        self.reload()

    def _give(self) -> None:
        if self.details is None:
            return
        d = self.details
        guardian = d.guardian_name if d.minor and not d.minor_free_help else ""
        try:
            give_consent(
                self.context.db, self.context.actor, d.id, self.consent_kind.currentData(), guardian
            )
        except Exception as error:
            show_exception(self, error)
            return
        self.reload()

    def _withdraw(self) -> None:
        row = self.consents.currentRow()
        item = self.consents.item(row, 0) if row >= 0 else None
        consent_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if consent_id is None:
            self.context.bus.status_message.emit(_("Choose a consent that is in force."))
            return
        if not confirm(self, _("Withdraw this consent? The history is kept."), _("Withdraw")):
            return
        try:
            withdraw_consent(self.context.db, self.context.actor, consent_id)
        except Exception as error:
            show_exception(self, error)
            return
        self.reload()
