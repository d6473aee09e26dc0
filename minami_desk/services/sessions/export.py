"""Session data leaving the program: the attendance export and the presentielijst's content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from minami_desk import reports
from minami_desk.clock import local, today
from minami_desk.data.db import Database
from minami_desk.data.models import Attendance, Consent, Resident, Session, SessionKind
from minami_desk.documents.attendance_sheet import AttendanceSheet, SheetPerson
from minami_desk.documents.table import Cell
from minami_desk.documents.vocabulary import ATTENDANCE_WORDS
from minami_desk.documents.wording import dutch_date
from minami_desk.i18n import dutch
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.centre import centre_info
from minami_desk.services.sessions.common import SEAT_STATUSES
from minami_desk.services.sessions.queries import session_summary

EXPORT_HEADER = ["Datum", "Begintijd", "Bijeenkomst", "Soort", "Bewonersnummer", "Status"]
_BATCH = 2000


def sheet_name(resident: Resident) -> str:
    """ "Berg, Anna van den": sorted and read by last name, as Dutch lists are."""
    given = " ".join(part for part in (resident.first_name, resident.infix) if part)
    return f"{resident.last_name}, {given}" if given else resident.last_name


def photo_consents(session: OrmSession, resident_ids: list[int]) -> dict[int, bool]:
    """Per resident: is photo consent in force? The newest consent row decides, so a
    withdrawal (or a later "no") wins over an older "yes"."""
    found: dict[int, bool] = {}
    for start in range(0, len(resident_ids), _BATCH):
        chunk = resident_ids[start : start + _BATCH]
        rows = session.execute(
            select(Consent.resident_id, Consent.given, Consent.withdrawn_at)
            .where(Consent.kind == "photos", Consent.resident_id.in_(chunk))
            .order_by(Consent.given_at, Consent.id)
        )
        for resident_id, given, withdrawn_at in rows:
            found[resident_id] = given and withdrawn_at is None
    return found


def attendance_sheet(db: Database, actor: Actor, session_id: int) -> AttendanceSheet:
    """What the presentielijst shows: everyone holding a place, by last name, and whether
    they may be photographed."""
    actor.require(Permission.PRINT_ATTENDANCE_SHEETS)
    summary = session_summary(db, actor, session_id)
    with db.read_session() as session:
        residents = session.scalars(
            select(Resident)
            .join(Attendance, Attendance.resident_id == Resident.id)
            .where(Attendance.session_id == session_id, Attendance.status.in_(SEAT_STATUSES))
            .order_by(Resident.sort_key, Resident.id)
        ).all()
        photos = photo_consents(session, [resident.id for resident in residents])
        people = [
            SheetPerson(sheet_name(resident), resident.number, photos.get(resident.id, False))
            for resident in residents
        ]
    when = "{day}, {start}–{end}".format(
        day=dutch_date(summary.day, "full"),
        start=summary.starts_at.strftime("%H:%M"),
        end=summary.ends_at.strftime("%H:%M"),
    )
    return AttendanceSheet(
        centre=centre_info(db),
        title=summary.title,
        kind=summary.kind_name,
        when=when,
        location=summary.location,
        facilitator=summary.facilitator_name,
        people=people,
        capacity=summary.capacity,
        cancelled=summary.cancelled,
        printed_on=dutch_date(today()),
    )


def save_attendance_sheet(db: Database, actor: Actor, session_id: int, out: Path) -> Path:
    """Render the presentielijst to ``out`` and note in the audit log that it was printed."""
    sheet = attendance_sheet(db, actor, session_id)
    path = reports.write_attendance_sheet(sheet, out)
    with db.session() as session:
        record(session, actor, "printed", "session", session_id, f"people={len(sheet.people)}")
    return path


def _export_rows(db: Database) -> Iterator[tuple[Cell, ...]]:
    """One row per resident per session, in date order, streamed so memory stays flat.

    The header is fixed Dutch (DESIGN.md), so the status words are Dutch too, whatever the
    interface language: a spreadsheet never mixes the two.
    """
    called_off = dutch("session cancelled")
    statement = (
        select(
            Session.starts_at,
            Session.title,
            SessionKind.name,
            Resident.number,
            Attendance.status,
            Session.status,
        )
        .join(Session, Session.id == Attendance.session_id)
        .join(SessionKind, SessionKind.id == Session.kind_id)
        .join(Resident, Resident.id == Attendance.resident_id)
        .order_by(Session.starts_at, Session.id, Resident.number)
        .execution_options(yield_per=_BATCH)
    )
    with db.read_session() as session:
        for starts_at, title, kind, number, status, session_status in session.execute(statement):
            moment = local(starts_at)
            yield (
                moment.date(),
                moment.strftime("%H:%M"),
                title,
                kind,
                number,
                called_off if session_status == "cancelled" else dutch(ATTENDANCE_WORDS[status]),
            )


def export_attendance(db: Database, actor: Actor, out: Path) -> int:
    """Write every attendance to .csv or .xlsx; returns how many rows were written."""
    actor.require(Permission.IMPORT_EXPORT)
    count = reports.write_table_file(out, EXPORT_HEADER, _export_rows(db))
    with db.session() as session:
        record(session, actor, "exported", "attendance", None, f"rows={count}")
    return count
