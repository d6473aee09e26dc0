"""Inzageverzoek: everything of one person, nothing of anybody else, in PDF and JSON."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog
from minami_desk.errors import NotFoundError, PermissionDeniedError
from minami_desk.services.actor import Actor
from minami_desk.services.audit import record_viewed
from minami_desk.services.privacy.person_export import person_export, write_person_export
from tests.file_modes import assert_owner_only
from tests.pdf_fonts import assert_every_font_embedded
from tests.privacy_data import History, make_history, make_session


@pytest.fixture
def two_people(db: Database) -> tuple[History, History]:
    sessions = [make_session(db, date(2026, 3, day)) for day in (3, 10, 17)]
    akosua = make_history(db, "Akosua", "Øyelaran", 101, sessions[:2], date(2026, 3, 1))
    kwabena = make_history(
        db, "Kwabena", "Ɔwusu", 102, sessions[1:], date(2026, 4, 1), phone="+31698765432"
    )
    return akosua, kwabena


def test_export_holds_all_of_theirs_and_nothing_of_others(
    db: Database, staff_actor: Actor, two_people: tuple[History, History]
) -> None:
    akosua, _kwabena = two_people
    data = person_export(db, staff_actor, akosua.resident_id).data
    assert data["resident"]["first_name"] == "Akosua"
    assert data["resident"]["phone"] == "+31612345678"
    assert sorted(c["id"] for c in data["contacts"]) == sorted(akosua.contact_ids)
    assert all(c["themes"] for c in data["contacts"])
    assert sorted(a["id"] for a in data["attendance"]) == sorted(akosua.attendance_ids)
    assert all(a["session"]["title"] for a in data["attendance"])
    assert [t["id"] for t in data["trajectories"]] == akosua.trajectory_ids
    trajectory = data["trajectories"][0]
    assert trajectory["goals"][0]["assessments"] and trajectory["milestones"]
    assert trajectory["progress_notes"] and trajectory["certificate"]["number"] == "2026-101"
    assert [r["id"] for r in data["referrals"]] == akosua.referral_ids
    assert sorted(c["id"] for c in data["consents"]) == sorted(akosua.consent_ids)
    assert [s["id"] for s in data["stories"]] == akosua.story_ids
    dumped = json.dumps(data, ensure_ascii=False)
    assert "Akosua" in dumped
    assert "Kwabena" not in dumped and "Ɔwusu" not in dumped and "98765432" not in dumped


def test_files_are_written_and_readable(
    db: Database, staff_actor: Actor, two_people: tuple[History, History], tmp_path: Path
) -> None:
    akosua, _kwabena = two_people
    pdf_path, json_path = write_person_export(
        db, staff_actor, akosua.resident_id, tmp_path / "inzage-akosua.pdf"
    )
    assert pdf_path.name == "inzage-akosua.pdf" and json_path.name == "inzage-akosua.json"
    loaded = json.loads(json_path.read_text(encoding="utf-8"))
    assert loaded["export"]["resident_id"] == akosua.resident_id
    text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "Inzage in uw persoonsgegevens" in text
    assert "Øyelaran" in text
    for marker in ("Hulpvraag 1 van", "Hulpvraag 2 van", "Voortgang van", "Reden verwijzing"):
        assert marker in text
    assert "Contactmomenten en hulpvragen (2)" in text
    assert "Aanwezigheid bij bijeenkomsten (2)" in text
    assert "Toestemmingen (3)" in text
    assert "Kwabena" not in text
    assert "Wie uw gegevens bekeek of wijzigde" in text
    reader = PdfReader(pdf_path)
    assert_owner_only(pdf_path, json_path)
    assert_every_font_embedded(reader)
    for number, page in enumerate(reader.pages, start=1):  # the shared footer, on every page
        footer = page.extract_text()
        assert "Vertrouwelijk — alleen voor de bewoner zelf" in footer
        assert f"Pagina {number}" in footer
    assert reader.metadata.title == "Inzage persoonsgegevens"


def test_export_is_audited_by_id_and_refused_to_volunteers(
    db: Database, staff_actor: Actor, volunteer: Actor, two_people: tuple[History, History]
) -> None:
    akosua, _kwabena = two_people
    with pytest.raises(PermissionDeniedError):
        person_export(db, volunteer, akosua.resident_id)
    person_export(db, staff_actor, akosua.resident_id)
    again = person_export(db, staff_actor, akosua.resident_id).data
    assert [row["action"] for row in again["access_log"]] == ["exported"]  # the first one
    with db.read_session() as session:
        row = session.scalars(select(AuditLog).where(AuditLog.action == "exported")).first()
        assert (row.entity, row.entity_id, row.detail) == (
            "resident",
            akosua.resident_id,
            "person_export",
        )
    with pytest.raises(NotFoundError):
        person_export(db, staff_actor, 9999)


def test_the_access_log_shows_who_opened_their_trajectory_referral_and_story(
    db: Database,
    staff_actor: Actor,
    two_people: tuple[History, History],
    tmp_path: Path,
) -> None:
    akosua, kwabena = two_people
    record_viewed(db, staff_actor, "trajectory", akosua.trajectory_ids[0])
    record_viewed(db, staff_actor, "referral", akosua.referral_ids[0])
    record_viewed(db, staff_actor, "success_story", akosua.story_ids[0])
    record_viewed(db, staff_actor, "trajectory", kwabena.trajectory_ids[0])  # not hers
    record_viewed(db, staff_actor, "resident", kwabena.resident_id)
    log = person_export(db, staff_actor, akosua.resident_id).data["access_log"]
    assert [(row["action"], row["record"]) for row in log] == [
        ("viewed", "trajectory"),
        ("viewed", "referral"),
        ("viewed", "success_story"),
    ]
    pdf_path, _json = write_person_export(db, staff_actor, akosua.resident_id, tmp_path / "i")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    for what in ("bekeken (traject)", "bekeken (verwijzing)", "bekeken (succesverhaal)"):
        assert what in text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d", text)  # times read as Dutch dates, not ISO


def test_codes_print_in_the_screens_dutch_words_whatever_the_interface_language(
    db: Database, staff_actor: Actor, two_people: tuple[History, History], tmp_path: Path
) -> None:
    """GIVEN an English interface WHEN the inzage is printed THEN each code reads as the Dutch
    screen shows it: one catalogue, no second vocabulary for print."""
    from minami_desk import i18n
    from minami_desk.documents import vocabulary as v

    akosua, _kwabena = two_people
    i18n.set_language("nl")
    on_screen = [
        i18n._(v.GENDER_LABELS["female"]),
        i18n._(v.CONSENT_LABELS["photos"]),
        i18n._(v.ATTENDANCE_WORDS["present"]),
        i18n._(v.TRAJECTORY_STATUS_LABELS["completed"]),
        i18n._(v.MOMENT_LABELS["final"]),
        i18n._(v.REFERRAL_STATUS_LABELS["helped"]),
        i18n._(v.SHARING_LABELS["named"]),
    ]
    try:
        i18n.set_language("en")
        pdf_path, _json = write_person_export(
            db, staff_actor, akosua.resident_id, tmp_path / "inzage.pdf"
        )
    finally:
        i18n.set_language("nl")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf_path).pages).split())
    for word in on_screen:
        assert word in text
    assert "Female" not in text and "completed" not in text
