"""Erase on request: the name leaves the database file (WAL included); the figures stay."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    AuditLog,
    Contact,
    Resident,
    Session,
    SuccessStory,
    Trajectory,
)
from minami_desk.errors import PermissionDeniedError
from minami_desk.services.actor import Actor
from minami_desk.services.privacy.anonymise import age_group, anonymise_resident
from minami_desk.services.privacy.person_export import write_person_export
from minami_desk.services.residents import list_residents_rows, search_residents
from tests.privacy_data import History, make_history, make_session

NAME_PARTS = ("Akosua", "Øyelaran")


def _figures(db: Database, start: date, end: date) -> tuple[int, int, int, int]:
    """Last month's counts as a report takes them: attendances, visitors, trajectories."""
    begin = datetime(start.year, start.month, start.day, tzinfo=UTC)
    until = datetime(end.year, end.month, end.day, tzinfo=UTC)
    with db.read_session() as session:
        attendances = session.scalar(
            select(func.count())
            .select_from(Attendance)
            .join(Session, Session.id == Attendance.session_id)
            .where(Attendance.status == "present", Session.starts_at.between(begin, until))
        )
        visitors = session.scalar(
            select(func.count(func.distinct(Attendance.resident_id)))
            .join(Session, Session.id == Attendance.session_id)
            .where(Attendance.status == "present", Session.starts_at.between(begin, until))
        )
        trajectories = session.scalar(
            select(func.count()).select_from(Trajectory).where(Trajectory.start_date <= end)
        )
        contacts = session.scalar(
            select(func.count())
            .select_from(Contact)
            .where(Contact.contact_at.between(begin, until))
        )
    return int(attendances or 0), int(visitors or 0), int(trajectories or 0), int(contacts or 0)


def _raw_bytes(paths: Paths) -> bytes:
    data = paths.database.read_bytes()
    wal = paths.database.with_name(paths.database.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


@pytest.fixture
def people(db: Database) -> tuple[History, History]:
    sessions = [make_session(db, date(2026, 10, day)) for day in (6, 13, 20)]
    akosua = make_history(db, *NAME_PARTS, 201, sessions, date(2026, 10, 1))
    other = make_history(
        db, "Kwabena", "Mensah", 202, sessions[:1], date(2026, 10, 2), phone="+31655554444"
    )
    return akosua, other


def test_age_group_from_birth_date() -> None:
    assert age_group(date(1980, 5, 17), date(2026, 11, 27)) == "27-64"
    assert age_group(date(2010, 12, 1), date(2026, 11, 27)) == "12-17"
    assert age_group(date(1961, 11, 28), date(2026, 11, 27)) == "27-64"
    assert age_group(date(1961, 11, 27), date(2026, 11, 27)) == "65+"


def test_the_name_is_gone_from_the_file_and_the_figures_stay(
    db: Database, paths: Paths, admin: Actor, people: tuple[History, History], tmp_path: Path
) -> None:
    akosua, other = people
    october = (date(2026, 10, 1), date(2026, 10, 31))
    before = _figures(db, *october)
    raw = _raw_bytes(paths)
    assert NAME_PARTS[0].encode() in raw  # the search below would find it

    anonymise_resident(db, admin, akosua.resident_id)

    raw = _raw_bytes(paths)
    for part in (*NAME_PARTS, "akosua", "oyelaran", "+31612345678"):
        assert part.encode("utf-8") not in raw, part
    assert _figures(db, *october) == before
    with db.read_session() as session:
        resident = session.get(Resident, akosua.resident_id)
        assert resident is not None and resident.anonymised_at is not None
        assert resident.birth_date is None and resident.age_group == "27-64"
        assert resident.postcode == "1102" and resident.wijk == "Bijlmer-Centrum"
        assert resident.first_name == "Geanonimiseerd"
        story = session.get(SuccessStory, akosua.story_ids[0])
        assert story is not None and story.sharing == "not_shared" and story.story == ""
        kept = session.get(Resident, other.resident_id)
        assert kept is not None and kept.first_name == "Kwabena"
        row = session.scalars(select(AuditLog).where(AuditLog.action == "anonymised")).one()
        assert row.entity_id == akosua.resident_id and row.detail == ""
    # Not in any export either.
    assert search_residents(db, admin, "Akosua") == []
    assert all("Akosua" not in str(row) for row in list_residents_rows(db, admin))
    pdf, json_file = write_person_export(db, admin, akosua.resident_id, tmp_path / "na")
    assert "Akosua" not in json_file.read_text(encoding="utf-8")
    assert b"Akosua" not in pdf.read_bytes()
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert len(data["attendance"]) == 3  # still counted, no longer named


def test_only_the_administrator_erases(
    db: Database, staff_actor: Actor, volunteer: Actor, people: tuple[History, History]
) -> None:
    akosua, _other = people
    for actor in (staff_actor, volunteer):
        with pytest.raises(PermissionDeniedError):
            anonymise_resident(db, actor, akosua.resident_id)
    with db.read_session() as session:
        resident = session.get(Resident, akosua.resident_id)
        assert resident is not None and resident.first_name == "Akosua"


def test_every_connection_zeroes_what_it_deletes(db: Database) -> None:
    from sqlalchemy import text

    with db.read_session() as session:
        assert session.execute(text("PRAGMA secure_delete")).scalar() == 1
    connection = db.raw_connection()
    try:
        assert connection.execute("PRAGMA secure_delete").fetchone() == (1,)
    finally:
        connection.close()


def test_no_export_or_list_names_an_erased_resident(
    db: Database,
    paths: Paths,
    admin: Actor,
    people: tuple[History, History],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from minami_desk.cli import main

    akosua, _other = people
    anonymise_resident(db, admin, akosua.resident_id)
    db.dispose()
    base = ["--data-dir", str(paths.data_dir)]
    written = []
    for kind in ("residents", "attendance", "referrals"):
        out = tmp_path / f"{kind}.csv"
        assert main([*base, "export", kind, "--out", str(out)]) == 0
        written.append(out.read_text(encoding="utf-8-sig"))
    for kind in ("residents", "sessions", "trajectories"):
        assert main([*base, "list", kind]) == 0
    printed = capsys.readouterr().out
    everything = "\n".join([*written, printed])
    assert "Kwabena" in everything  # the exports do name the others
    for part in (*NAME_PARTS, "+31612345678", "akosua@example.nl"):
        assert part not in everything, part
