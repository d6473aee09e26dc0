"""The resident form's fields, with a Dutch message under each field that is wrong.

Used for a new registration and for editing. It asks little: only the names are required.
There is no BSN field, ever.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import N_, _
from minami_desk.services.labels import AGE_GROUP_LABELS, CONSENT_LABELS, GENDER_LABELS
from minami_desk.services.postcodes import known_wijken, suggest_wijk
from minami_desk.services.registration import ResidentInput, is_under_guardian_age
from minami_desk.ui.kit.date_field import Century, OptionalDateField
from minami_desk.ui.kit.form_row import FormErrorLabel, add_row, show_errors
from minami_desk.ui.shell.context import AppContext

FORM_CONSENTS = ("registration", "photos", "contact_phone", "contact_whatsapp")
TEXT_FIELDS = (
    ("first_name", N_("&First name *"), N_("First name (required)")),
    ("infix", N_("&Tussenvoegsel"), N_("Tussenvoegsel, such as van, de or van den")),
    ("last_name", N_("&Last name *"), N_("Last name (required)")),
    ("birth_date", N_("Date of &birth"), N_("Date of birth as dd-mm-yyyy")),
)
CONTACT_FIELDS = (
    ("phone", N_("&Phone"), N_("Phone number, Dutch or foreign (e.g. +233 …)")),
    ("email", N_("&E-mail"), N_("E-mail address")),
    ("postcode", N_("Post&code"), N_("Postcode, e.g. 1102 AB")),
)
EXTRA_FIELDS = (
    ("languages", N_("Lan&guages spoken"), N_("Languages the person speaks")),
    ("found_via", N_("Found the centre &via"), N_("How the person found the centre")),
)


class ResidentForm(QWidget):
    """Fields plus error labels; ``read()`` gives a ``ResidentInput`` for the services."""

    names_changed = Signal()  # name, birth date or phone finished: check for duplicates

    def __init__(self, context: AppContext, with_consents: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FormErrorLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        person = QFormLayout()
        outer.addLayout(person)
        for key, label, accessible in TEXT_FIELDS:
            field = OptionalDateField(self, century=Century.BIRTH) if key == "birth_date" else None
            self._add(person, key, label, accessible, field or QLineEdit(self))
        birth = self.birth_field()
        self.age_group = QComboBox(self)
        self.age_group.addItem(_("— (date of birth given)"), None)
        for code, text in AGE_GROUP_LABELS.items():
            self.age_group.addItem(_(text), code)
        self._add(
            person,
            "age_group",
            N_("&Age group (instead)"),
            N_("Age group, when the person prefers not to give a date of birth"),
            self.age_group,
        )
        self.gender = QComboBox(self)
        self.gender.addItem(_("— (not asked)"), None)
        for code, text in GENDER_LABELS.items():
            self.gender.addItem(_(text), code)
        self._add(person, "gender", N_("&Gender"), N_("Gender (optional)"), self.gender)
        for key, label, accessible in CONTACT_FIELDS:
            self._add(person, key, label, accessible, QLineEdit(self))
        self.wijk = QComboBox(self)
        self.wijk.setEditable(True)
        self.wijk.addItem("")
        self.wijk.addItems(known_wijken(context.db))
        self._add(
            person,
            "wijk",
            N_("Neig&hbourhood"),
            N_("Neighbourhood (suggested from the postcode)"),
            self.wijk,
        )
        for key, label, accessible in EXTRA_FIELDS:
            self._add(person, key, label, accessible, QLineEdit(self))
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self._add(person, "note", N_("&Note"), N_("Note"), self.note)
        self.minor_box = QGroupBox(_("Under 16: parent or guardian"), self)
        minor = QFormLayout(self.minor_box)
        for key, label, accessible in (
            ("guardian_name", N_("Name of parent/&guardian"), N_("Name of parent or guardian")),
            ("guardian_phone", N_("Phone of parent/g&uardian"), N_("Phone of parent or guardian")),
        ):
            self._add(minor, key, label, accessible, QLineEdit(self.minor_box))
        self.free_help = QCheckBox(
            _("Free help and advice for a minor (no parental consent needed)")
        )
        self.free_help.setAccessibleName(_("Free help and advice for a minor"))
        minor.addRow(self.free_help)
        outer.addWidget(self.minor_box)
        self.minor_box.hide()
        self._suggested = ""
        self.consents: dict[str, QCheckBox] = {}
        if with_consents:
            box = QGroupBox(_("Consent (AVG) given today"), self)
            column = QVBoxLayout(box)
            for kind in FORM_CONSENTS:
                check = QCheckBox(_(CONSENT_LABELS[kind]), box)
                check.setAccessibleName(_(CONSENT_LABELS[kind]))
                check.setChecked(kind == "registration")
                column.addWidget(check)
                self.consents[kind] = check
            self.errors["consent_registration"] = FormErrorLabel(box)
            column.addWidget(self.errors["consent_registration"])
            outer.addWidget(box)
        self.line("postcode").textChanged.connect(self._postcode_done)
        birth.textChanged.connect(self._update_minor)
        self.age_group.currentIndexChanged.connect(self._update_minor)
        for key in ("first_name", "last_name", "birth_date", "phone"):
            self.line(key).editingFinished.connect(self.names_changed.emit)
        self.setFocusProxy(self.line("first_name"))

    def _add(
        self, form: QFormLayout, key: str, label: str, accessible: str, widget: QWidget
    ) -> None:
        widget.setObjectName(key)
        self.errors[key] = add_row(form, _(label), widget, _(accessible), owner=self)
        self.inputs[key] = widget

    def birth_field(self) -> OptionalDateField:
        widget = self.inputs["birth_date"]
        assert isinstance(widget, OptionalDateField)
        return widget

    def line(self, key: str) -> QLineEdit:
        widget = self.inputs[key]
        assert isinstance(widget, QLineEdit)
        return widget

    # -- behaviour --------------------------------------------------------------------------
    def _postcode_done(self) -> None:
        """A complete postcode fills in the wijk, unless the desk chose one by hand."""
        suggestion = suggest_wijk(self.context.db, self.line("postcode").text())
        current = self.wijk.currentText().strip()
        if suggestion and (not current or current == self._suggested):
            self.wijk.setCurrentText(suggestion)
            self._suggested = suggestion

    def _birth_date(self) -> date | None:
        return self.birth_field().value_or_none()

    def _update_minor(self) -> None:
        minor = is_under_guardian_age(
            self._birth_date(), self.age_group.currentData(), clock.today()
        )
        self.minor_box.setVisible(minor)

    # -- values -----------------------------------------------------------------------------
    def read(self) -> tuple[ResidentInput, dict[str, str]]:
        """The typed values, plus errors the form itself finds (an impossible date)."""
        problems: dict[str, str] = {}
        birth: date | None = None
        try:
            birth = self.birth_field().value()
        except ValueError:
            problems["birth_date"] = _("This date does not exist or is not written as dd-mm-yyyy.")
        data = ResidentInput(
            first_name=self.line("first_name").text(),
            infix=self.line("infix").text(),
            last_name=self.line("last_name").text(),
            birth_date=birth,
            age_group=self.age_group.currentData(),
            gender=self.gender.currentData(),
            phone=self.line("phone").text(),
            email=self.line("email").text(),
            postcode=self.line("postcode").text(),
            wijk=self.wijk.currentText(),
            languages=self.line("languages").text(),
            found_via=self.line("found_via").text(),
            note=self.note.toPlainText(),
            minor_free_help=self.free_help.isChecked() and self.minor_box.isVisible(),
            guardian_name=self.line("guardian_name").text(),
            guardian_phone=self.line("guardian_phone").text(),
        )
        return data, problems

    def write(self, data: ResidentInput) -> None:
        for key in (
            "first_name",
            "infix",
            "last_name",
            "phone",
            "email",
            "postcode",
            "languages",
            "found_via",
            "guardian_name",
            "guardian_phone",
        ):
            self.line(key).setText(getattr(data, key))
        self.birth_field().set_value(data.birth_date)
        self.age_group.setCurrentIndex(max(0, self.age_group.findData(data.age_group)))
        self.gender.setCurrentIndex(max(0, self.gender.findData(data.gender)))
        self.wijk.setCurrentText(data.wijk)
        self.note.setPlainText(data.note)
        self.free_help.setChecked(data.minor_free_help)
        self._update_minor()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field, all at once; the first faulty field gets the focus."""
        if {"guardian_name", "guardian_phone"} & errors.keys():
            self.minor_box.show()
        known = {key: message for key, message in errors.items() if key in self.errors}
        show_errors(self.errors, known, fields=self.inputs)

    def consent_choices(self) -> list[tuple[str, bool]]:
        return [(kind, box.isChecked()) for kind, box in self.consents.items() if box.isChecked()]
