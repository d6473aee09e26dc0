"""The automatic lock: after some idle minutes a sign-in screen covers the window.

The screens underneath are only disabled and hidden, never closed, so a half-filled form is
exactly as it was when the same person signs in again. If somebody else signs in instead, the
window is rebuilt for them (and the previous person's unsaved input is dropped, on purpose:
it is not theirs to see).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QLabel, QVBoxLayout, QWidget

from minami_desk import APP_NAME
from minami_desk.config import resource_path
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, role_label
from minami_desk.ui.shell.sign_in import SignInForm
from minami_desk.ui.widgets import Heading

if TYPE_CHECKING:
    from minami_desk.ui.shell.main_window import MainWindow

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
    from minami_desk.services.settings import get_setting

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


class Cover(QFrame):
    """Opaque, over the window or an open dialog while locked; the widgets below stay as
    they are (hidden, not closed), so nothing typed is lost and nothing is readable."""

    def __init__(self, target: QWidget, text: str | None = None, low: bool = False) -> None:
        """``low``: only the text, in the lower part, clear of a dialog centred above."""
        super().__init__(target)
        self.target = target
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockCover { background: palette(window); }")
        layout = QVBoxLayout(self)
        layout.addStretch(5 if low else 1)
        if not low:  # else the dialog above shows the logo
            logo = QLabel(self)
            pixmap = QPixmap(str(resource_path("logo", "minami-logo.png")))
            if not pixmap.isNull():
                logo.setPixmap(
                    pixmap.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation)
                )
            logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(logo)
        label = QLabel(text or _("Locked — sign in to continue"), self)
        label.setObjectName("subheading")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        layout.addStretch(1)
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        return False

    def remove(self) -> None:
        self.target.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockDialog(QDialog):
    """The sign-in card of the lock: application-modal, so it takes input even when a form
    dialog was open (that dialog stays open, covered, with what was typed)."""

    def __init__(self, window: MainWindow) -> None:
        from minami_desk.services import accounts

        super().__init__(window)
        self.main_window = window  # not ``window``: that would hide QWidget.window()
        self.setWindowTitle(_("Locked — {app}").format(app=APP_NAME))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setFixedWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(Heading(_("The desk is locked"), self))
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        note = QLabel(
            _(
                "Sign in again to continue where you were; what you were typing is kept. "
                "Someone else may sign in too: the window then opens for them."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        hint = (
            _("Demo: the password is {password}").format(password=accounts.DEMO_PASSWORD)
            if window.context.demo
            else ""
        )
        self.form = SignInForm(lambda n, p: accounts.sign_in(window.context.db, n, p), self, hint)
        self.form.signed_in.connect(window.unlock)
        layout.addWidget(self.form)

    def show_for(self, actor: Actor, username: str) -> None:
        self.who.setText(
            _("Signed in was: {name} ({role}).").format(
                name=actor.name or username, role=role_label(actor.role)
            )
        )
        self.adjustSize()
        self.show()
        self.raise_()
        self.activateWindow()
        self.form.start(username)

    def reject(self) -> None:
        """Escape does not unlock: only signing in does."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.main_window.is_locked:
            event.ignore()
        else:
            super().closeEvent(event)


def open_dialogs() -> list[QDialog]:
    """Form dialogs on screen now (not the lock itself), to cover while locked."""
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QDialog) and widget.isVisible() and not isinstance(widget, LockDialog)
    ]
