"""Small widgets and message boxes every screen shares."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from minami_desk.errors import UserError
from minami_desk.i18n import _

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or _("Something is not right"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName(title or _("Something is not right"))
    box.exec()


def show_info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title or _("Mi na Mi Desk"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.exec()


def user_message(error: BaseException) -> str:
    """The Dutch sentence for an error; anything unexpected is logged without its message."""
    if isinstance(error, UserError):
        return str(error)
    log.error("unexpected error in a task", exc_info=error)
    return _(
        "Something went wrong. Nothing that was saved is lost. "
        "If it happens again, tell the administrator (details are in the log file)."
    )


def show_exception(parent: QWidget | None, error: BaseException) -> None:
    show_error(parent, user_message(error))


def confirm(
    parent: QWidget | None, question: str, yes_text: str | None = None, title: str | None = None
) -> bool:
    """Ask before anything destructive; the safe answer is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title or _("Are you sure?"),
        question,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    yes = box.addButton(yes_text or _("Yes"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class EmptyState(QLabel):
    """What a list shows when it has nothing yet: say what to do next."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("emptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)


class Heading(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None, level: int = 1) -> None:
        super().__init__(text, parent)
        self.setObjectName("heading" if level == 1 else "subheading")
        self.setAccessibleName(text)


def primary_button(text: str, parent: QWidget) -> QPushButton:
    """The dialog's main button, named before it is styled (so the accent colour applies)."""
    button = QPushButton(text, parent)
    button.setObjectName("primary")
    return button


def dialog_buttons(
    dialog: QDialog, accept_text: str, on_accept: Callable[[], object], accept_name: str = ""
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's bottom row: the primary button (Enter) and Cancel (Esc).

    ``on_accept`` decides whether the dialog closes; Cancel always closes it.
    """
    buttons = QDialogButtonBox(dialog)
    accept = primary_button(accept_text, dialog)
    if accept_name:
        accept.setAccessibleName(accept_name)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(_("Cancel"))
    buttons.accepted.connect(lambda: on_accept())
    buttons.rejected.connect(dialog.reject)
    return buttons, accept
