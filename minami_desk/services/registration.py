"""Registering, editing and archiving residents, with per-field Dutch validation.

Validation collects every problem at once and raises one ``ValidationError({field: message})``
so the form can show each message next to its own field. There is no BSN field, ever.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import AGE_GROUPS, GENDERS, Resident
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.consents import (
    ConsentChoice,
    add_consents,
    has_registration_consent,
    validate_consents,
)
from minami_desk.services.phones import display_phone, parse_phone
from minami_desk.services.postcodes import normalise_postcode, wijk_for
from minami_desk.services.residents import index_resident, live_resident

GUARDIAN_AGE = 16  # below this a parent or guardian consents (AVG art. 8, UAVG art. 5)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_LIMITS = {
    "first_name": 120,
    "infix": 40,
    "last_name": 160,
    "languages": 2000,
    "found_via": 200,
    "note": 5000,
    "guardian_name": 200,
}


@dataclass
class ResidentInput:
    """What the registration form (or an import row) says about a person, as typed."""

    first_name: str = ""
    infix: str = ""
    last_name: str = ""
    birth_date: date | None = None
    age_group: str | None = None
    gender: str | None = None
    phone: str = ""
    email: str = ""
    postcode: str = ""
    wijk: str = ""
    languages: str = ""
    found_via: str = ""
    note: str = ""
    minor_free_help: bool = False
    guardian_name: str = ""
    guardian_phone: str = ""
    registered_on: date | None = None


@dataclass
class CleanResident:
    """A validated ``ResidentInput``: trimmed, normalised, ready to store."""

    first_name: str
    infix: str
    last_name: str
    birth_date: date | None
    age_group: str | None
    gender: str | None
    phone: str | None
    phone_digits: str | None
    email: str | None
    postcode: str | None
    wijk: str | None
    languages: str
    found_via: str
    note: str
    minor_free_help: bool
    guardian_name: str | None
    guardian_phone: str | None
    registered_on: date


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_under_guardian_age(birth_date: date | None, age_group: str | None, day: date) -> bool:
    """Under 16, or an age group that may be (12–17 counts as a minor to be safe)."""
    if birth_date is not None:
        return age_on(birth_date, day) < GUARDIAN_AGE
    return age_group in ("0-11", "12-17")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def clean_resident(data: ResidentInput, session: Session | None = None) -> CleanResident:
    """Check and normalise; raises ``ValidationError`` listing every faulty field."""
    errors: dict[str, str] = {}
    today = clock.today()
    first_name = _collapse(data.first_name)
    infix = _collapse(data.infix)
    last_name = _collapse(data.last_name)
    if not first_name:
        errors["first_name"] = _("Fill in the first name.")
    if not last_name:
        errors["last_name"] = _("Fill in the last name.")
    texts = {
        "first_name": first_name,
        "infix": infix,
        "last_name": last_name,
        "languages": data.languages.strip(),
        "found_via": data.found_via.strip(),
        "note": data.note.strip(),
        "guardian_name": _collapse(data.guardian_name),
    }
    for name, limit in _LIMITS.items():
        if len(texts[name]) > limit:
            errors[name] = _("This is too long (at most {limit} characters).").format(limit=limit)
    birth_date = data.birth_date
    age_group = data.age_group or None
    if birth_date is not None:
        if birth_date > today:
            errors["birth_date"] = _("The date of birth lies in the future.")
        elif birth_date.year < 1900:
            errors["birth_date"] = _("The date of birth is too long ago.")
        age_group = None  # a birth date says more than a group
    if age_group is not None and age_group not in AGE_GROUPS:
        errors["age_group"] = _("Choose an age group from the list.")
    gender = data.gender or None
    if gender is not None and gender not in GENDERS:
        errors["gender"] = _("Choose from the list.")
    phone = digits = None
    try:
        parsed = parse_phone(data.phone, "phone")
        if parsed is not None:
            phone, digits = parsed.e164, parsed.digits
    except ValidationError as error:
        errors.update(error.errors)
    email = data.email.strip() or None
    if email is not None and (not _EMAIL.match(email) or len(email) > 254):
        errors["email"] = _("This is not an e-mail address (e.g. naam@voorbeeld.nl).")
    postcode = None
    try:
        postcode = normalise_postcode(data.postcode, "postcode")
    except ValidationError as error:
        errors.update(error.errors)
    wijk = _collapse(data.wijk) or None
    if wijk is not None and len(wijk) > 80:
        errors["wijk"] = _("This is too long (at most {limit} characters).").format(limit=80)
    if wijk is None and postcode is not None and session is not None:
        wijk = wijk_for(session, postcode)
    guardian_name = texts["guardian_name"] or None
    guardian_phone = None
    try:
        parsed_guardian = parse_phone(data.guardian_phone, "guardian_phone")
        guardian_phone = parsed_guardian.e164 if parsed_guardian else None
    except ValidationError as error:
        errors.update(error.errors)
    registered_on = data.registered_on or today
    if registered_on > today:
        errors["registered_on"] = _("The registration date lies in the future.")
    if errors:
        raise ValidationError(errors)
    return CleanResident(
        first_name=first_name,
        infix=infix,
        last_name=last_name,
        birth_date=birth_date,
        age_group=age_group,
        gender=gender,
        phone=phone,
        phone_digits=digits,
        email=email,
        postcode=postcode,
        wijk=wijk,
        languages=texts["languages"],
        found_via=texts["found_via"],
        note=texts["note"],
        minor_free_help=data.minor_free_help,
        guardian_name=guardian_name,
        guardian_phone=guardian_phone,
        registered_on=registered_on,
    )


def guardian_errors(
    birth_date: date | None,
    age_group: str | None,
    free_help: bool,
    guardian_name: str,
    guardian_phone: str,
    consents: list[ConsentChoice],
) -> dict[str, str]:
    """Under 16: a guardian's name, phone and consent, unless it is free help for a minor."""
    if free_help or not is_under_guardian_age(birth_date, age_group, clock.today()):
        return {}
    errors = {}
    if not guardian_name.strip():
        errors["guardian_name"] = _(
            "Under 16: fill in the name of a parent or guardian, or mark this as free help "
            "and advice for a minor."
        )
    if not guardian_phone.strip():
        errors["guardian_phone"] = _("Under 16: fill in the phone number of a parent or guardian.")
    if not any(choice.kind == "registration" and choice.given for choice in consents):
        errors["consent_registration"] = _(
            "Under 16: a parent or guardian must consent to the registration."
        )
    return errors


def validate_registration(
    data: ResidentInput, consents: list[ConsentChoice], session: Session | None = None
) -> CleanResident:
    """Field checks and the guardian rule together, so the form shows every message at once."""
    birth_date = data.birth_date if data.birth_date and data.birth_date <= clock.today() else None
    errors = guardian_errors(
        birth_date,
        None if birth_date else data.age_group,
        data.minor_free_help,
        data.guardian_name,
        data.guardian_phone,
        consents,
    )
    try:
        clean = clean_resident(data, session)
    except ValidationError as error:
        raise ValidationError({**error.errors, **errors}) from None
    if errors:
        raise ValidationError(errors)
    return clean


def next_number(session: Session) -> int:
    """The next short resident number for paper forms (the write lock keeps it unique)."""
    return (session.scalar(select(func.max(Resident.number))) or 0) + 1


def apply_clean(resident: Resident, clean: CleanResident) -> list[str]:
    """Copy ``clean`` onto ``resident``; returns the names of the fields that changed."""
    changed = []
    for item in fields(CleanResident):
        value = getattr(clean, item.name)
        if getattr(resident, item.name, None) != value:
            setattr(resident, item.name, value)
            changed.append(item.name)
    return changed


def register_resident(
    db: Database,
    actor: Actor,
    data: ResidentInput,
    consents: list[ConsentChoice] | None = None,
) -> int:
    """Store a new resident with the consents given; returns the new id."""
    actor.require(Permission.REGISTER_RESIDENTS)
    choices = list(consents or [])
    with db.session() as session:
        validate_consents(choices)
        clean = validate_registration(data, choices, session)
        resident = Resident(number=next_number(session), first_name="", last_name="")
        apply_clean(resident, clean)
        index_resident(resident)
        session.add(resident)
        session.flush()
        add_consents(session, actor, resident, choices)
        record(session, actor, "created", "resident", resident.id)
        return resident.id


def load_input(db: Database, actor: Actor, resident_id: int) -> ResidentInput:
    """The stored data in the form's shape, for the edit form."""
    actor.require(Permission.EDIT_RESIDENTS)
    with db.read_session() as session:
        resident = live_resident(session, resident_id)
        return ResidentInput(
            first_name=resident.first_name,
            infix=resident.infix,
            last_name=resident.last_name,
            birth_date=resident.birth_date,
            age_group=resident.age_group,
            gender=resident.gender,
            phone=display_phone(resident.phone),
            email=resident.email or "",
            postcode=resident.postcode or "",
            wijk=resident.wijk or "",
            languages=resident.languages,
            found_via=resident.found_via,
            note=resident.note,
            minor_free_help=resident.minor_free_help,
            guardian_name=resident.guardian_name or "",
            guardian_phone=display_phone(resident.guardian_phone),
            registered_on=resident.registered_on,
        )


def update_resident(db: Database, actor: Actor, resident_id: int, data: ResidentInput) -> None:
    """Save an edit; the audit log records which fields changed (names of fields only)."""
    actor.require(Permission.EDIT_RESIDENTS)
    with db.session() as session:
        resident = live_resident(session, resident_id)
        given = has_registration_consent(session, resident_id)
        clean = validate_registration(
            replace(data, registered_on=resident.registered_on),
            [ConsentChoice("registration", True)] if given else [],
            session,
        )
        changed = apply_clean(resident, clean)
        if changed:
            index_resident(resident)
            record(session, actor, "changed", "resident", resident_id, ",".join(changed))


def archive_resident(db: Database, actor: Actor, resident_id: int, archived: bool = True) -> None:
    """Archive a resident who left (hidden from search, history kept), or bring one back."""
    actor.require(Permission.EDIT_RESIDENTS)
    with db.session() as session:
        resident = live_resident(session, resident_id)
        resident.archived_at = clock.utcnow() if archived else None
        record(
            session,
            actor,
            "changed",
            "resident",
            resident_id,
            "archived" if archived else "restored",
        )
