"""Registering a new resident (or editing one), with the duplicate guard.

While the names, birth date or phone are typed, likely existing matches appear under
"Is dit dezelfde persoon?": the desk either opens the existing resident or says it is
someone else and registers anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import ValidationError
from minami_desk.i18n import _, pgettext
from minami_desk.services.consents import ConsentChoice
from minami_desk.services.duplicates import REASON_LABELS, DuplicateCandidate, find_duplicates
from minami_desk.services.registration import (
    ResidentInput,
    load_input,
    register_resident,
    update_resident,
    validate_registration,
)
from minami_desk.ui.desk.resident_form import ResidentForm
from minami_desk.ui.kit.form_row import FormErrorLabel
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception


class DuplicatePanel(QFrame):
    """ "Is dit dezelfde persoon?" with the candidates and the two answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        title = QLabel(_("Is this the same person?"), self)
        title.setObjectName("subheading")
        layout.addWidget(title)
        explanation = QLabel(
            _(
                "These residents are already registered and look alike. Open the right one, "
                "or register a new resident if it is someone else."
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.candidates = QListWidget(self)
        self.candidates.setAccessibleName(_("Residents who look alike"))
        self.candidates.setMaximumHeight(110)
        layout.addWidget(self.candidates)
        buttons = QHBoxLayout()
        self.same = QPushButton(_("&Yes, open this resident"), self)
        self.same.setAccessibleName(_("Yes, this is the same person: open the existing resident"))
        self.other = QPushButton(_("No, someone &else: register"), self)
        self.other.setAccessibleName(_("No, this is someone else: register a new resident"))
        for button in (self.same, self.other):
            button.setAutoDefault(False)
        buttons.addWidget(self.same)
        buttons.addWidget(self.other)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.hide()

    def show_candidates(self, found: list[DuplicateCandidate]) -> None:
        self.candidates.clear()
        for candidate in found:
            born = candidate.birth_date.strftime("%d-%m-%Y") if candidate.birth_date else "—"
            text = _("{name} (no. {number}), born {born}, {phone} {postcode} — {reason}").format(
                name=candidate.full_name,
                number=candidate.number,
                born=born,
                phone=candidate.phone,
                postcode=candidate.postcode,
                reason=_(REASON_LABELS.get(candidate.reason, candidate.reason)),
            )
            item = QListWidgetItem(" ".join(text.split()))
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
            self.candidates.addItem(item)
        if found:
            self.candidates.setCurrentRow(0)
        self.setVisible(bool(found))

    def chosen_id(self) -> int | None:
        item = self.candidates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class RegistrationDialog(QDialog):
    """New resident (``resident_id`` None) or edit. ``result_id`` is who to show afterwards."""

    def __init__(
        self, context: AppContext, resident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.resident_id = resident_id
        self.result_id: int | None = None
        self.existing_chosen = False
        self._dismissed: set[int] = set()
        editing = resident_id is not None
        self.setWindowTitle(_("Edit resident") if editing else _("New resident"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _("Only the names are required; the rest can be added later.")
            if not editing
            else _("Change what is needed and save."),
            self,
        )
        intro.setObjectName("muted")
        layout.addWidget(intro)
        self.duplicates = DuplicatePanel(self)
        layout.addWidget(self.duplicates)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form = ResidentForm(context, with_consents=not editing, parent=scroll)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        self.general_error = FormErrorLabel(self)
        layout.addWidget(self.general_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAccessibleName(_("Cancel without saving"))
        cancel.clicked.connect(self.reject)
        cancel.setAutoDefault(False)
        self.save_button = QPushButton(
            pgettext("Alt+O taken", "&Save") if editing else _("&Register"), self
        )
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(_("Save the resident"))
        self.save_button.setToolTip(_("Save (Ctrl+S or Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.form.names_changed.connect(self.check_duplicates)
        self.duplicates.same.clicked.connect(self._open_existing)
        self.duplicates.other.clicked.connect(self._someone_else)
        if editing:
            assert resident_id is not None
            self.form.write(load_input(context.db, context.actor, resident_id))
        self.resize(720, 780)
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- duplicates -------------------------------------------------------------------------
    def check_duplicates(self) -> list[DuplicateCandidate]:
        data, _problems = self.form.read()
        if self.resident_id is not None:
            return []  # editing: merging is its own step on the resident page
        if not data.first_name.strip() or not data.last_name.strip():
            self.duplicates.show_candidates([])
            return []
        found = [
            candidate
            for candidate in find_duplicates(
                self.context.db,
                self.context.actor,
                data.first_name,
                data.infix,
                data.last_name,
                data.birth_date,
                data.phone,
                exclude_id=self.resident_id,
            )
            if candidate.id not in self._dismissed
        ]
        self.duplicates.show_candidates(found)
        return found

    def _open_existing(self) -> None:
        chosen = self.duplicates.chosen_id()
        if chosen is not None:
            self.result_id = chosen
            self.existing_chosen = True
            self.accept()

    def _someone_else(self) -> None:
        for row in range(self.duplicates.candidates.count()):
            self._dismissed.add(self.duplicates.candidates.item(row).data(Qt.ItemDataRole.UserRole))
        self.duplicates.hide()
        self.save()

    # -- saving -----------------------------------------------------------------------------
    def _service_errors(self, data: ResidentInput) -> dict[str, str]:
        """The service's own checks, run without saving (nothing is stored)."""
        if self.resident_id is None:
            choices = [ConsentChoice(kind, given) for kind, given in self.form.consent_choices()]
        else:  # an edit keeps the consent it has; the service checks that on saving
            choices = [ConsentChoice("registration", True)]
        try:
            validate_registration(data, choices)
        except ValidationError as error:
            return error.errors
        return {}

    def save(self) -> None:
        data, problems = self.form.read()
        self.general_error.clear_message()
        if problems:  # with what the service says of the rest: every message in this one pass
            self.form.show_errors({**self._service_errors(data), **problems})
            return
        if self.resident_id is None and self.check_duplicates():
            self.duplicates.candidates.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            if self.resident_id is None:
                choices = [
                    ConsentChoice(kind, given) for kind, given in self.form.consent_choices()
                ]
                self.result_id = register_resident(
                    self.context.db, self.context.actor, data, choices
                )
            else:
                update_resident(self.context.db, self.context.actor, self.resident_id, data)
                self.result_id = self.resident_id
        except ValidationError as error:
            self.form.show_errors(error.errors)
            unplaced = [m for k, m in error.errors.items() if k not in self.form.errors]
            if unplaced:
                self.general_error.show_message(" ".join(unplaced))
            return
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("resident")
        self.accept()


def prefill_from_search(form: ResidentForm, text: str) -> None:
    """ "Kofi Mensah" typed in the search and not found: start the form with those names."""
    parts = text.split()
    if len(parts) < 2 or not all(part.replace("-", "").isalpha() for part in parts):
        return
    form.line("first_name").setText(parts[0])
    form.line("last_name").setText(" ".join(parts[1:]))


def register_new(
    context: AppContext,
    parent: QWidget | None = None,
    open_page: bool = True,
    search_text: str = "",
) -> int | None:
    """Open the registration dialog; afterwards show the new (or the existing) resident."""
    dialog = RegistrationDialog(context, parent=parent)
    prefill_from_search(dialog.form, search_text)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_id is None:
        return None
    if open_page:
        context.navigator.open("resident", dialog.result_id)
    return dialog.result_id
