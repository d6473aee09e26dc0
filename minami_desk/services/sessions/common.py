"""What the session modules share: wall-clock conversion, status words, loading a session."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Session as OrmSession

from minami_desk.clock import AMSTERDAM
from minami_desk.data.models import Session
from minami_desk.documents.vocabulary import ATTENDANCE_WORDS
from minami_desk.errors import NotFoundError
from minami_desk.i18n import N_, _

# Statuses that hold a seat: the waiting list moves up only when one of these is freed.
SEAT_STATUSES = ("registered", "present", "absent")


AUDIENCE_WORDS = {
    "adults": N_("adults"),
    "teens": N_("teenagers"),
    "everyone": N_("everyone"),
}


def attendance_word(status: str) -> str:
    return _(ATTENDANCE_WORDS[status])


def audience_word(audience: str) -> str:
    return _(AUDIENCE_WORDS[audience])


def wall_clock(day: date, at: time) -> datetime:
    """``day`` at ``at`` on the Amsterdam clock, as an aware instant.

    zoneinfo picks the offset valid on that day, so 19:00 is 18:00 UTC in winter and 17:00 UTC
    in summer: the session stays at 19:00 for the people who come.
    """
    return datetime.combine(day, at, tzinfo=AMSTERDAM)


def get_session(session: OrmSession, session_id: int) -> Session:
    found = session.get(Session, session_id)
    if found is None:
        raise NotFoundError(_("This session no longer exists."))
    return found
