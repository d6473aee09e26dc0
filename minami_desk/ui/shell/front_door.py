"""A second start on the same data dir brings the open window forward instead of failing.

The instance lock (``data/lock.py``) already makes sure only one program owns a data dir; the
owner also listens on a local socket named after that dir. A second start that finds the lock
taken knocks on the socket: the owner raises its window (or the dialog in front of it, such as
the sign-in) and answers, and the second start exits quietly. Only when nobody answers does
the desk get the "already open" message. Single-instance desktop programs do the same.
"""

from __future__ import annotations

import getpass
import hashlib
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from minami_desk.config import Paths

_KNOCK = b"raise\n"
_ANSWER = b"raised\n"


def door_name(paths: Paths) -> str:
    """One name per user and data dir: two centres' data dirs on one PC, or two users of one
    PC, never reach each other's window."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment: the dir alone still works
        user = ""
    key = f"{user}\0{paths.data_dir.resolve()}".encode()
    return "minami-desk-" + hashlib.sha256(key).hexdigest()[:24]


def front_widget() -> QWidget | None:
    """What the desk should see: the dialog in front (sign-in, a message) or else the window."""
    modal = QApplication.activeModalWidget()
    if modal is not None:
        return modal
    shown = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    windows = [widget for widget in shown if widget.inherits("QMainWindow")]
    return (windows or shown or [None])[0]


def bring_forward(widget: QWidget) -> None:
    if widget.isMinimized():
        widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
    widget.show()
    widget.raise_()
    widget.activateWindow()


class FrontDoor(QObject):
    """Held by the program that owns the data dir, for as long as it has the instance lock."""

    def __init__(self, paths: Paths, front: Callable[[], QWidget | None] = front_widget) -> None:
        super().__init__()
        self.name = door_name(paths)
        self.front = front
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._answer)

    def open(self) -> bool:
        """Listen; False when the platform refuses (the second start then gets the message).
        A socket file left by a crashed owner is ours to remove: we hold the lock now."""
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _answer(self) -> None:
        while (caller := self.server.nextPendingConnection()) is not None:
            caller.readyRead.connect(lambda caller=caller: self._read(caller))
            caller.disconnected.connect(caller.deleteLater)
            if caller.bytesAvailable():
                self._read(caller)

    def _read(self, caller: QLocalSocket) -> None:
        if bytes(caller.readAll().data()) != _KNOCK:
            caller.disconnectFromServer()
            return
        widget = self.front()
        if widget is None:  # closing down: no window to show, so no "raised" either
            caller.disconnectFromServer()
            return
        bring_forward(widget)
        caller.write(_ANSWER)
        caller.flush()
        caller.disconnectFromServer()


def has_screen() -> bool:
    """False under the offscreen and minimal platforms: a message box there waits forever."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def knock(paths: Paths, timeout_ms: int = 3000) -> bool:
    """True when the program that owns ``paths`` brought its window forward."""
    if sys.platform == "win32":
        # Windows lets only the foreground process hand the foreground on: we are it (the
        # person just started us), so allow the owner to raise its window.
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]
    socket = QLocalSocket()
    socket.connectToServer(door_name(paths))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_KNOCK)
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    answer = b""
    while len(answer) < len(_ANSWER) and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.abort()
    return answer == _ANSWER
