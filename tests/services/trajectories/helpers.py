"""Building real rows for the trajectory tests: residents, coaches, sessions attended."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Attendance, Resident, SessionKind, Staff
from minami_desk.data.models import Session as Meeting
from minami_desk.services.residents import index_resident


def add_resident(db: Database, first: str, last: str, infix: str = "") -> int:
    with db.session() as session:
        number = (session.scalar(select(func.max(Resident.number))) or 1000) + 1
        resident = Resident(
            number=number,
            first_name=first,
            infix=infix,
            last_name=last,
            registered_on=date(2026, 1, 5),
        )
        index_resident(resident)
        session.add(resident)
        session.flush()
        return resident.id


def add_coach(db: Database, name: str = "Esther Koster", role: str = "medewerker") -> int:
    with db.session() as session:
        staff = Staff(username=name.split()[0].lower(), display_name=name, role=role)
        session.add(staff)
        session.flush()
        return staff.id


def attend(db: Database, resident_id: int, days: list[date], status: str = "present") -> None:
    """One talk session at 19:00 on each day, with the resident marked ``status``."""
    with db.session() as session:
        kind_id = session.scalar(select(SessionKind.id).where(SessionKind.code == "talk_adults"))
        for day in days:
            starts = datetime.combine(day, time(19), tzinfo=clock.AMSTERDAM)
            meeting = Meeting(
                kind_id=kind_id,
                title="Praatsessie",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
            )
            session.add(meeting)
            session.flush()
            session.add(
                Attendance(
                    session_id=meeting.id,
                    resident_id=resident_id,
                    status=status,
                    registered_at=starts - timedelta(days=1),
                )
            )


def weekly(first: date, count: int) -> list[date]:
    return [first + timedelta(weeks=index) for index in range(count)]
