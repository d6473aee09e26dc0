"""The directory of agencies (instanties) the centre refers residents to.

The directory holds no personal data, so anyone at the desk may read it; changing it is for
staff who make referrals, because a wrong phone number sends a resident to the wrong door.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minami_desk.data.db import Database
from minami_desk.data.models import Organisation, Referral
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.text import fold

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-\s./]{6,40}$")
_WEBSITE = re.compile(r"^(https?://)?[^\s/]+\.[^\s]+$", re.IGNORECASE)


@dataclass(frozen=True)
class OrganisationData:
    """What the directory form edits; every field but the name may stay empty."""

    name: str
    kind: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""
    notes: str = ""
    active: bool = True


@dataclass(frozen=True)
class OrganisationRecord:
    id: int
    name: str
    kind: str
    address: str
    phone: str
    email: str
    website: str
    opening_hours: str
    notes: str
    active: bool
    referral_count: int = 0

    @property
    def has_contact_details(self) -> bool:
        return any((self.address, self.phone, self.email, self.website, self.opening_hours))


def _record(organisation: Organisation, referral_count: int = 0) -> OrganisationRecord:
    return OrganisationRecord(
        id=organisation.id,
        name=organisation.name,
        kind=organisation.kind,
        address=organisation.address,
        phone=organisation.phone,
        email=organisation.email,
        website=organisation.website,
        opening_hours=organisation.opening_hours,
        notes=organisation.notes,
        active=organisation.active,
        referral_count=referral_count,
    )


def _matches(organisation: OrganisationRecord, needle: str) -> bool:
    haystack = fold(" ".join((organisation.name, organisation.kind, organisation.notes)))
    return all(word in haystack for word in needle.split())


def list_organisations(
    db: Database, search: str = "", include_inactive: bool = False
) -> list[OrganisationRecord]:
    """The directory in name order; ``search`` matches name, kind and notes, accents ignored.

    The list is a few dozen rows at most, so matching in Python keeps the folding rules in one
    place (``fold``) instead of repeating them in SQL.
    """
    counts = (
        select(Referral.organisation_id, func.count().label("n"))
        .group_by(Referral.organisation_id)
        .subquery()
    )
    statement = select(Organisation, func.coalesce(counts.c.n, 0)).outerjoin(
        counts, counts.c.organisation_id == Organisation.id
    )
    if not include_inactive:
        statement = statement.where(Organisation.active.is_(True))
    with db.read_session() as session:
        rows = [_record(organisation, count) for organisation, count in session.execute(statement)]
    needle = fold(search)
    if needle:
        rows = [row for row in rows if _matches(row, needle)]
    rows.sort(key=lambda row: fold(row.name))
    return rows


def get_organisation(db: Database, organisation_id: int) -> OrganisationRecord:
    with db.read_session() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError(_("This agency no longer exists."))
        return _record(organisation)


def _clean(data: OrganisationData) -> OrganisationData:
    website = data.website.strip()
    return OrganisationData(
        name=" ".join(data.name.split()),
        kind=" ".join(data.kind.split()),
        address=data.address.strip(),
        phone=" ".join(data.phone.split()),
        email=data.email.strip(),
        website=website,
        opening_hours=data.opening_hours.strip(),
        notes=data.notes.strip(),
        active=data.active,
    )


def _validate(session: Session, data: OrganisationData, organisation_id: int | None) -> None:
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = _("Fill in the name of the agency.")
    elif len(data.name) > 200:
        errors["name"] = _("The name is too long (at most 200 characters).")
    else:
        key = fold(data.name)
        for other_id, other_name in session.execute(select(Organisation.id, Organisation.name)):
            if other_id != organisation_id and fold(other_name) == key:
                errors["name"] = _("An agency with this name is already in the list.")
                break
    if len(data.kind) > 120:
        errors["kind"] = _("The kind is too long (at most 120 characters).")
    if data.phone and not _PHONE.match(data.phone):
        errors["phone"] = _("This is not a phone number. Use digits, spaces, + or -.")
    if data.email and (len(data.email) > 254 or not _EMAIL.match(data.email)):
        errors["email"] = _("This is not an e-mail address (example: info@example.nl).")
    if data.website and (len(data.website) > 300 or not _WEBSITE.match(data.website)):
        errors["website"] = _("This is not a website address (example: www.example.nl).")
    if errors:
        raise ValidationError(errors)


def save_organisation(
    db: Database, actor: Actor, data: OrganisationData, organisation_id: int | None = None
) -> int:
    """Add an agency (``organisation_id`` None) or change one; returns its id."""
    actor.require(Permission.MANAGE_REFERRALS)
    data = _clean(data)
    with db.session() as session:
        _validate(session, data, organisation_id)
        if organisation_id is None:
            organisation = Organisation(name=data.name)
            session.add(organisation)
        else:
            found = session.get(Organisation, organisation_id)
            if found is None:
                raise NotFoundError(_("This agency no longer exists."))
            organisation = found
        organisation.name = data.name
        organisation.kind = data.kind
        organisation.address = data.address
        organisation.phone = data.phone
        organisation.email = data.email
        organisation.website = data.website
        organisation.opening_hours = data.opening_hours
        organisation.notes = data.notes
        organisation.active = data.active
        session.flush()
        record(
            session,
            actor,
            "created" if organisation_id is None else "changed",
            "organisation",
            organisation.id,
        )
        return organisation.id
