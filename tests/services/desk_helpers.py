"""Small builders for the desk tests: invented people, registered through the real service."""

from __future__ import annotations

from datetime import date

from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.consents import ConsentChoice
from minami_desk.services.registration import ResidentInput, register_resident


def register(
    db: Database,
    actor: Actor,
    first: str,
    last: str,
    infix: str = "",
    birth: date | None = None,
    phone: str = "",
    postcode: str = "",
    **extra: object,
) -> int:
    data = ResidentInput(
        first_name=first,
        infix=infix,
        last_name=last,
        birth_date=birth,
        phone=phone,
        postcode=postcode,
        **extra,  # type: ignore[arg-type]
    )
    return register_resident(db, actor, data, [ConsentChoice("registration", True)])
