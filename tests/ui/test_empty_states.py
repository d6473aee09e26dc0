"""Issue 10 point 5: an empty screen says what to do, not only that it is empty."""

from __future__ import annotations


def test_an_empty_week_says_what_to_do(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """A fresh database has no sessions: the week says so, and how to plan one."""
    section = main_window.show_section("sessions")
    qtbot.wait(20)
    week = section.week
    assert not week.empty.isHidden()
    assert "Plannen…" in week.empty.text()
