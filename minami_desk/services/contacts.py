"""Contacts (inloop, calls) with their help request, themes and follow-up.

Volunteers may record a contact, but never read a help request back: the listing services
leave the description (and the themes) out for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import CONTACT_CHANNELS, Contact, Resident, Staff, Theme
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.residents import live_resident


@dataclass
class ContactInput:
    resident_id: int | None = None
    contact_at: datetime | None = None  # None: now
    channel: str = "walk_in"
    theme_ids: list[int] = field(default_factory=list)
    help_request: str = ""
    handled_by_id: int | None = None
    follow_up_on: date | None = None


@dataclass(frozen=True)
class ContactRow:
    """A contact in a list; ``help_request`` and ``themes`` are empty for volunteers."""

    id: int
    resident_id: int
    resident_name: str
    resident_number: int
    contact_at: datetime
    channel: str
    themes: tuple[str, ...]
    help_request: str
    handled_by: str
    follow_up_on: date | None
    follow_up_done: bool


@dataclass(frozen=True)
class StaffOption:
    id: int
    name: str


def record_contact(db: Database, actor: Actor, data: ContactInput) -> int:
    """Store a contact; every field problem at once, in Dutch, next to its field."""
    actor.require(Permission.RECORD_CONTACTS)
    errors: dict[str, str] = {}
    moment = data.contact_at or clock.now()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=clock.AMSTERDAM)
    if data.resident_id is None:
        errors["resident"] = _("Choose the resident first.")
    if data.channel not in CONTACT_CHANNELS:
        errors["channel"] = _("Choose from the list.")
    if moment > clock.now() + timedelta(minutes=5):
        errors["contact_at"] = _("A contact cannot lie in the future.")
    if (
        data.follow_up_on is not None
        and data.follow_up_on < moment.astimezone(clock.AMSTERDAM).date()
    ):
        errors["follow_up_on"] = _("The follow-up date lies before the contact.")
    if len(data.help_request) > 10000:
        errors["help_request"] = _("This is too long (at most {limit} characters).").format(
            limit=10000
        )
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        resident = live_resident(session, data.resident_id)
        themes = list(session.scalars(select(Theme).where(Theme.id.in_(data.theme_ids))))
        if len(themes) != len(set(data.theme_ids)):
            raise ValidationError("themes", _("A chosen theme no longer exists."))
        handled_by = data.handled_by_id if data.handled_by_id is not None else actor.staff_id
        contact = Contact(
            resident_id=resident.id,
            contact_at=moment,
            channel=data.channel,
            help_request=data.help_request.strip(),
            handled_by_id=handled_by,
            follow_up_on=data.follow_up_on,
            themes=themes,
        )
        session.add(contact)
        session.flush()
        record(session, actor, "created", "contact", contact.id)
        return contact.id


def complete_follow_up(db: Database, actor: Actor, contact_id: int) -> None:
    actor.require(Permission.RECORD_CONTACTS)
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError(_("This contact no longer exists."))
        contact.follow_up_done_at = clock.utcnow()
        record(session, actor, "changed", "contact", contact_id, "follow_up_done")


def _rows(session: Session, actor: Actor, statement: Select[Contact]) -> list[ContactRow]:
    sensitive = actor.can(Permission.VIEW_HELP_REQUESTS)
    contacts = session.scalars(statement.options(selectinload(Contact.themes))).all()
    residents = {
        row.id: row
        for row in session.scalars(
            select(Resident).where(Resident.id.in_({c.resident_id for c in contacts}))
        )
    }
    staff_ids = {c.handled_by_id for c in contacts if c.handled_by_id}
    staff = {
        row.id: row.display_name
        for row in session.scalars(select(Staff).where(Staff.id.in_(staff_ids)))
    }
    result = []
    for contact in contacts:
        resident = residents[contact.resident_id]
        result.append(
            ContactRow(
                id=contact.id,
                resident_id=contact.resident_id,
                resident_name=resident.full_name,
                resident_number=resident.number,
                contact_at=contact.contact_at.astimezone(clock.AMSTERDAM),
                channel=contact.channel,
                themes=tuple(theme.name for theme in contact.themes) if sensitive else (),
                help_request=contact.help_request if sensitive else "",
                handled_by=staff.get(contact.handled_by_id or 0, ""),
                follow_up_on=contact.follow_up_on,
                follow_up_done=contact.follow_up_done_at is not None,
            )
        )
    return result


def contacts_on(db: Database, actor: Actor, day: date | None = None) -> list[ContactRow]:
    """The contacts of one day (today by default), earliest first."""
    actor.require(Permission.RECORD_CONTACTS)
    day = day or clock.today()
    start = datetime.combine(day, time.min, tzinfo=clock.AMSTERDAM)
    end = start + timedelta(days=1)
    statement = (
        select(Contact)
        .where(Contact.contact_at >= start, Contact.contact_at < end)
        .order_by(Contact.contact_at)
    )
    with db.read_session() as session:
        return _rows(session, actor, statement)


def follow_ups_due(db: Database, actor: Actor, day: date | None = None) -> list[ContactRow]:
    """Follow-ups due on ``day`` or overdue, not yet done: today's first, then the most
    recently missed (a follow-up missed months ago should not push today's off the list)."""
    actor.require(Permission.RECORD_CONTACTS)
    day = day or clock.today()
    statement = (
        select(Contact)
        .where(Contact.follow_up_on <= day, Contact.follow_up_done_at.is_(None))
        .order_by(Contact.follow_up_on.desc(), Contact.contact_at)
        .limit(200)
    )
    with db.read_session() as session:
        return _rows(session, actor, statement)


def resident_contacts(db: Database, actor: Actor, resident_id: int) -> list[ContactRow]:
    actor.require(Permission.RECORD_CONTACTS)
    statement = (
        select(Contact)
        .where(Contact.resident_id == resident_id)
        .order_by(Contact.contact_at.desc())
    )
    with db.read_session() as session:
        return _rows(session, actor, statement)


def staff_options(db: Database) -> list[StaffOption]:
    """Who can have handled a contact: the active staff, by name."""
    with db.read_session() as session:
        return [
            StaffOption(row.id, row.display_name)
            for row in session.scalars(
                select(Staff).where(Staff.active.is_(True)).order_by(Staff.display_name)
            )
        ]
