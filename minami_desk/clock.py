"""Today and now, in Amsterdam; one place so tests can fix the date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_fixed_now: datetime | None = None


def now() -> datetime:
    """The current instant, aware, in Europe/Amsterdam."""
    if _fixed_now is not None:
        return _fixed_now.astimezone(AMSTERDAM)
    return datetime.now(AMSTERDAM)


def today() -> date:
    return now().date()


def utcnow() -> datetime:
    return now().astimezone(UTC)


def fix(moment: datetime | None) -> None:
    """Freeze the clock at ``moment`` (aware) for tests and reproducible demos; None thaws it."""
    global _fixed_now
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    _fixed_now = moment


def local(moment: datetime) -> datetime:
    """An instant shown as Amsterdam wall-clock time."""
    return moment.astimezone(AMSTERDAM)
