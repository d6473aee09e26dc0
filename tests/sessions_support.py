"""Helpers for the session tests: invented residents and staff written straight to the database.

Residents are added through the ORM with the same search keys the resident service keeps, so
these tests do not depend on the registration screen being there.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import Resident, SessionKind, Staff
from minami_desk.services.residents import index_resident
from minami_desk.services.sessions.planning import SessionDetails


def add_resident(
    db: Database,
    first_name: str,
    last_name: str,
    infix: str = "",
    birth_date: date | None = None,
    age_group: str | None = None,
) -> int:
    with db.session() as session:
        number = (
            session.scalar(select(Resident.number).order_by(Resident.number.desc())) or 1000
        ) + 1
        resident = Resident(
            number=number,
            first_name=first_name,
            infix=infix,
            last_name=last_name,
            birth_date=birth_date,
            age_group=age_group,
            registered_on=date(2026, 1, 5),
        )
        index_resident(resident)
        session.add(resident)
        session.flush()
        return resident.id


def add_staff(db: Database, name: str = "Marcia Lont", role: str = "medewerker") -> int:
    with db.session() as session:
        staff = Staff(username=name.lower().replace(" ", "."), display_name=name, role=role)
        session.add(staff)
        session.flush()
        return staff.id


def kind_id(db: Database, code: str = "talk_adults") -> int:
    with db.read_session() as session:
        found = session.scalar(select(SessionKind.id).where(SessionKind.code == code))
        assert found is not None
        return found


def details(
    db: Database,
    code: str = "talk_adults",
    title: str = "Praatsessie volwassenen",
    capacity: int | None = None,
    start: time = time(19, 0),
    end: time = time(21, 0),
    facilitator_id: int | None = None,
) -> SessionDetails:
    return SessionDetails(
        kind_id=kind_id(db, code),
        title=title,
        start_time=start,
        end_time=end,
        location="Zaal 2",
        facilitator_id=facilitator_id,
        capacity=capacity,
    )
