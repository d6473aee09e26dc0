"""One resident's personal data for the resident page, trimmed to what the role may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.phones import display_phone
from minami_desk.services.registration import age_on, is_under_guardian_age
from minami_desk.services.residents import live_resident


@dataclass(frozen=True)
class ResidentDetails:
    """Plain data for the page; sensitive fields are empty for roles that may not see them."""

    id: int
    number: int
    first_name: str
    infix: str
    last_name: str
    full_name: str
    birth_date: date | None
    age: int | None
    age_group: str | None
    gender: str | None
    phone: str
    email: str
    postcode: str
    wijk: str
    languages: str
    found_via: str
    note: str
    registered_on: date
    archived: bool
    minor: bool
    minor_free_help: bool
    guardian_name: str
    guardian_phone: str
    merged_into_id: int | None
    details_hidden: bool  # True for a role without VIEW_RESIDENT_DETAILS


def get_resident(db: Database, actor: Actor, resident_id: int) -> ResidentDetails:
    actor.require(Permission.FIND_RESIDENTS)
    details = actor.can(Permission.VIEW_RESIDENT_DETAILS)
    with db.read_session() as session:
        resident = live_resident(session, resident_id)
        today = clock.today()
        return ResidentDetails(
            id=resident.id,
            number=resident.number,
            first_name=resident.first_name,
            infix=resident.infix,
            last_name=resident.last_name,
            full_name=resident.full_name,
            birth_date=resident.birth_date,
            age=age_on(resident.birth_date, today) if resident.birth_date else None,
            age_group=resident.age_group,
            gender=resident.gender if details else None,
            phone=display_phone(resident.phone),
            email=resident.email or "" if details else "",
            postcode=resident.postcode or "",
            wijk=resident.wijk or "",
            languages=resident.languages if details else "",
            found_via=resident.found_via if details else "",
            note=resident.note if details else "",
            registered_on=resident.registered_on,
            archived=resident.archived_at is not None,
            minor=is_under_guardian_age(resident.birth_date, resident.age_group, today),
            minor_free_help=resident.minor_free_help,
            guardian_name=(resident.guardian_name or "") if details else "",
            guardian_phone=display_phone(resident.guardian_phone) if details else "",
            merged_into_id=resident.merged_into_id,
            details_hidden=not details,
        )
