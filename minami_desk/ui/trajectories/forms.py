"""Small form pieces the trajectory dialogs share: OK/Cancel, and a
dialog that calls its service on OK and stays open with the message when it is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QWidget,
)

from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import _, format_date
from minami_desk.ui.kit.form_row import FormErrorLabel
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception

T = TypeVar("T")


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(dialog)
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("primary")
    ok.setAccessibleName(ok_text.replace("&", ""))
    ok.setDefault(True)
    cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def long_date(value: date | None) -> str:
    return format_date(value, "long") if value else ""


class ServiceDialog(QDialog):
    """OK runs one service call; a refusal shows next to the form and nothing typed is lost."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.error = FormErrorLabel(self)

    def submit(self, action: Callable[[], T]) -> T | None:
        """Run ``action``; on success announce the change and close, else say why and stay."""
        try:
            result = action()
        except ValidationError as error:
            self.error.show_message(str(error))
            return None
        except UserError as error:
            show_exception(self, error)
            return None
        self.context.bus.changed.emit("trajectory")
        QDialog.accept(self)
        return result
