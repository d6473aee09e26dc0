"""Who is at the desk: the window locks itself when nobody touched it for a while, and
unlocking hands it back to the same person or over to the next one.

Functions of the ``MainWindow`` (its ``lock`` and ``unlock`` call them), so the window's own
file stays about building the window."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from minami_desk.i18n import _
from minami_desk.services.actor import Actor
from minami_desk.ui.shell.idle_lock import (
    Cover,
    IdleWatcher,
    LockDialog,
    idle_minutes,
    open_dialogs,
)

if TYPE_CHECKING:
    from minami_desk.ui.shell.main_window import MainWindow


def start_idle_lock(window: MainWindow, timeout_ms: int | None) -> None:
    """Nobody to sign in as (tests' default actor), nothing to lock."""
    if window.context.actor.staff_id is None:
        return
    if timeout_ms is None:
        timeout_ms = idle_minutes(window) * 60_000
    if window.idle is None:
        window.idle = IdleWatcher(window, timeout_ms)
    else:
        window.idle.set_timeout(timeout_ms)


def cover_until_signed_in(window: MainWindow) -> None:
    """At start the frame shows at once, but nothing of the screens before someone signed in."""
    window._covers = [Cover(window, _("Starting — sign in to continue"), low=True)]
    _set_interactive(window, False)


def uncover_signed_in(window: MainWindow) -> None:
    for cover in window._covers:
        cover.remove()
    window._covers = []
    _set_interactive(window, True)


def lock(window: MainWindow) -> None:
    """Cover the window with the sign-in screen; the screens below stay as they are."""
    if window.is_locked or window.context.actor.staff_id is None:
        return
    window.is_locked = True
    window._focus_before_lock = QApplication.focusWidget()
    window._covers = [Cover(window)] + [Cover(dialog) for dialog in open_dialogs()]
    _set_interactive(window, False)
    if window.lock_dialog is None:
        window.lock_dialog = LockDialog(window)
    from minami_desk.services import accounts

    username = accounts.own_username(window.context.db, window.context.actor)
    window.lock_dialog.show_for(window.context.actor, username)


def unlock(window: MainWindow, actor: Actor) -> None:
    """Same person: carry on where they were. Someone else: the window is theirs now."""
    if not window.is_locked:
        return
    same = actor.staff_id == window.context.actor.staff_id
    window.is_locked = False
    if window.lock_dialog is not None:
        window.lock_dialog.hide()
    for cover in window._covers:
        cover.remove()
    window._covers = []
    _set_interactive(window, True)
    if same:
        window.context.actor = actor
        window._show_who()
        if window._focus_before_lock is not None:
            with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
                window._focus_before_lock.setFocus()
    else:
        # The previous person's open forms are not for the next one to see or finish.
        from minami_desk.services import accounts

        for dialog in open_dialogs():
            dialog.reject()
        accounts.sign_out(window.context.db, window.context.actor)
        window.switch_actor(actor)
    window._focus_before_lock = None
    if window.idle is not None:
        window.idle.timer.start()


def _set_interactive(window: MainWindow, enabled: bool) -> None:
    for widget in (window.centralWidget(), window.menuBar(), window.search_bar):
        if widget is not None:
            widget.setEnabled(enabled)
    for action in window._menu_actions:
        action.setEnabled(enabled)
    window.search_shortcut.setEnabled(enabled)
