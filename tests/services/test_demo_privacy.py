"""On the demo centre: the audit log never names a resident, and erasing one leaves last
month's figures as they were while their name leaves the database file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from minami_desk import clock
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    AuditLog,
    Contact,
    Referral,
    Resident,
    Session,
    Trajectory,
)
from minami_desk.services import accounts
from minami_desk.services.actor import Actor
from minami_desk.services.demo import generate_demo_data
from minami_desk.services.privacy import consent_effects
from minami_desk.services.privacy.anonymise import anonymise_resident
from minami_desk.services.privacy.person_export import write_person_export
from minami_desk.services.privacy.retention import apply_retention, retention_due
from minami_desk.services.text import fold

TODAY = date(2026, 11, 27)
OCTOBER = (datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC))


@pytest.fixture
def demo(db: Database) -> Iterator[Database]:
    generate_demo_data(db, residents=80, months=6, seed=5, today=TODAY)
    clock.fix(datetime(2026, 11, 27, 15, tzinfo=clock.AMSTERDAM))
    yield db


def _october_figures(db: Database) -> dict[str, int]:
    """What a monthly report counts for October: visits, visitors, contacts, trajectories."""
    start, end = OCTOBER
    with db.read_session() as session:
        present = (
            select(Attendance.resident_id)
            .join(Session, Session.id == Attendance.session_id)
            .where(Attendance.status == "present", Session.starts_at >= start)
            .where(Session.starts_at < end)
        )
        return {
            "attendances": session.scalar(select(func.count()).select_from(present.subquery())),
            "visitors": session.scalar(
                select(func.count(func.distinct(present.subquery().c.resident_id)))
            ),
            "contacts": session.scalar(
                select(func.count())
                .select_from(Contact)
                .where(Contact.contact_at >= start, Contact.contact_at < end)
            ),
            "trajectories": session.scalar(
                select(func.count())
                .select_from(Trajectory)
                .where(Trajectory.start_date < end.date())
                .where((Trajectory.end_date.is_(None)) | (Trajectory.end_date >= start.date()))
            ),
            "referrals": session.scalar(select(func.count()).select_from(Referral)),
        }  # type: ignore[return-value]


def _busiest_october_resident(db: Database) -> tuple[int, list[str]]:
    """The resident with most October visits (and a trajectory), with what identifies them:
    the search key (their whole name), e-mail, phone, and a last name nobody else has."""
    start, end = OCTOBER
    with db.read_session() as session:
        resident_id = session.scalar(
            select(Attendance.resident_id)
            .join(Session, Session.id == Attendance.session_id)
            .join(Trajectory, Trajectory.resident_id == Attendance.resident_id)
            .where(Attendance.status == "present", Session.starts_at >= start)
            .where(Session.starts_at < end)
            .group_by(Attendance.resident_id)
            .order_by(func.count().desc(), Attendance.resident_id)
            .limit(1)
        )
        resident = session.get(Resident, resident_id)
        assert resident is not None
        marks = [resident.sort_key, resident.email or "", resident.phone or ""]
        namesakes = session.scalar(
            select(func.count())
            .select_from(Resident)
            .where(Resident.last_name == resident.last_name)
        )
        if namesakes == 1:
            marks.append(resident.last_name)
        return resident.id, [mark for mark in marks if mark]


def _october_report(db: Database, actor: Actor) -> tuple[object, ...]:
    """The monthly report's own figures and breakdowns for October, as the board sees them."""
    from minami_desk.documents.periods import month
    from minami_desk.services.reporting.build import build_monthly_report

    report = build_monthly_report(db, actor, month(2026, 10), now=clock.now())
    return (
        tuple((figure.key, figure.value) for figure in report.figures),
        tuple((b.key, tuple(b.rows)) for b in report.breakdowns),
        tuple(report.outcomes),
    )


def _raw(paths: Paths) -> bytes:
    wal = paths.database.with_name(paths.database.name + "-wal")
    return paths.database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_erasing_a_demo_resident(demo: Database, paths: Paths, tmp_path: Path) -> None:
    admin = accounts.ensure_demo_account(demo)
    person_id, marks = _busiest_october_resident(demo)
    before = _october_figures(demo)
    assert before["attendances"] and before["trajectories"]
    raw = _raw(paths)
    assert all(mark.encode() in raw for mark in marks)

    report_before = _october_report(demo, admin)

    anonymise_resident(demo, admin, person_id)

    assert _october_figures(demo) == before
    assert _october_report(demo, admin) == report_before
    raw = _raw(paths)
    assert [mark for mark in marks if mark.encode() in raw] == []
    pdf, json_file = write_person_export(demo, admin, person_id, tmp_path / "na-wissen")
    exported = json_file.read_text(encoding="utf-8")
    assert [mark for mark in marks if mark in exported] == []
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_audit_log_names_no_demo_resident(demo: Database, tmp_path: Path) -> None:
    admin = accounts.ensure_demo_account(demo)
    with demo.read_session() as session:
        people = list(session.scalars(select(Resident)))
        names = {
            word
            for resident in people
            for word in fold(f"{resident.first_name} {resident.last_name}").split()
            if len(word) > 3
        }
        phones = {resident.phone for resident in people if resident.phone}
        ids = [resident.id for resident in people]
    for resident_id in ids[:3]:
        write_person_export(demo, admin, resident_id, tmp_path / f"inzage-{resident_id}")
    consent_effects.withdraw(demo, admin, ids[3], "story_sharing", "wil niet meer")
    anonymise_resident(demo, admin, ids[4])
    due = retention_due(demo, admin)
    apply_retention(demo, admin, [resident.id for resident in due.residents[:2]])
    accounts.sign_out(demo, admin)
    with demo.read_session() as session:
        rows = [
            fold(f"{row.action} {row.entity} {row.entity_id} {row.detail} {row.via}")
            for row in session.scalars(select(AuditLog))
        ]
    assert len(rows) >= 6
    text = " | ".join(rows)
    found = sorted(name for name in names if f" {name} " in f" {text} ")
    assert found == []
    assert not any(phone in text for phone in phones)
    assert "wil niet meer" not in text
