"""The automatic lock: after some idle minutes a sign-in screen covers the window.

The screens underneath are only disabled and hidden, never closed, so a half-filled form is
exactly as it was when the same person signs in again. If somebody else signs in instead, the
window is rebuilt for them (and the previous person's unsaved input is dropped, on purpose:
it is not theirs to see).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from minami_desk.i18n import _
from minami_desk.services import accounts
from minami_desk.services.actor import Actor, role_label
from minami_desk.services.settings import get_setting
from minami_desk.ui.sign_in import SignInForm
from minami_desk.ui.widgets import Heading

if TYPE_CHECKING:
    from minami_desk.ui.main_window import MainWindow

IDLE_SETTING = "accounts.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes(window: MainWindow) -> int:
    value = get_setting(window.context.db, IDLE_SETTING, DEFAULT_IDLE_MINUTES)
    return value if isinstance(value, int) and value > 0 else DEFAULT_IDLE_MINUTES


class IdleWatcher(QObject):
    """Restarts a single-shot timer on every key press or mouse move anywhere in the program."""

    def __init__(self, window: MainWindow, timeout_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(window.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)
        if not self.window.is_locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.window.is_locked:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockOverlay(QFrame):
    """An opaque sign-in screen over the whole window while it is locked."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#lockOverlay { background: palette(window); }"
            "#lockCard { border: 1px solid palette(mid); border-radius: 10px;"
            " background: palette(base); }"
        )
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = self.card = QFrame(self)
        card.setObjectName("lockCard")
        card.setFixedWidth(460)
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(Heading(_("The desk is locked"), card))
        self.who = QLabel(card)
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        note = QLabel(
            _(
                "Sign in again to continue where you were; what you were typing is kept. "
                "Someone else may sign in too: the window then opens for them."
            ),
            card,
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        hint = (
            _("Demo: the password is {password}").format(password=accounts.DEMO_PASSWORD)
            if window.context.demo
            else ""
        )
        self.form = SignInForm(lambda n, p: accounts.sign_in(window.context.db, n, p), card, hint)
        self.form.signed_in.connect(window.unlock)
        layout.addWidget(self.form)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.hide()

    def show_for(self, actor: Actor, username: str) -> None:
        self.who.setText(
            _("Signed in was: {name} ({role}).").format(
                name=actor.name or username, role=role_label(actor.role)
            )
        )
        # Wrapped labels: give the card the height its fixed width needs.
        self.card.setMinimumHeight(self.card.heightForWidth(self.card.width()))
        self.setGeometry(self.window.rect())
        self.show()
        self.raise_()
        self.form.start(username)


def focus_target(widget: QWidget | None, window: QWidget) -> QWidget | None:
    """The widget to give focus back to after unlocking (only if it is the window's own)."""
    if widget is None or not window.isAncestorOf(widget):
        return None
    return widget
