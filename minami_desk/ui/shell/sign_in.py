"""Signing in: the form (the lock screen reuses it), the start-up dialog, the first beheerder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk import APP_NAME
from minami_desk.config import resource_path
from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.account_rules import MAX_FAILED_SIGN_INS, MIN_PASSWORD_LENGTH
from minami_desk.services.actor import Actor
from minami_desk.ui.kit.form_row import FormErrorLabel, show_errors, text_field
from minami_desk.ui.widgets import Heading, dialog_buttons, user_message

if TYPE_CHECKING:
    from minami_desk.services.database import Database

SignInFunction = Callable[[str, str], Actor]


class SignInForm(QWidget):
    """Name, password, a message line and a button; emits ``signed_in`` with the actor."""

    signed_in = Signal(object)

    def __init__(
        self, sign_in: SignInFunction, parent: QWidget | None = None, hint: str = ""
    ) -> None:
        super().__init__(parent)
        self._sign_in = sign_in
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name_input = QLineEdit(self)
        self.name_input.setObjectName("signInName")
        self.name_input.setAccessibleName(_("Sign-in name"))
        self.name_input.setToolTip(_("The sign-in name the administrator gave you"))
        self.password_input = QLineEdit(self)
        self.password_input.setObjectName("signInPassword")
        self.password_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_input.setAccessibleName(_("Password"))
        self.password_input.setToolTip(
            _(
                "Your own password. After {count} wrong tries the account waits a few minutes."
            ).format(count=MAX_FAILED_SIGN_INS)
        )
        name_label = QLabel(_("&Name"), self)
        name_label.setBuddy(self.name_input)
        password_label = QLabel(_("&Password"), self)
        password_label.setBuddy(self.password_input)
        form.addRow(name_label, self.name_input)
        form.addRow(password_label, self.password_input)
        layout.addLayout(form)
        self.error = FormErrorLabel(self)
        layout.addWidget(self.error)
        if hint:
            hint_label = QLabel(hint, self)
            hint_label.setObjectName("muted")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        for field in (self.name_input, self.password_input):
            field.setMinimumHeight(30)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons_row = buttons
        self.submit_button = QPushButton(_("&Sign in"), self)
        self.submit_button.setObjectName("primary")
        self.submit_button.setAccessibleName(_("Sign in"))
        # Enter in the password field signs in (below); no default button, so a dialog
        # around the form does not submit a second time.
        self.submit_button.setAutoDefault(False)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        self.name_input.returnPressed.connect(self.password_input.setFocus)
        self.password_input.returnPressed.connect(self.submit)
        self.setTabOrder(self.name_input, self.password_input)
        self.setTabOrder(self.password_input, self.submit_button)

    def start(self, name: str = "") -> None:
        """Ready for typing: the name filled in (if known), the password empty and focused."""
        self.name_input.setText(name)
        self.password_input.clear()
        self.error.clear_message()
        (self.password_input if name else self.name_input).setFocus()

    def submit(self) -> None:
        name = self.name_input.text().strip()
        password = self.password_input.text()
        if not name or not password:
            self.error.show_message(_("Fill in your name and your password."))
            return
        try:
            actor = self._sign_in(name, password)
        except UserError as error:
            self.password_input.clear()
            self.password_input.setFocus()
            self.error.show_message(str(error))
            return
        except Exception as error:  # told in Dutch; details (without input) in the log
            self.error.show_message(user_message(error))
            return
        self.password_input.clear()
        self.error.clear_message()
        self.signed_in.emit(actor)


def _logo(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    pixmap = QPixmap(str(resource_path("logo", "minami-logo.png")))
    if not pixmap.isNull():
        label.setPixmap(pixmap.scaledToHeight(64, Qt.TransformationMode.SmoothTransformation))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class SignInDialog(QDialog):
    """At start-up and for "Wissel gebruiker": who is at the desk now."""

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        hint: str = "",
        sign_in: SignInFunction | None = None,
    ) -> None:
        """``sign_in`` instead of ``db``: at start, while the data layer is still loading."""
        super().__init__(parent)
        if sign_in is None:
            from minami_desk.services import accounts

            def sign_in(name: str, password: str) -> Actor:
                assert db is not None
                return accounts.sign_in(db, name, password)

        self.setWindowTitle(_("Sign in — {app}").format(app=APP_NAME))
        self.setMinimumWidth(400)
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(_logo(self))
        layout.addWidget(Heading(_("Sign in"), self))
        self.form = SignInForm(sign_in, self, hint)
        self.form.signed_in.connect(self._accept)
        layout.addWidget(self.form)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAutoDefault(False)
        cancel.setAccessibleName(_("Cancel signing in"))
        cancel.clicked.connect(self.reject)
        self.form.buttons_row.insertWidget(1, cancel)
        self.form.start()

    def _accept(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()


class CreateAdminDialog(QDialog):
    """First start: nobody can sign in yet, so the first person becomes the administrator."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:

        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(_("Create the administrator — {app}").format(app=APP_NAME))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(_logo(self))
        layout.addWidget(Heading(_("Welcome to Mi na Mi Desk"), self))
        intro = QLabel(
            _(
                "Nobody can sign in yet. Create the account of the administrator (beheerder): "
                "the person who adds colleagues and volunteers later, in Beheer → Medewerkers. "
                "Choose a password of at least {count} characters and keep it safe."
            ).format(count=MIN_PASSWORD_LENGTH),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, FormErrorLabel] = {}
        for key, label, accessible in (
            ("display_name", _("Your &name"), _("Your name as colleagues know it")),
            ("username", _("&Sign-in name"), _("Sign-in name")),
            ("password", _("&Password"), _("Password")),
            ("repeat", _("&Repeat password"), _("Repeat the password")),
        ):
            secret = key in ("password", "repeat")
            self.inputs[key], self.errors[key] = text_field(form, self, label, accessible, secret)
        self.inputs["username"].setToolTip(_("Short and easy to type, for example your first name"))
        self.inputs["display_name"].setToolTip(
            _("Shown in the program, for example in the status bar")
        )
        self.inputs["password"].setToolTip(
            _("At least {count} characters; only its owner should know it").format(
                count=MIN_PASSWORD_LENGTH
            )
        )
        self.inputs["repeat"].setToolTip(
            _("Type the password once more, to rule out a typing error")
        )
        self.inputs["display_name"].textEdited.connect(self._suggest_username)
        layout.addLayout(form)
        self.general_error = FormErrorLabel(self)
        layout.addWidget(self.general_error)
        buttons, self.create_button = dialog_buttons(self, _("&Create and sign in"), self.create)
        layout.addWidget(buttons)
        self._username_touched = False
        self.inputs["username"].textEdited.connect(self._mark_touched)

    def _mark_touched(self) -> None:
        self._username_touched = True

    def _suggest_username(self, text: str) -> None:
        if not self._username_touched:
            first = text.split()[0] if text.split() else ""
            self.inputs["username"].setText(first.casefold())

    def create(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.clear_message()
        values = {key: field.text() for key, field in self.inputs.items()}
        if values["password"] != values["repeat"]:
            self.errors["repeat"].show_message(_("The two passwords are not the same."))
            return
        from minami_desk.services import accounts

        try:
            self.actor = accounts.create_first_admin(
                self.db, values["username"], values["display_name"], values["password"]
            )
        except ValidationError as error:
            show_errors(self.errors, error.errors, self.general_error, fit=True)
            return
        except Exception as error:
            self.general_error.show_message(user_message(error))
            return
        self.accept()


def sign_in_at_start(db: Database, parent: QWidget | None = None) -> Actor | None:
    """The actor for this session, or None when the person cancelled."""
    from minami_desk.services import accounts

    if accounts.needs_first_admin(db):
        create = CreateAdminDialog(db, parent)
        if create.exec() != QDialog.DialogCode.Accepted:
            return None
        return create.actor
    dialog = SignInDialog(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
