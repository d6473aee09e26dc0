"""The residents export (CSV/XLSX): plain rows for ``reports.write_table_file``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import select

from minami_desk import reports
from minami_desk.data.db import Database
from minami_desk.data.models import Resident
from minami_desk.documents.table import Cell
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.phones import display_phone

# Public interface (DESIGN.md): these headers stay exactly as they are.
HEADER = (
    "Bewonersnummer",
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "Geboortedatum",
    "Telefoon",
    "E-mail",
    "Postcode",
    "Wijk",
    "Ingeschreven op",
)


def resident_rows(db: Database, actor: Actor) -> Iterator[tuple[Cell, ...]]:
    """Every current (not archived, not anonymised) resident, by name."""
    actor.require(Permission.IMPORT_EXPORT)
    with db.read_session() as session:
        statement = (
            select(Resident)
            .where(Resident.anonymised_at.is_(None), Resident.archived_at.is_(None))
            .order_by(Resident.sort_key, Resident.id)
            .execution_options(yield_per=1000)
        )
        for resident in session.scalars(statement):
            birth: date | None = resident.birth_date
            yield (
                resident.number,
                resident.first_name,
                resident.infix,
                resident.last_name,
                birth,
                display_phone(resident.phone),
                resident.email or "",
                resident.postcode or "",
                resident.wijk or "",
                resident.registered_on,
            )


def export_residents(db: Database, actor: Actor, path: Path) -> int:
    """Write the file and note the export in the audit log; returns the number of rows."""
    actor.require(Permission.IMPORT_EXPORT)
    count = reports.write_table_file(Path(path), HEADER, resident_rows(db, actor))
    with db.session() as session:
        record(session, actor, "exported", "resident", None, f"rows:{count}")
    return count
