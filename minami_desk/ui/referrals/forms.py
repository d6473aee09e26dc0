"""The referral and story dialogs' save step: run the service call, tell the others, close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
)

from minami_desk.ui.kit.form_row import FormRows
from minami_desk.ui.shell.context import AppContext


def save_and_close(
    dialog: QDialog,
    context: AppContext,
    form: FormRows,
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
