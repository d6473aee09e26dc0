"""How a session reads on screen: its times, its places, its day; cancelled ones struck through.

A cancelled session says "geannuleerd" in words as well; the strike-through and the grey
are only a help, never the only sign.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

from minami_desk.i18n import _, format_date
from minami_desk.services.sessions.queries import SessionSummary


def time_range(item: SessionSummary) -> str:
    start, end = item.starts_at, item.ends_at
    return f"{start.hour:02d}:{start.minute:02d}–{end.hour:02d}:{end.minute:02d}"


def places_text(item: SessionSummary) -> str:
    if item.capacity is None:
        return _("{count} signed up").format(count=item.counts.signed_up)
    text = _("{count}/{capacity} signed up").format(
        count=item.counts.signed_up, capacity=item.capacity
    )
    if item.counts.waitlist:
        text += ", " + _("{count} waiting").format(count=item.counts.waitlist)
    return text


def when_text(item: SessionSummary) -> str:
    return "{day}, {times}".format(day=format_date(item.day, "full"), times=time_range(item))


def struck(font: QFont, cancelled: bool) -> QFont:
    changed = QFont(font)
    changed.setStrikeOut(cancelled)
    return changed
