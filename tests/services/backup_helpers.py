"""Shared by the backup tests: a populated database, row hashes, and a cheap KDF for speed."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.data.backup_format import KdfParameters
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    Consent,
    Contact,
    Resident,
    Session,
    SessionKind,
    Staff,
    Theme,
)
from minami_desk.services.residents import index_resident

# Tests only: the production default (64 MiB, 3 passes) stays as it is.
FAST_KDF = KdfParameters(memory_kib=64, iterations=1, lanes=1)

FIRST = ["Ama", "Kwabena", "Thị Mai", "Şükrü", "Dewi", "Gérard", "Øyvind", "Marie-Louise"]
LAST = ["Mensah", "Ɔwusu", "Nguyễn", "Öztürk", "Mahabier", "Amankwah", "Øyelaran", "Tjon A Fong"]


def populate(db: Database, residents: int = 40, start: int = 1) -> None:
    """Residents with consents, contacts with themes, sessions with attendance."""
    base = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with db.session() as session:
        kind = session.scalars(select(SessionKind)).first()
        themes = list(session.scalars(select(Theme)))
        assert kind is not None and themes
        coach = session.scalar(select(Staff).where(Staff.username == "coach"))
        if coach is None:
            coach = Staff(username="coach", display_name="Coach Efua", role="medewerker")
            session.add(coach)
        sessions = [
            Session(
                kind_id=kind.id,
                title=f"Praatsessie {start + index}",
                starts_at=base + timedelta(days=7 * index),
                ends_at=base + timedelta(days=7 * index, hours=2),
            )
            for index in range(5)
        ]
        session.add_all(sessions)
        session.flush()
        for offset in range(residents):
            number = start + offset
            resident = Resident(
                number=number,
                first_name=FIRST[number % len(FIRST)],
                last_name=LAST[(number * 3) % len(LAST)],
                registered_on=date(2026, 1, 1) + timedelta(days=number % 300),
                postcode="1102 AB",
                note="Komt graag op dinsdag.",
            )
            index_resident(resident)
            session.add(resident)
            session.flush()
            session.add(
                Consent(
                    resident_id=resident.id,
                    kind="registration",
                    given_at=base,
                    given_by="bewoner zelf",
                )
            )
            contact = Contact(
                resident_id=resident.id,
                contact_at=base + timedelta(hours=number),
                help_request="Vraag over de huur.",
                themes=[themes[number % len(themes)]],
            )
            session.add(contact)
            session.add(
                Attendance(
                    session_id=sessions[number % len(sessions)].id,
                    resident_id=resident.id,
                    status="present",
                    registered_at=base,
                )
            )


def table_names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
    finally:
        connection.close()


def row_hashes(path: Path, skip_restore_audit: bool = False) -> dict[str, list[str]]:
    """Per table, the sorted SHA-256 of every row's repr: equal dicts mean equal contents."""
    result: dict[str, list[str]] = {}
    connection = sqlite3.connect(path)
    try:
        for name in table_names(path):
            query = f'SELECT * FROM "{name}"'
            if skip_restore_audit and name == "audit_log":
                query += " WHERE action != 'restored'"
            rows = connection.execute(query).fetchall()
            result[name] = sorted(hashlib.sha256(repr(row).encode()).hexdigest() for row in rows)
    finally:
        connection.close()
    return result


def count_residents(session: OrmSession) -> int:
    """How many residents the file holds (the restored one, in the window's session)."""
    return session.scalar(select(func.count()).select_from(Resident)) or 0
