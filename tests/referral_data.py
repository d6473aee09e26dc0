"""Fictional residents for the referral and story tests, written straight into the real file.

Registration has its own service (the desk's); these tests only need someone to refer.
"""

from __future__ import annotations

from datetime import date

from minami_desk.data.db import Database
from minami_desk.data.models import Resident
from minami_desk.services.residents import index_resident


def add_resident(
    db: Database, first_name: str, last_name: str, number: int, infix: str = ""
) -> int:
    with db.session() as session:
        resident = Resident(
            number=number,
            first_name=first_name,
            infix=infix,
            last_name=last_name,
            registered_on=date(2026, 1, 5),
        )
        index_resident(resident)
        session.add(resident)
        session.flush()
        return resident.id


def organisation_id(db: Database, name: str) -> int:
    from sqlalchemy import select

    from minami_desk.data.models import Organisation

    with db.read_session() as session:
        found = session.scalar(select(Organisation.id).where(Organisation.name == name))
        assert found is not None, name
        return found


def theme_id(db: Database, code: str) -> int:
    from sqlalchemy import select

    from minami_desk.data.models import Theme

    with db.read_session() as session:
        found = session.scalar(select(Theme.id).where(Theme.code == code))
        assert found is not None, code
        return found
