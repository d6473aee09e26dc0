"""Date fields that take a date typed the way people write it: ``26-11-2026``.

Qt's date field moves to the next part by itself once a part is complete ("26"), and then
treats the "-" the person types next as a wrong key, so "26-11-2026" came out as a different
date. Here a separator right after such a jump is swallowed, a separator inside a part moves
on to the next part, and Ctrl+A (select all, to type over) starts again at the first part.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

SEPARATORS = frozenset("-/.: ")
_SECTION = re.compile(r"d+|M+|y+|H+|h+|m+|s+|z+|AP|ap")
_WORDS = frozenset({"ddd", "dddd", "MMM", "MMMM"})


class _DateTyping(QObject):
    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.jumped = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        edit = self.edit
        text = event.text()
        if event.key() == Qt.Key.Key_A and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self._select(0)
            self._skip_words()
            self.jumped = False
            return True
        if text and text in SEPARATORS:
            if not self.jumped:
                self._select(edit.currentSectionIndex() + 1)
            self.jumped = False
            return True
        if text.isdigit():
            self._skip_words()
            before = edit.currentSectionIndex()
            edit.event(event)  # let Qt take the digit, then see whether it moved on
            self.jumped = edit.currentSectionIndex() != before
            return True
        self.jumped = False
        return False

    def _select(self, index: int) -> None:
        if 0 <= index < self.edit.sectionCount():
            self.edit.setCurrentSectionIndex(index)
            self.edit.setSelectedSection(self.edit.sectionAt(index))

    def _skip_words(self) -> None:
        """A digit typed on the day's name ("dinsdag") is meant for the number after it."""
        tokens = _SECTION.findall(self.edit.displayFormat())
        index = self.edit.currentSectionIndex()
        if 0 <= index < len(tokens) and tokens[index] in _WORDS:
            self._select(index + 1)


def typeable(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Let ``edit`` take a typed ``dd-mm-jjjj`` (and ``hh:mm``); returns it for chaining."""
    edit.installEventFilter(_DateTyping(edit))
    return edit
