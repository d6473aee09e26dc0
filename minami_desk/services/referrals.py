"""Referrals to agencies: who was sent where and why, the follow-up, and what came of it.

A referral moves forward only: verwezen → contact gelegd → geholpen / niet geholpen /
onbekend. The allowed steps live in ``TRANSITIONS`` so the UI offers exactly these and the
service refuses anything else. Reasons and outcomes are sensitive (they say what a person
struggles with), so reading them needs ``VIEW_REFERRALS``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import (
    HANDOVERS,
    REFERRAL_STATUSES,
    Contact,
    Organisation,
    Referral,
    Resident,
    Theme,
    referral_theme,
)
from minami_desk.documents.table import Cell
from minami_desk.documents.vocabulary import HANDOVER_LABELS
from minami_desk.documents.vocabulary import REFERRAL_STATUS_LABELS as STATUS_LABELS
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _, dutch
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.residents import live_resident

OPEN_STATUSES = ("referred", "contact_made")
CLOSED_STATUSES = ("helped", "not_helped", "unknown")
# "unknown" may be corrected when the resident tells us later; helped/not helped are final.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "referred": ("contact_made", "not_helped", "unknown"),
    "contact_made": ("helped", "not_helped", "unknown"),
    "unknown": ("contact_made", "helped", "not_helped"),
    "helped": (),
    "not_helped": (),
}
MAX_TEXT = 4000
LIST_LIMIT = 2000  # the Verwijzingen list shows the newest ones; filters reach older ones
# The export's columns are a public interface (DESIGN.md): Dutch, in this order.
EXPORT_HEADER = ("Datum", "Bewonersnummer", "Instantie", "Thema", "Status", "Opvolgdatum")

assert set(TRANSITIONS) == set(REFERRAL_STATUSES) == set(STATUS_LABELS)
assert set(HANDOVERS) == set(HANDOVER_LABELS)


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status])


def handover_label(handover: str) -> str:
    return _(HANDOVER_LABELS[handover])


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses a referral in ``status`` may move to (the UI offers only these)."""
    return TRANSITIONS[status]


@dataclass(frozen=True)
class ReferralInput:
    """A new referral, or the editable fields of an existing one."""

    resident_id: int
    organisation_id: int
    referred_on: date
    theme_ids: tuple[int, ...]
    reason: str = ""
    handover: str = "address_only"
    follow_up_on: date | None = None
    contact_id: int | None = None


@dataclass(frozen=True)
class ReferralRow:
    """One referral as lists, the resident page and the Vandaag panel show it."""

    id: int
    resident_id: int
    resident_number: int
    resident_name: str
    organisation_id: int
    organisation_name: str
    referred_on: date
    theme_ids: tuple[int, ...]
    themes: tuple[str, ...]
    handover: str
    status: str
    follow_up_on: date | None
    closed_on: date | None
    contact_id: int | None
    reason: str = ""
    outcome_note: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class ReferralFilter:
    """Filters of the Verwijzingen list; None means "all"."""

    status: str | None = None  # a status code, or "open"
    organisation_id: int | None = None
    theme_id: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    resident_id: int | None = None


@dataclass(frozen=True)
class FollowUpResult:
    """What the desk learned when following a referral up."""

    status: str
    outcome_note: str = ""
    next_follow_up_on: date | None = None


def resident_label(db: Database, actor: Actor, resident_id: int) -> str:
    """ "Akua Asante (nr. 301)", for the heading of a referral form."""
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        resident = live_resident(session, resident_id)
        return _("{name} (no. {number})").format(name=resident.full_name, number=resident.number)


def _statement() -> Select[Referral, Resident]:
    return (
        select(Referral, Resident)
        .join(Resident, Resident.id == Referral.resident_id)
        .options(selectinload(Referral.themes), selectinload(Referral.organisation))
    )


def _row(referral: Referral, resident: Resident, details: bool) -> ReferralRow:
    themes = sorted(referral.themes, key=lambda theme: (theme.sort_order, theme.name))
    return ReferralRow(
        id=referral.id,
        resident_id=resident.id,
        resident_number=resident.number,
        resident_name=resident.full_name,
        organisation_id=referral.organisation_id,
        organisation_name=referral.organisation.name,
        referred_on=referral.referred_on,
        theme_ids=tuple(theme.id for theme in themes),
        themes=tuple(theme.name for theme in themes),
        handover=referral.handover,
        status=referral.status,
        follow_up_on=referral.follow_up_on,
        closed_on=referral.closed_on,
        contact_id=referral.contact_id,
        reason=referral.reason if details else "",
        outcome_note=referral.outcome_note if details else "",
    )


def _filtered(
    statement: Select[Referral, Resident], chosen: ReferralFilter
) -> Select[Referral, Resident]:
    if chosen.status == "open":
        statement = statement.where(Referral.status.in_(OPEN_STATUSES))
    elif chosen.status:
        statement = statement.where(Referral.status == chosen.status)
    if chosen.organisation_id is not None:
        statement = statement.where(Referral.organisation_id == chosen.organisation_id)
    if chosen.theme_id is not None:
        statement = statement.where(
            Referral.id.in_(
                select(referral_theme.c.referral_id).where(
                    referral_theme.c.theme_id == chosen.theme_id
                )
            )
        )
    if chosen.period_start is not None:
        statement = statement.where(Referral.referred_on >= chosen.period_start)
    if chosen.period_end is not None:
        statement = statement.where(Referral.referred_on <= chosen.period_end)
    if chosen.resident_id is not None:
        statement = statement.where(Referral.resident_id == chosen.resident_id)
    return statement


def list_referrals(
    db: Database, actor: Actor, chosen: ReferralFilter | None = None, limit: int = LIST_LIMIT
) -> list[ReferralRow]:
    """Newest first; reasons and outcomes included (this needs ``VIEW_REFERRALS``)."""
    actor.require(Permission.VIEW_REFERRALS)
    statement = _filtered(_statement(), chosen or ReferralFilter())
    statement = statement.order_by(Referral.referred_on.desc(), Referral.id.desc()).limit(limit)
    with db.read_session() as session:
        return [_row(referral, resident, True) for referral, resident in session.execute(statement)]


def resident_rows(session: Session, actor: Actor, resident_id: int) -> list[ReferralRow]:
    """A resident's referrals, newest first, as far as ``actor`` may see them.

    Volunteers see where someone was sent, not why nor how it went: the reason, the outcome
    note and the status (which says how a person's problem went) are left out for them.
    """
    details = actor.can(Permission.VIEW_REFERRALS)
    statement = _statement().where(Referral.resident_id == resident_id)
    statement = statement.order_by(Referral.referred_on.desc(), Referral.id.desc())
    rows = [_row(referral, resident, details) for referral, resident in session.execute(statement)]
    if details:
        return rows
    return [replace(row, status="referred", closed_on=None, follow_up_on=None) for row in rows]


def resident_referrals(db: Database, actor: Actor, resident_id: int) -> list[ReferralRow]:
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        return resident_rows(session, actor, resident_id)


def get_referral(db: Database, actor: Actor, referral_id: int) -> ReferralRow:
    actor.require(Permission.VIEW_REFERRALS)
    with db.read_session() as session:
        found = session.execute(_statement().where(Referral.id == referral_id)).first()
        if found is None:
            raise NotFoundError(_("This referral no longer exists."))
        return _row(found[0], found[1], True)


def _check_input(session: Session, data: ReferralInput) -> list[Theme]:
    errors: dict[str, str] = {}
    today = clock.today()
    live_resident(session, data.resident_id)
    if data.contact_id is not None:
        contact = session.get(Contact, data.contact_id)
        if contact is None or contact.resident_id != data.resident_id:
            errors["contact"] = _("This contact does not belong to this resident.")
    organisation = session.get(Organisation, data.organisation_id)
    if organisation is None:
        errors["organisation"] = _("Choose the agency the resident is referred to.")
    if data.referred_on > today:
        errors["referred_on"] = _("The referral date cannot be in the future.")
    elif data.referred_on.year < 2000:
        errors["referred_on"] = _("This date is too long ago. Check the year.")
    if data.handover not in HANDOVERS:
        errors["handover"] = _("Choose how the resident was handed over.")
    if data.follow_up_on is not None and data.follow_up_on < data.referred_on:
        errors["follow_up_on"] = _("The follow-up date cannot be before the referral date.")
    if len(data.reason) > MAX_TEXT:
        errors["reason"] = _("The reason is too long (at most {count} characters).").format(
            count=MAX_TEXT
        )
    themes: list[Theme] = []
    if not data.theme_ids:
        errors["themes"] = _("Choose at least one theme.")
    else:
        themes = list(session.scalars(select(Theme).where(Theme.id.in_(set(data.theme_ids)))))
        if len(themes) != len(set(data.theme_ids)):
            errors["themes"] = _("One of the chosen themes no longer exists.")
    if errors:
        raise ValidationError(errors)
    return themes


def create_referral(db: Database, actor: Actor, data: ReferralInput) -> int:
    """Record a referral from a resident's page or a contact; returns its id."""
    actor.require(Permission.MANAGE_REFERRALS)
    with db.session() as session:
        themes = _check_input(session, data)
        referral = Referral(
            resident_id=data.resident_id,
            contact_id=data.contact_id,
            organisation_id=data.organisation_id,
            referred_on=data.referred_on,
            reason=data.reason.strip(),
            handover=data.handover,
            follow_up_on=data.follow_up_on,
            status="referred",
            outcome_note="",
            staff_id=actor.staff_id,
        )
        referral.themes = themes
        session.add(referral)
        session.flush()
        record(session, actor, "created", "referral", referral.id)
        return referral.id


def _load(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFoundError(_("This referral no longer exists."))
    return referral


def update_referral(db: Database, actor: Actor, referral_id: int, data: ReferralInput) -> None:
    """Correct the details (agency, date, themes, reason, handover, follow-up date)."""
    actor.require(Permission.MANAGE_REFERRALS)
    with db.session() as session:
        referral = _load(session, referral_id)
        if data.resident_id != referral.resident_id:
            raise ValidationError("resident", _("A referral cannot move to another resident."))
        themes = _check_input(session, data)
        referral.organisation_id = data.organisation_id
        referral.referred_on = data.referred_on
        referral.reason = data.reason.strip()
        referral.handover = data.handover
        referral.follow_up_on = data.follow_up_on
        referral.contact_id = data.contact_id
        referral.themes = themes
        record(session, actor, "changed", "referral", referral.id)


def _move(referral: Referral, status: str) -> None:
    if status not in REFERRAL_STATUSES:
        raise ValidationError("status", _("Choose a status."))
    if status == referral.status:
        return
    if status not in TRANSITIONS[referral.status]:
        allowed = ", ".join(status_label(code) for code in TRANSITIONS[referral.status])
        if allowed:
            message = _(
                "A referral cannot go from '{current}' to '{new}'. Possible next steps: {allowed}."
            )
        else:
            message = _(
                "This referral is closed as '{current}' and cannot change to '{new}' any more."
            )
        raise ValidationError(
            "status",
            message.format(
                current=status_label(referral.status), new=status_label(status), allowed=allowed
            ),
        )
    referral.status = status
    referral.closed_on = clock.today() if status in CLOSED_STATUSES else None


def set_status(
    db: Database, actor: Actor, referral_id: int, status: str, outcome_note: str | None = None
) -> None:
    """Move a referral one allowed step, keeping its follow-up date while it stays open."""
    actor.require(Permission.MANAGE_REFERRALS)
    with db.session() as session:
        referral = _load(session, referral_id)
        _apply(session, actor, referral, status, outcome_note, referral.follow_up_on)


def record_follow_up(db: Database, actor: Actor, referral_id: int, result: FollowUpResult) -> None:
    """Complete a follow-up: the new status, the outcome note and, if still open, the next date.

    A referral that stays open without a next date drops off the follow-up list; a closed
    one keeps no follow-up date, so it never appears there again.
    """
    actor.require(Permission.MANAGE_REFERRALS)
    next_date = result.next_follow_up_on
    if result.status in OPEN_STATUSES and next_date is not None and next_date <= clock.today():
        raise ValidationError("follow_up_on", _("The next follow-up date must be after today."))
    with db.session() as session:
        referral = _load(session, referral_id)
        _apply(session, actor, referral, result.status, result.outcome_note, next_date)


def _apply(
    session: Session,
    actor: Actor,
    referral: Referral,
    status: str,
    outcome_note: str | None,
    follow_up_on: date | None,
) -> None:
    if outcome_note is not None and len(outcome_note) > MAX_TEXT:
        raise ValidationError(
            "outcome_note",
            _("The note is too long (at most {count} characters).").format(count=MAX_TEXT),
        )
    previous = referral.status
    _move(referral, status)
    referral.follow_up_on = follow_up_on if status in OPEN_STATUSES else None
    if outcome_note is not None:
        referral.outcome_note = outcome_note.strip()
    detail = f"status:{previous}>{referral.status}" if previous != referral.status else ""
    record(session, actor, "changed", "referral", referral.id, detail)


def export_rows(db: Database, actor: Actor) -> list[tuple[Cell, ...]]:
    """Rows for ``export referrals``: date, resident number, agency, themes, status, follow-up.

    No names and no reasons: the export goes into spreadsheets that travel further than the
    desk, and the resident number is enough to look someone up in the program.
    """
    actor.require(Permission.IMPORT_EXPORT)
    statement = _statement().order_by(Referral.referred_on, Referral.id)
    with db.session() as session:
        rows = [
            _row(referral, resident, False) for referral, resident in session.execute(statement)
        ]
        record(session, actor, "exported", "referral", None, f"rows:{len(rows)}")
    return [
        (
            row.referred_on,
            row.resident_number,
            row.organisation_name,
            ", ".join(row.themes),
            dutch(STATUS_LABELS[row.status]),  # Dutch like the fixed header, whatever --lang says
            row.follow_up_on,
        )
        for row in rows
    ]
