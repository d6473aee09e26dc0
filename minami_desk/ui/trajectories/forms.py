"""Small form pieces the trajectory dialogs share: dates, labelled fields, OK/Cancel, and a
dialog that calls its service on OK and stays open with the message when it is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from minami_desk import clock
from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import _, format_date
from minami_desk.ui.date_typing import typeable
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import FormErrorLabel, show_exception

T = TypeVar("T")


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(parent: QWidget, accessible: str, value: date | None = None) -> QDateEdit:
    """A date field with a calendar, in Dutch day-month-year order."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")  # as every other date field in the program
    edit.setDate(to_qdate(value or clock.today()))
    edit.setAccessibleName(accessible)
    typeable(edit)
    return edit


def add_row(form: QFormLayout, text: str, field: QWidget) -> None:
    """A label with a mnemonic that moves the focus to its field."""
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)


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
