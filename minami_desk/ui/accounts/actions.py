"""Bestand → Wissel gebruiker and Vergrendelen: the desk PC is shared."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services import accounts
from minami_desk.ui.kit.form_row import FormErrorLabel, show_errors, text_field
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.shell.sign_in import SignInDialog
from minami_desk.ui.widgets import dialog_buttons, show_error, user_message


class ChangePasswordDialog(QDialog):
    """Your own password: the current one, then the new one twice."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Change your password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, FormErrorLabel] = {}
        for key, label, accessible in (
            ("current", _("&Current password"), _("Current password")),
            ("password", _("&New password"), _("New password")),
            ("repeat", _("&Repeat new password"), _("Repeat the new password")),
        ):
            self.inputs[key], self.errors[key] = text_field(
                form, self, label, accessible, secret=True
            )
        self.inputs["current"].setToolTip(_("The password you signed in with"))
        self.inputs["password"].setToolTip(
            _("At least {count} characters; only its owner should know it").format(
                count=accounts.MIN_PASSWORD_LENGTH
            )
        )
        self.inputs["repeat"].setToolTip(
            _("Type the password once more, to rule out a typing error")
        )
        layout.addLayout(form)
        buttons, _save = dialog_buttons(self, _("&Save"), self.save)
        layout.addWidget(buttons)

    def save(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        values = {key: field.text() for key, field in self.inputs.items()}
        if values["password"] != values["repeat"]:
            self.errors["repeat"].show_message(_("The two passwords are not the same."))
            return
        try:
            accounts.change_own_password(
                self.context.db, self.context.actor, values["current"], values["password"]
            )
        except ValidationError as error:
            show_errors(self.errors, error.errors, self.errors["password"], fit=True)
            return
        except Exception as error:
            self.errors["current"].show_message(user_message(error))
            return
        self.accept()


def change_password(context: AppContext) -> None:
    if context.actor.staff_id is None:
        show_error(context.window, _("Only someone who signed in can change a password."))
        return
    if ChangePasswordDialog(context, context.window).exec() == QDialog.DialogCode.Accepted:
        context.bus.status_message.emit(_("Your new password is set."))


def switch_user(context: AppContext) -> None:
    """Someone else takes over the desk: they sign in and the window is rebuilt for their role."""
    window = context.window
    hint = (
        _("Demo: every account has the password {password}").format(password=accounts.DEMO_PASSWORD)
        if context.demo
        else ""
    )
    dialog = SignInDialog(context.db, window, hint)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return
    if dialog.actor.staff_id == context.actor.staff_id:
        return
    accounts.sign_out(context.db, context.actor)
    window.switch_actor(dialog.actor)  # type: ignore[union-attr]


def lock_now(context: AppContext) -> None:
    context.window.lock()  # type: ignore[union-attr]
