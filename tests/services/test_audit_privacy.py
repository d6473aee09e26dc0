"""The audit log gets a row for each listed action, and never a name, number or free text."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog
from minami_desk.services import accounts
from minami_desk.services.privacy import consent_effects, register
from minami_desk.services.privacy.anonymise import anonymise_resident
from minami_desk.services.privacy.person_export import write_person_export
from minami_desk.services.privacy.retention import apply_retention
from tests.privacy_data import make_history, make_session

PASSWORD = "bijlmer-balie-2026"


def test_actions_are_logged_without_personal_data(db: Database, tmp_path: Path) -> None:
    admin = accounts.create_first_admin(db, "yvonne", "Yvonne Pinas", PASSWORD)
    sessions = [make_session(db, date(2026, 3, 3))]
    people = [
        make_history(db, "Akosua", "Øyelaran", 601, sessions, date(2026, 3, 1)),
        make_history(db, "Kwabena", "Ɔwusu", 602, sessions, date(2026, 3, 2), "+31698765432"),
    ]
    accounts.sign_in(db, "yvonne", PASSWORD)
    with contextlib.suppress(accounts.SignInError):
        accounts.sign_in(db, "yvonne", "helemaal-fout")
    staff_id = accounts.create_staff(db, admin, "marlon", "Marlon Tjon", "vrijwilliger", "x" * 12)
    accounts.reset_password(db, admin, staff_id, "y" * 12)
    write_person_export(db, admin, people[0].resident_id, tmp_path / "inzage")
    register.processing_register(db, admin)
    consent_effects.withdraw(db, admin, people[1].resident_id, "story_sharing", "Kwabena wil niet")
    anonymise_resident(db, admin, people[0].resident_id)
    apply_retention(db, admin, [])
    accounts.sign_out(db, admin)
    with db.read_session() as session:
        rows = [
            (row.action, row.entity, row.entity_id, row.detail, row.via)
            for row in session.scalars(select(AuditLog))
        ]
    actions = {row[0] for row in rows}
    for expected in (
        "created",
        "changed",
        "exported",
        "printed",
        "anonymised",
        "signed_in",
        "signed_out",
        "sign_in_failed",
    ):
        assert expected in actions
    text = repr(rows).casefold()
    names = ["akosua", "øyelaran", "kwabena", "ɔwusu", "yvonne", "pinas", "marlon", "tjon"]
    for forbidden in [*names, "612345678", "698765432", "wil niet", "hulpvraag"]:
        assert forbidden not in text, forbidden
