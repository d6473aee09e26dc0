"""The kit's date field: typed dates as people write them, in Amsterdam's calendar."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from minami_desk import clock
from minami_desk.ui.kit.date_field import Century, DateField, OptionalDateField, parse_typed_date

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("typed", "rule", "meant"),
    [
        ("12031985", Century.BIRTH, date(1985, 3, 12)),
        ("12-3-85", Century.BIRTH, date(1985, 3, 12)),
        ("12-03-1985", Century.BIRTH, date(1985, 3, 12)),
        ("12/3/1985", Century.BIRTH, date(1985, 3, 12)),
        ("12.3.85", Century.BIRTH, date(1985, 3, 12)),
        ("120385", Century.BIRTH, date(1985, 3, 12)),
        ("1985-03-12", Century.BIRTH, date(1985, 3, 12)),
        ("1-1-12", Century.BIRTH, date(2012, 1, 1)),  # a child born in 2012, not 1912
        ("1-1-27", Century.BIRTH, date(1927, 1, 1)),  # 2027 lies ahead: a birth in 1927
        ("15-1-27", Century.NEAREST, date(2027, 1, 15)),  # a follow-up next month
        ("1-1-85", Century.NEAREST, date(1985, 1, 1)),
    ],
)
def test_typed_dates_are_read_as_meant(typed: str, rule: Century, meant: date) -> None:
    # GIVEN today is 3 December 2026 in Amsterdam
    # WHEN a date is typed the way people write it
    # THEN it is the date they meant, with a sensible century for two-digit years
    assert parse_typed_date(typed, rule, TODAY) == meant


@pytest.mark.parametrize("typed", ["31-02-1985", "12-13-85", "1985", "12-3", "abc", "12-3-851"])
def test_text_that_is_no_date_is_refused(typed: str) -> None:
    # GIVEN text that is no existing date
    # WHEN it is read  THEN it is refused, not guessed
    with pytest.raises(ValueError):
        parse_typed_date(typed, Century.NEAREST, TODAY)


def test_a_four_digit_year_is_taken_as_typed() -> None:
    # GIVEN a four-digit year ahead of today
    # WHEN read as a birth date
    # THEN it stays as typed (the registration service says it lies in the future)
    assert parse_typed_date("01-01-2030", Century.BIRTH, TODAY) == date(2030, 1, 1)
    # AND an empty text is no date, not an error
    assert parse_typed_date("  ", Century.BIRTH, TODAY) is None


def _form(qtbot, *fields: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for field in fields:
        layout.addWidget(field)
    after = QLineEdit(holder)
    layout.addWidget(after)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()  # offscreen has no window manager to do it; focus needs it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder)
    return holder


def test_a_new_date_field_starts_on_amsterdams_today(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN it is 00:30 on 4 December in Amsterdam (still the 3rd in UTC)
    clock.fix(datetime(2026, 12, 4, 0, 30, tzinfo=clock.AMSTERDAM))
    # WHEN a date field is made without a value
    field = DateField(None, "Datum")
    qtbot.addWidget(field)
    # THEN it shows Amsterdam's date, in day-month-year order
    assert field.value() == date(2026, 12, 4)
    assert field.text() == "04-12-2026"
    assert field.accessibleName() == "Datum"


@pytest.mark.parametrize(
    ("keys", "meant"),
    [
        ("12031985", date(1985, 3, 12)),
        ("12-3-85", date(1985, 3, 12)),
        ("12-03-1985", date(1985, 3, 12)),
        ("26-11-2026", date(2026, 11, 26)),
        ("1-1-12", date(2012, 1, 1)),
    ],
)
def test_typing_a_birth_date_then_leaving_the_field(qtbot, keys: str, meant: date) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a birth date field with the focus, its text selected to type over
    clock.fix(datetime(2026, 12, 3, 10, 0, tzinfo=clock.AMSTERDAM))
    field = DateField(None, "Geboortedatum", century=Century.BIRTH)
    holder = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    # WHEN the date is typed and Tab moves on
    qtbot.keyClicks(field, keys)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    # THEN the field holds the date that was meant
    assert field.value() == meant
    assert holder.focusWidget() is not field


def test_enter_reads_the_typed_date_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a follow-up date field in December 2026
    clock.fix(datetime(2026, 12, 3, 10, 0, tzinfo=clock.AMSTERDAM))
    field = DateField(None, "Vervolg")
    holder = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    # WHEN "15-1-27" is typed and Enter pressed
    qtbot.keyClicks(field, "15-1-27")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # THEN it is 15 January 2027, the nearest, not 1927, and the focus stays put
    assert field.value() == date(2027, 1, 15)
    assert holder.focusWidget() is field


def test_arrow_keys_are_not_overruled(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a date field on 10-05-2026
    field = DateField(None, "Datum", value=date(2026, 5, 10))
    holder = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    # WHEN a day is typed and then stepped up with the arrow key
    qtbot.keyClicks(field, "12")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    holder.findChild(QLineEdit).setFocus()  # the next field is clicked
    # THEN Qt's own stepping stands (the typed text is not read again over it)
    assert field.value() != date(2026, 5, 12)
    assert field.value().year == 2026
    assert holder.focusWidget() is not field


def test_an_optional_date_may_stay_empty_and_reads_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN an optional birth date field in December 2026
    clock.fix(datetime(2026, 12, 3, 10, 0, tzinfo=clock.AMSTERDAM))
    field = OptionalDateField(None, "Geboortedatum", century=Century.BIRTH)
    holder = _form(qtbot, field)
    # THEN empty is no date, and no error
    assert field.value() is None
    # WHEN "12-3-85" is typed and the field left
    field.setFocus()
    qtbot.keyClicks(field, "12-3-85")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    # THEN it is 12 March 1985 and shows so
    assert field.value() == date(1985, 3, 12)
    assert field.text() == "12-03-1985"
    assert holder.focusWidget() is not field
    # WHEN nonsense is typed THEN value() refuses it and value_or_none() says none
    field.setText("31-02-85")
    with pytest.raises(ValueError):
        field.value()
    assert field.value_or_none() is None
