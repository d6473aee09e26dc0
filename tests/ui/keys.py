"""Driving the window as a keyboard-only user does: every key goes to whatever has the focus.

Nothing here clicks, calls a slot or sets a widget's value: a flow that needs that is a flow
the desk cannot do without a mouse, and the program is what must change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenuBar,
    QWidget,
)

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def target() -> QWidget:
    """Where a key press lands: an open menu, else the widget with the focus."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    qtbot.keyClick(target(), key, modifier)


def type_text(qtbot: Any, text: str) -> None:
    """Type ``text``; letters beyond ASCII (é, ş, Ɔ) arrive as a key event with that text,
    as a keyboard layout delivers them (QTest only knows ASCII keys)."""
    for part in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]", text):
        if part.isascii():
            qtbot.keyClicks(target(), part)
            continue
        widget = target()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MODIFIER, part))


def tab(qtbot: Any, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab)


def backtab(qtbot: Any, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Backtab, SHIFT)


def alt(qtbot: Any, letter: str) -> None:
    """Alt+letter: a mnemonic (a label's buddy, a button, a menu title)."""
    press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)


def ctrl(qtbot: Any, letter: str) -> None:
    press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), CTRL)


def enter(qtbot: Any) -> None:
    press(qtbot, Qt.Key.Key_Return)


def escape(qtbot: Any) -> None:
    press(qtbot, Qt.Key.Key_Escape)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def focused_name() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget is not None else ""


def set_date(qtbot: Any, day: str) -> None:
    """Type ``dd-mm-jjjj`` into the focused date field: select its text, then type over it."""
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, day.replace("-", ""))


class Answer:
    """A dialog answered (or not yet): ``wait()`` until it was, and its ``exec()`` returned."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.done = False
        self.error: BaseException | None = None

    def wait(self, timeout: int = 10000) -> None:
        """Until the dialog was answered; a failed check inside the answer fails here."""
        self.qtbot.waitUntil(lambda: self.done, timeout=timeout)
        if self.error is not None:
            raise self.error


def when_modal(
    qtbot: Any, handle: Callable[[Any], None], kind: type | None = None, seen: Any = None
) -> Answer:
    """Answer the next modal dialog (of ``kind``) as a user would, once it is on screen.

    Call it BEFORE the key that opens the dialog: ``exec()`` does not return until the dialog
    is answered, so the answer has to be waiting in the event loop. A button's mnemonic clicks
    it a moment later (Qt animates the press), so wait on the returned ``Answer``.
    """
    answer_state = Answer(qtbot)

    tries = [0]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        wrong = (
            dialog is None or dialog is seen or (kind is not None and not isinstance(dialog, kind))
        )
        tries[0] += 1
        if wrong and dialog is not None and tries[0] > 250:  # 5 s: another dialog is in the way
            answer_state.error = AssertionError(
                f"expected {kind.__name__ if kind else 'a dialog'}, found {type(dialog).__name__}: "
                f"{getattr(dialog, 'text', lambda: '')()}"
            )
            answer_state.done = True
            _close_modals()
            return
        if wrong or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        if QApplication.activeWindow() is not dialog:
            dialog.activateWindow()  # a window manager activates a new dialog; offscreen may not
            QTimer.singleShot(20, answer)
            return
        try:
            handle(dialog)
            QApplication.processEvents()
            if dialog.isVisible():
                said = [
                    label.text()
                    for label in dialog.findChildren(QLabel)
                    if label.isVisible() and label.text() and label.buddy() is None
                ]
                raise AssertionError(f"{type(dialog).__name__} stayed open; it says: {said}")
        except BaseException as error:
            answer_state.error = error
            _close_modals()  # let exec() return, so the test fails instead of hanging
        finally:
            answer_state.done = True

    QTimer.singleShot(0, answer)
    return answer_state


def back_to(qtbot: Any, window: QWidget) -> QWidget | None:
    """A dialog closed: the window manager activates the window below it again (the offscreen
    platform has no window manager, so the test does that part) and the keys go on wherever
    that window kept its focus. Returns that widget."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return QApplication.focusWidget()


def _close_modals() -> None:
    while (dialog := QApplication.activeModalWidget()) is not None:
        dialog.close()
        if hasattr(dialog, "reject"):
            dialog.reject()
        QApplication.processEvents()
        if QApplication.activeModalWidget() is dialog:
            break


_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Every Alt+letter of the visible labels, buttons and menu titles in ``window``."""
    found: dict[str, list[str]] = {}
    widgets: list[QWidget] = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton | QGroupBox):
            texts.append(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QMenuBar):
            texts.extend(a.text() for a in widget.actions() if a.isVisible())
        for text in texts:
            match = _MNEMONIC.search(text.replace("&&", ""))
            if match:
                found.setdefault(match.group(1).lower(), []).append(text)
    return found


def mnemonic_clashes(window: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}
