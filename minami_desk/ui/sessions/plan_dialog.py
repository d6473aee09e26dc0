"""Planning a session or a series, and editing one occurrence or the rest of its series."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from minami_desk.clock import today
from minami_desk.errors import ValidationError
from minami_desk.i18n import N_, _
from minami_desk.services.sessions.common import AUDIENCE_WORDS
from minami_desk.services.sessions.kinds import list_kinds
from minami_desk.services.sessions.planning import (
    SeriesPlan,
    SessionDetails,
    parse_skip_dates,
    plan_series,
    plan_session,
    update_rest_of_series,
    update_session,
)
from minami_desk.services.sessions.queries import SessionSummary, list_facilitators
from minami_desk.ui.kit.date_field import DateField, typeable
from minami_desk.ui.kit.form_row import FormErrorLabel, add_row, show_errors
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


FIELD_HINTS = {
    "kind_id": N_("The kind of session; it decides how the session counts in the reports"),
    "title": N_("Shown in the week, on Vandaag and on the attendance sheet"),
    "audience": N_("Who the session is meant for"),
    "day": N_("The day of the session"),
    "weekday": N_("The day of the week the series is on"),
    "recurrence": N_("Every week or every other week"),
    "starts_on": N_("The day of the first session of the series"),
    "ends_on": N_("The day of the last session of the series"),
    "skip_dates": N_("Days without a session, such as holidays: single dates or periods"),
    "start_time": N_("When the session starts (24-hour clock)"),
    "end_time": N_("When the session ends (24-hour clock)"),
    "location": N_("The room or address, as people know it"),
    "facilitator_id": N_("Who leads the session; may be left open"),
    "capacity": N_("The most people who can sign up; more go on the waiting list"),
}


class PlanDialog(QDialog):
    """New (``existing`` None) or edit; a new one may be a weekly or fortnightly series."""

    def __init__(
        self,
        context: AppContext,
        existing: SessionSummary | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.existing = existing
        self.saved_ids: list[int] = []
        self.setWindowTitle(_("Change session") if existing else _("Plan a session"))
        self.setMinimumWidth(520)
        self.errors: dict[str, FormErrorLabel] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.kind = QComboBox(self)
        for kind in list_kinds(context.db):
            self.kind.addItem(kind.name, (kind.id, kind.audience))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._row(form, _("&Kind"), self.kind, "kind_id")
        self.title = QLineEdit(self)
        self._row(form, _("&Title"), self.title, "title")
        self.audience = QComboBox(self)
        for code, word in AUDIENCE_WORDS.items():
            self.audience.addItem(_(word), code)
        self._row(form, _("&For"), self.audience, "audience")

        self.once = QRadioButton(_("&Once"), self)
        self.series = QRadioButton(_("&Series"), self)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.once)
        self.mode.addButton(self.series)
        self.once.setChecked(True)
        self.once.toggled.connect(self._mode_changed)
        self.scope_one = QRadioButton(_("Only &this session"), self)
        self.scope_rest = QRadioButton(_("This and all &later sessions of the series"), self)
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.scope_one)
        self.scope.addButton(self.scope_rest)
        self.scope_one.setChecked(True)
        if existing is None:
            form.addRow(_("How often"), self._pair(self.once, self.series))
        elif existing.series_id is not None:
            form.addRow(_("Change"), self._pair(self.scope_one, self.scope_rest))
        if existing is not None:
            self.once.hide()
            self.series.hide()
        if existing is None or existing.series_id is None:
            self.scope_one.hide()
            self.scope_rest.hide()

        # The day's name after the date; the date field skips it while typing.
        self.day = DateField(self, display_format="dd-MM-yyyy (dddd)")
        self._row(form, _("&Date"), self.day, "day")
        self.weekday = QComboBox(self)
        for index, name in enumerate(WEEKDAYS):
            self.weekday.addItem(_(name), index)
        self.recurrence = QComboBox(self)
        self.recurrence.addItem(_("every week"), "weekly")
        self.recurrence.addItem(_("every other week"), "fortnightly")
        self.starts_on = DateField(self)
        self.ends_on = DateField(self)
        self.skip = QPlainTextEdit(self)
        self.skip.setPlaceholderText(_("For example: 21-12-2026 t/m 03-01-2027, 16-02-2027"))
        self.skip.setMaximumHeight(60)
        self.skip.setTabChangesFocus(True)
        self.series_rows = [
            self._row(form, _("&Weekday"), self.weekday, "weekday"),
            self._row(form, _("&Repeat"), self.recurrence, "recurrence"),
            self._row(form, _("First dat&e"), self.starts_on, "starts_on"),
            self._row(form, _("&Last date"), self.ends_on, "ends_on"),
            self._row(form, _("S&kip dates (holidays)"), self.skip, "skip_dates"),
        ]

        self.start = QTimeEdit(self)
        self.end = QTimeEdit(self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        for edit in (self.start, self.end):
            typeable(edit)
        self._row(form, _("Start t&ime"), self.start, "start_time")
        self._row(form, _("E&nd time"), self.end, "end_time")
        self.location = QLineEdit(self)
        self._row(form, _("L&ocation / room"), self.location, "location")
        self.facilitator = QComboBox(self)
        self.facilitator.addItem(_("(nobody yet)"), None)
        for person in list_facilitators(context.db):
            self.facilitator.addItem(person.name, person.id)
        self._row(form, _("Facilit&ator"), self.facilitator, "facilitator_id")
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 500)
        self.capacity.setSpecialValueText(_("no maximum"))
        self._row(form, _("&Places"), self.capacity, "capacity")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(existing, day or today())
        self._mode_changed()

    # -- layout helpers -------------------------------------------------------------------
    def _row(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> QWidget:
        hint = FIELD_HINTS.get(key)
        if hint:  # the description a screen reader reads after the name; a tooltip on hover
            widget.setToolTip(_(hint))
        error = add_row(form, label, widget, label.replace("&", ""), owner=self)
        self.errors[key] = error
        holder = error.parentWidget()
        return holder

    def _pair(self, first: QWidget, second: QWidget) -> QWidget:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(first)
        box.addWidget(second)
        return holder

    def _fill(self, existing: SessionSummary | None, day: date) -> None:
        self.day.set_value(day)
        self.starts_on.set_value(day)
        self.ends_on.set_value(day + timedelta(weeks=12))
        self.weekday.setCurrentIndex(day.weekday())
        if existing is None:
            self.start.setTime(QTime(19, 0))
            self.end.setTime(QTime(21, 0))
            self._kind_changed()
            return
        self.kind.setCurrentIndex(
            max(
                0,
                next(
                    (
                        i
                        for i in range(self.kind.count())
                        if self.kind.itemData(i)[0] == existing.kind_id
                    ),
                    0,
                ),
            )
        )
        self.title.setText(existing.title)
        self.audience.setCurrentIndex(max(0, self.audience.findData(existing.audience)))
        self.day.set_value(existing.day)
        self.start.setTime(QTime(existing.starts_at.hour, existing.starts_at.minute))
        self.end.setTime(QTime(existing.ends_at.hour, existing.ends_at.minute))
        self.location.setText(existing.location)
        self.facilitator.setCurrentIndex(max(0, self.facilitator.findData(existing.facilitator_id)))
        self.capacity.setValue(existing.capacity or 0)

    def _kind_changed(self) -> None:
        data = self.kind.currentData()
        if data is None or self.existing is not None:
            return
        previous_names = {self.kind.itemText(i) for i in range(self.kind.count())}
        if not self.title.text().strip() or self.title.text() in previous_names:
            self.title.setText(self.kind.currentText())
        self.audience.setCurrentIndex(max(0, self.audience.findData(data[1])))

    def _mode_changed(self) -> None:
        is_series = self.series.isChecked() and self.existing is None
        for row in self.series_rows:
            row.setVisible(is_series)
            label = self.layout().itemAt(0).layout().labelForField(row)
            if label is not None:
                label.setVisible(is_series)
        day_row = self.day.parentWidget()
        day_row.setVisible(not is_series)
        label = self.layout().itemAt(0).layout().labelForField(day_row)
        if label is not None:
            label.setVisible(not is_series)
        self.adjustSize()

    # -- saving ---------------------------------------------------------------------------
    def details(self) -> SessionDetails:
        data = self.kind.currentData()
        return SessionDetails(
            kind_id=data[0] if data else 0,
            title=self.title.text(),
            start_time=_time(self.start.time()),
            end_time=_time(self.end.time()),
            audience=self.audience.currentData(),
            location=self.location.text(),
            facilitator_id=self.facilitator.currentData(),
            capacity=self.capacity.value() or None,
        )

    def save(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        db, actor = self.context.db, self.context.actor
        try:
            details = self.details()
            if self.existing is None and self.series.isChecked():
                plan = SeriesPlan(
                    details=details,
                    recurrence=self.recurrence.currentData(),
                    weekday=self.weekday.currentData(),
                    starts_on=self.starts_on.value(),
                    ends_on=self.ends_on.value(),
                    skip_dates=parse_skip_dates(self.skip.toPlainText()),
                )
                _series_id, self.saved_ids = plan_series(db, actor, plan)
            elif self.existing is None:
                self.saved_ids = [plan_session(db, actor, self.day.value(), details)]
            elif self.existing.series_id is not None and self.scope_rest.isChecked():
                update_rest_of_series(db, actor, self.existing.id, details)
                self.saved_ids = [self.existing.id]
            else:
                update_session(db, actor, self.existing.id, self.day.value(), details)
                self.saved_ids = [self.existing.id]
        except ValidationError as error:
            show_errors(self.errors, error.errors, self.errors["title"])
            return
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("session")
        self.accept()
