"""The one date field: a date typed the way people write it on paper is the date they meant.

Desk staff type ``12031985``, ``12-3-85`` or ``12-03-1985``. Qt's date field on its own moves
to the next part once a part is complete ("26") and then takes the "-" typed next as a wrong
key, and it reads a two-digit year as the year 85. Here a separator right after such a jump is
swallowed, a separator inside a part moves on to the next part, Ctrl+A (select all, to type
over) starts again at the first part, and what was typed since the field got the focus is read
again when the field is left (or Enter is pressed): a two-digit year gets its century then.

Birth dates are never in the future, so for them a two-digit year that would lie ahead goes to
the 1900s (``85`` is 1985, ``12`` is 2012 in 2026). Other dates (a follow-up, a session) take
the century that puts them nearest today. "Today" is Amsterdam's (``minami_desk.clock``), never
the PC's own zone.

A date that may stay empty (a date of birth is optional) is a line edit that reads the same
typing; ``parse_typed_date`` is the one reader both use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import Enum

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLineEdit, QWidget

from minami_desk import clock
from minami_desk.i18n import _

DISPLAY_FORMAT = "dd-MM-yyyy"  # as every date the program shows
SEPARATORS = frozenset("-/.: ")
_SECTION = re.compile(r"d+|M+|y+|H+|h+|m+|s+|z+|AP|ap")
_WORDS = frozenset({"ddd", "dddd", "MMM", "MMMM"})
_PARTS = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class Century(Enum):
    """How a two-digit year is read."""

    BIRTH = "birth"  # never in the future: ahead of today means the 1900s
    NEAREST = "nearest"  # the century that puts the date nearest today


def full_year(two_digits: int, rule: Century, today: date) -> int:
    if rule is Century.BIRTH:
        year = 2000 + two_digits
        return year if year <= today.year else year - 100
    candidates = (1900 + two_digits, 2000 + two_digits, 2100 + two_digits)
    return min(candidates, key=lambda year: abs(year - today.year))


def parse_typed_date(
    text: str, rule: Century = Century.NEAREST, today: date | None = None
) -> date | None:
    """``12031985``, ``120385``, ``12-3-85``, ``12/03/1985``, ``12.3.1985`` or ISO ``1985-03-12``.

    None for an empty text; ``ValueError`` for one that is no date (or no date that exists).
    A four-digit year is taken as typed: the service says when a birth date lies ahead.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    reference = today or clock.today()
    parts: tuple[str, str, str] | None = None
    if cleaned.isdigit() and len(cleaned) in (6, 8):
        parts = (cleaned[:2], cleaned[2:4], cleaned[4:])
    elif (match := _PARTS.match(cleaned)) is not None:
        parts = (match.group(1), match.group(2), match.group(3))
    elif (iso := _ISO.match(cleaned)) is not None:
        parts = (iso.group(3), iso.group(2), iso.group(1))
    if parts is None:
        raise ValueError(cleaned)
    day, month, year = (int(part) for part in parts)
    if len(parts[2]) == 2:
        year = full_year(year, rule, reference)
    return date(year, month, day)  # ValueError for 31-02 and the like


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class _Typing(QObject):
    """Watches the keys of one date (or time) field; see the module's docstring for why."""

    def __init__(self, edit: QDateTimeEdit, commit: Callable[[], None] | None = None) -> None:
        super().__init__(edit)
        self.edit = edit
        self.commit = commit
        self.jumped = False
        self.typed = ""  # digits and separators typed since the focus came
        self.clean = True  # no other key (arrows, Backspace) mixed into ``typed``

    def start_over(self) -> None:
        self.typed = ""
        self.clean = True
        self.jumped = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self.start_over()
        elif kind == QEvent.Type.FocusOut and self.commit is not None:
            self.commit()
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        edit = self.edit
        text = event.text()
        key = event.key()
        if key == Qt.Key.Key_A and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self._select(0)
            self._skip_words()
            self.start_over()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.commit is not None:
                self.commit()
            return False  # Enter still presses the dialog's default button
        if text and text in SEPARATORS:
            self.typed += "-"
            if not self.jumped:
                self._select(edit.currentSectionIndex() + 1)
            self.jumped = False
            return True
        if text.isdigit():
            self.typed += text
            self._skip_words()
            before = edit.currentSectionIndex()
            edit.event(event)  # let Qt take the digit, then see whether it moved on
            self.jumped = edit.currentSectionIndex() != before
            return True
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Shift):
            self.clean = False
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


class DateField(QDateEdit):
    """A date with a calendar, in Dutch day-month-year order; starts on Amsterdam's today."""

    def __init__(
        self,
        parent: QWidget | None = None,
        accessible: str = "",
        value: date | None = None,
        century: Century = Century.NEAREST,
        display_format: str = DISPLAY_FORMAT,
    ) -> None:
        super().__init__(to_qdate(value or clock.today()), parent)
        self.century = century
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format)
        if accessible:
            self.setAccessibleName(accessible)
        self._typing = _Typing(self, self.commit_typed)
        self.installEventFilter(self._typing)

    def value(self) -> date:
        return to_date(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))

    def commit_typed(self) -> None:
        """Read what was typed since the focus came as a whole, with the century rule."""
        typed, clean = self._typing.typed, self._typing.clean
        self._typing.start_over()
        if not typed or not clean or not self.displayFormat().startswith(DISPLAY_FORMAT):
            return
        try:
            value = parse_typed_date(typed.strip("-"), self.century)
        except ValueError:
            return
        if value is not None and self.minimumDate() <= to_qdate(value) <= self.maximumDate():
            self.setDate(to_qdate(value))


def typeable(edit: QDateTimeEdit) -> QDateTimeEdit:
    """For a date-and-time or time field (a contact's moment): the same separator handling.

    Only the keys are watched; a DateField does this itself. Returns ``edit`` for chaining.
    """
    edit.installEventFilter(_Typing(edit))
    return edit


class OptionalDateField(QLineEdit):
    """A date that may stay empty (a date of birth): typed like DateField, read on demand."""

    def __init__(
        self,
        parent: QWidget | None = None,
        accessible: str = "",
        century: Century = Century.NEAREST,
    ) -> None:
        super().__init__(parent)
        self.century = century
        self.setPlaceholderText(_("dd-mm-yyyy"))
        if accessible:
            self.setAccessibleName(accessible)
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        """The date typed; None when empty. ``ValueError`` for text that is no date."""
        return parse_typed_date(self.text(), self.century)

    def value_or_none(self) -> date | None:
        try:
            return self.value()
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        self.setText(value.strftime("%d-%m-%Y") if value else "")

    def _tidy(self) -> None:
        """Show what was understood: ``12-3-85`` becomes ``12-03-1985`` when the field is left."""
        value = self.value_or_none()
        if value is not None:
            self.set_value(value)
