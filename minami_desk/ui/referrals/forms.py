"""Small form helpers the referral and story dialogs share: dates, labelled fields, errors,
the save/cancel row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError, ValidationError
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import FormErrorLabel, show_exception

DATE_FORMAT = "dd-MM-yyyy"


def date_edit(parent: QWidget, value: date, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(value.year, value.month, value.day))
    edit.setAccessibleName(accessible_name)
    return edit


def date_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


class ErrorForm:
    """A QFormLayout whose rows each carry a FormErrorLabel, keyed by the service's field name."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.layout = QFormLayout()
        self.errors: dict[str, FormErrorLabel] = {}
        # For messages without a field of their own; the owner places it (under the form).
        self.general = FormErrorLabel(parent)

    def place(self, layout: QVBoxLayout) -> None:
        """Put the fields, then the general message under them, into the dialog's layout."""
        layout.addLayout(self.layout)
        layout.addWidget(self.general)

    def add_row(
        self, key: str, label: str, field: QWidget | object, buddy: QWidget | None = None
    ) -> None:
        holder = QWidget(self.parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)  # type: ignore[arg-type]
        error = FormErrorLabel(holder)
        column.addWidget(error)
        caption = QLabel(label, self.parent)
        if buddy is not None or isinstance(field, QWidget):
            caption.setBuddy(buddy or field)  # type: ignore[arg-type]
        self.layout.addRow(caption, holder)
        self.errors[key] = error

    def clear(self) -> None:
        for label in (*self.errors.values(), self.general):
            label.clear_message()

    def show(self, errors: dict[str, str]) -> None:
        """Each message next to its field; any without a field of its own goes to ``general``."""
        self.clear()
        rest = []
        for key, message in errors.items():
            if key in self.errors:
                self.errors[key].show_message(message)
            else:
                rest.append(message)
        if rest:
            self.general.show_message(" ".join(rest))

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a service call for this form; True when it worked, else its message is shown."""
        self.clear()
        try:
            action()
        except ValidationError as error:
            self.show(error.errors)
            return False
        except UserError as error:
            self.general.show_message(str(error))
            return False
        except Exception as error:
            show_exception(self.parent, error)
            return False
        return True


def save_and_close(
    dialog: QDialog,
    context: AppContext,
    form: ErrorForm,
    store: Callable[[], object],
    topic: str,
    message: str,
) -> bool:
    """Run the dialog's service call; when it worked, tell the other screens and close."""
    if not form.attempt(store):
        return False
    context.bus.changed.emit(topic)
    context.bus.status_message.emit(message)
    dialog.accept()
    return True
