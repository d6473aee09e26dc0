"""How a session reads on screen: one line of text, and cancelled ones struck through.

A cancelled session says "geannuleerd" in words as well; the strike-through and the grey
are only a help, never the only sign.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

from minami_desk.i18n import _, format_date
from minami_desk.services.sessions.queries import SessionSummary


def time_range(item: SessionSummary) -> str:
    return "{start}–{end}".format(
        start=item.starts_at.strftime("%H:%M"), end=item.ends_at.strftime("%H:%M")
    )


def places_text(item: SessionSummary) -> str:
    if item.capacity is None:
        return _("{count} signed up").format(count=item.counts.signed_up)
    text = _("{count}/{capacity} signed up").format(
        count=item.counts.signed_up, capacity=item.capacity
    )
    if item.counts.waitlist:
        text += ", " + _("{count} waiting").format(count=item.counts.waitlist)
    return text


def status_text(item: SessionSummary) -> str:
    return _("cancelled") if item.cancelled else ""


def session_line(item: SessionSummary, with_date: bool = False) -> str:
    """ "19:00–21:00  Praatsessie volwassenen (8/12 aangemeld)", plus "— GEANNULEERD"."""
    parts = []
    if with_date:
        parts.append(format_date(item.day, "EEE d MMM"))
    parts.append(time_range(item))
    parts.append(item.title)
    text = "  ".join(parts) + f"  ({places_text(item)})"
    if item.cancelled:
        text += "  — " + _("CANCELLED")
    return text


def when_text(item: SessionSummary) -> str:
    return "{day}, {times}".format(day=format_date(item.day, "full"), times=time_range(item))


def struck(font: QFont, cancelled: bool) -> QFont:
    changed = QFont(font)
    changed.setStrikeOut(cancelled)
    return changed
