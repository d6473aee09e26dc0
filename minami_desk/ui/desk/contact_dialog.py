"""Inloop registreren: who, when, which themes, what the question is, follow-up."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.errors import ValidationError
from minami_desk.i18n import _, pgettext
from minami_desk.services.actor import Permission
from minami_desk.services.contacts import ContactInput, record_contact, staff_options
from minami_desk.services.labels import CHANNEL_LABELS
from minami_desk.services.profile import get_resident
from minami_desk.services.themes import list_themes
from minami_desk.ui.desk.search import ResidentSearch
from minami_desk.ui.kit.date_field import DateField, typeable
from minami_desk.ui.kit.form_row import FormErrorLabel, add_row, show_errors
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception


class ContactDialog(QDialog):
    """Record one contact. Without a resident, a search at the top picks one first."""

    def __init__(
        self, context: AppContext, resident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.resident_id = resident_id
        self.contact_id: int | None = None
        self.setWindowTitle(_("Register a walk-in"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.who = QLabel(self)
        self.who.setObjectName("subheading")
        layout.addWidget(self.who)
        self.picker: ResidentSearch | None = None
        if resident_id is None:
            self.picker = ResidentSearch(context, self, list_all=False, compact=True)
            self.picker.opened.connect(self.choose_resident)
            layout.addWidget(self.picker)
        self.errors: dict[str, FormErrorLabel] = {"resident": FormErrorLabel(self)}
        layout.addWidget(self.errors["resident"])
        form = QFormLayout()
        layout.addLayout(form)
        # Amsterdam's wall clock, not the PC's zone: a laptop left on UTC must not file an
        # evening walk-in under yesterday (or, east of here, in the future).
        now = clock.now()
        self.when = QDateTimeEdit(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)), self
        )
        self.when.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self._row(form, "contact_at", _("&When"), _("Date and time of the contact"), self.when)
        self.channel = QComboBox(self)
        for code, text in CHANNEL_LABELS.items():
            self.channel.addItem(_(text), code)
        self._row(form, "channel", _("&How"), _("How the contact took place"), self.channel)
        self.themes = QListWidget(self)
        self.themes.setMaximumHeight(150)
        for theme in list_themes(context.db):
            item = QListWidgetItem(theme.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            self.themes.addItem(item)
        self.themes.itemActivated.connect(self._toggle)
        self._row(
            form,
            "themes",
            _("&Themes"),
            _("Themes of the help request; Space ticks a theme"),
            self.themes,
        )
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.description.setPlaceholderText(_("What is the question? (not visible to volunteers)"))
        self._row(
            form,
            "help_request",
            _("&Help request"),
            _("Description of the help request"),
            self.description,
        )
        self.handled_by = QComboBox(self)
        self.handled_by.addItem(_("— me"), None)
        for option in staff_options(context.db):
            self.handled_by.addItem(option.name, option.id)
            if option.id == context.actor.staff_id:
                self.handled_by.setCurrentIndex(self.handled_by.count() - 1)
        self._row(
            form, "handled_by", _("Handled &by"), _("Who handled the contact"), self.handled_by
        )
        follow = QHBoxLayout()
        self.follow_up = QCheckBox(_("&Follow up on"), self)
        self.follow_up.setAccessibleName(_("Plan a follow-up"))
        in_a_week = clock.today() + timedelta(days=7)
        self.follow_date = DateField(self, _("Follow-up date"), in_a_week)
        self.follow_date.setToolTip(_("The day to contact the resident again; Vandaag lists it"))
        self.follow_date.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_date.setEnabled)
        typeable(self.when)
        follow.addWidget(self.follow_up)
        follow.addWidget(self.follow_date)
        follow.addStretch(1)
        self.errors["follow_up_on"] = add_row(form, _("Follow-up"), follow, owner=self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(_("Cancel"), self)
        cancel.clicked.connect(self.reject)
        cancel.setAutoDefault(False)
        self.save_button = QPushButton(pgettext("Alt+O taken", "&Save"), self)
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(_("Save the contact"))
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setAutoDefault(False)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self._show_resident()
        if self.picker is not None:
            self.picker.field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.channel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row(
        self, form: QFormLayout, key: str, label: str, accessible: str, widget: QWidget
    ) -> None:
        self.errors[key] = add_row(form, label, widget, accessible, owner=self)

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def choose_resident(self, resident_id: int) -> None:
        self.resident_id = resident_id
        self._show_resident()
        self.channel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_resident(self) -> None:
        if self.resident_id is None:
            self.who.setText(_("Who came in? Search and press Enter."))
            return
        details = get_resident(self.context.db, self.context.actor, self.resident_id)
        self.who.setText(
            _("Walk-in of {name} (no. {number})").format(
                name=details.full_name, number=details.number
            )
        )
        self.errors["resident"].clear_message()

    def read(self) -> ContactInput:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return ContactInput(
            resident_id=self.resident_id,
            contact_at=moment.replace(tzinfo=clock.AMSTERDAM),
            channel=self.channel.currentData(),
            theme_ids=[
                self.themes.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.themes.count())
                if self.themes.item(row).checkState() == Qt.CheckState.Checked
            ],
            help_request=self.description.toPlainText(),
            handled_by_id=self.handled_by.currentData(),
            follow_up_on=self.follow_date.value() if self.follow_up.isChecked() else None,
        )

    def save(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        try:
            self.contact_id = record_contact(self.context.db, self.context.actor, self.read())
        except ValidationError as error:
            show_errors(self.errors, error.errors, self.errors["resident"])
            return
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("contact")
        self.context.bus.status_message.emit(_("The walk-in is saved."))
        self.accept()


def register_walk_in(context: AppContext, resident_id: int | None = None) -> int | None:
    """Open the dialog (two clicks from anywhere: menu, then this); returns the contact id."""
    if not context.actor.can(Permission.RECORD_CONTACTS):
        return None
    dialog = ContactDialog(context, resident_id)
    dialog.exec()
    return dialog.contact_id
