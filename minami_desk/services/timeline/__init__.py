"""A resident's timeline: contacts, consents, sessions, trajectories, referrals, in one list.

Each kind of event lives in its own source module in this package, found automatically, so
that every section adds its own rows without editing this file. A source module defines::

    def events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]

and hides sensitive detail itself from roles without the permission for it (a volunteer sees
that there was a contact, not what was said).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType

from sqlalchemy.orm import Session

from minami_desk.clock import AMSTERDAM
from minami_desk.data.db import Database
from minami_desk.data.models import Resident
from minami_desk.errors import NotFoundError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission


@dataclass(frozen=True)
class TimelineEvent:
    """One line on the resident page; ``target``/``target_id`` say what opening it shows."""

    when: datetime | date
    kind: str  # "contact", "consent", "attendance", "trajectory", "referral", …
    title: str
    detail: str = ""
    target: str = ""  # a navigator target such as "session"; "" when nothing opens
    target_id: int | None = None


EventSource = Callable[[Session, Actor, int], list[TimelineEvent]]


def _sources() -> list[ModuleType]:
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return [module for module in modules if callable(getattr(module, "events", None))]


def sort_moment(event: TimelineEvent) -> datetime:
    """Dates and instants on one axis: a bare date counts as the start of that day."""
    if isinstance(event.when, datetime):
        return event.when.astimezone(AMSTERDAM)
    return datetime(event.when.year, event.when.month, event.when.day, tzinfo=AMSTERDAM)


def resident_timeline(db: Database, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    """Every source's events for one resident, newest first."""
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        if session.get(Resident, resident_id) is None:
            raise NotFoundError(_("This resident no longer exists."))
        events: list[TimelineEvent] = []
        for module in _sources():
            events.extend(module.events(session, actor, resident_id))
    return sorted(events, key=sort_moment, reverse=True)
