"""Bestand → Wissel gebruiker and Vergrendelen: the desk PC is shared."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from minami_desk.i18n import N_
from minami_desk.services import accounts
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec
from minami_desk.ui.sign_in import SignInDialog


def switch_user(context: AppContext) -> None:
    """Someone else takes over the desk: they sign in and the window is rebuilt for their role."""
    window = context.window
    dialog = SignInDialog(context.db, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return
    if dialog.actor.staff_id == context.actor.staff_id:
        return
    accounts.sign_out(context.db, context.actor)
    window.switch_actor(dialog.actor)  # type: ignore[union-attr]


def lock_now(context: AppContext) -> None:
    context.window.lock()  # type: ignore[union-attr]


ACTIONS = [
    ActionSpec(
        menu="file",
        text=N_("S&witch user…"),
        order=800,
        trigger=switch_user,
        tooltip=N_("Another person signs in; the window opens for their role"),
    ),
    ActionSpec(
        menu="file",
        text=N_("&Lock"),
        order=810,
        trigger=lock_now,
        shortcut="Ctrl+L",
        tooltip=N_("Cover the screen until you sign in again; what you typed is kept"),
    ),
]
