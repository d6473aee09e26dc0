"""Who is at the desk: the window locks itself when nobody touched it for a while, and
unlocking hands it back to the same person or over to the next one.

A mixin of ``MainWindow``, so the window's own file stays about building the window."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

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

    _Base = MainWindow
else:
    _Base = object


class DeskLock(_Base):
    def _start_idle_lock(self, timeout_ms: int | None) -> None:
        """Nobody to sign in as (tests' default actor), nothing to lock."""
        if self.context.actor.staff_id is None:
            return
        if timeout_ms is None:
            timeout_ms = idle_minutes(self) * 60_000
        if self.idle is None:
            self.idle = IdleWatcher(self, timeout_ms)
        else:
            self.idle.set_timeout(timeout_ms)

    def lock(self) -> None:
        """Cover the window with the sign-in screen; the screens below stay as they are."""
        if self.is_locked or self.context.actor.staff_id is None:
            return
        self.is_locked = True
        self._focus_before_lock = QApplication.focusWidget()
        self._covers = [Cover(self)] + [Cover(dialog) for dialog in open_dialogs()]
        self._set_interactive(False)
        if self.lock_dialog is None:
            self.lock_dialog = LockDialog(self)
        from minami_desk.services import accounts

        username = accounts.own_username(self.context.db, self.context.actor)
        self.lock_dialog.show_for(self.context.actor, username)

    def unlock(self, actor: Actor) -> None:
        """Same person: carry on where they were. Someone else: the window is theirs now."""
        if not self.is_locked:
            return
        same = actor.staff_id == self.context.actor.staff_id
        self.is_locked = False
        if self.lock_dialog is not None:
            self.lock_dialog.hide()
        for cover in self._covers:
            cover.remove()
        self._covers = []
        self._set_interactive(True)
        if same:
            self.context.actor = actor
            self._show_who()
            if self._focus_before_lock is not None:
                with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
                    self._focus_before_lock.setFocus()
        else:
            # The previous person's open forms are not for the next one to see or finish.
            from minami_desk.services import accounts

            for dialog in open_dialogs():
                dialog.reject()
            accounts.sign_out(self.context.db, self.context.actor)
            self.switch_actor(actor)
        self._focus_before_lock = None
        if self.idle is not None:
            self.idle.timer.start()

    def _set_interactive(self, enabled: bool) -> None:
        for widget in (self.centralWidget(), self.menuBar(), self.search_bar):
            if widget is not None:
                widget.setEnabled(enabled)
        for action in self._menu_actions:
            action.setEnabled(enabled)
        self.search_shortcut.setEnabled(enabled)
