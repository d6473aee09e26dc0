"""Accounts: first administrator, argon2id sign-in with rehash, lock-out, managing staff."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog, Staff
from minami_desk.errors import PermissionDeniedError, UserError, ValidationError
from minami_desk.services import accounts
from minami_desk.services.actor import Actor

PASSWORD = "bijlmer-balie-2026"


def _audit(db: Database) -> list[AuditLog]:
    with db.read_session() as session:
        rows = list(session.scalars(select(AuditLog).order_by(AuditLog.id)))
        session.expunge_all()
        return rows


def _first_admin(db: Database) -> Actor:
    return accounts.create_first_admin(db, "Yvonne", "Yvonne Pinas", PASSWORD)


def test_a_fresh_database_asks_for_an_administrator(db: Database) -> None:
    assert accounts.needs_first_admin(db)
    actor = _first_admin(db)
    assert actor.role == "beheerder" and actor.staff_id is not None
    assert actor.name == "Yvonne Pinas"
    assert not accounts.needs_first_admin(db)
    with pytest.raises(UserError):
        accounts.create_first_admin(db, "tweede", "Tweede Beheerder", PASSWORD)


def test_passwords_are_argon2id_hashes(db: Database) -> None:
    _first_admin(db)
    with db.read_session() as session:
        stored = session.scalars(select(Staff.password_hash)).one()
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_short_password_is_refused_and_nothing_is_stored(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        accounts.create_first_admin(db, "yvonne", "Yvonne Pinas", "kort")
    assert "10 tekens" in caught.value.errors["password"]
    assert accounts.needs_first_admin(db)


def test_sign_in_with_name_and_password(db: Database) -> None:
    _first_admin(db)
    actor = accounts.sign_in(db, "  YVONNE ", PASSWORD)
    assert actor.role == "beheerder" and actor.via == "ui"
    actions = [row.action for row in _audit(db)]
    assert actions[-1] == "signed_in"
    with pytest.raises(accounts.SignInError) as caught:
        accounts.sign_in(db, "yvonne", "verkeerd-wachtwoord")
    assert str(caught.value) == "De naam of het wachtwoord klopt niet."
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(db, "niemand", PASSWORD)
    failed = [row for row in _audit(db) if row.action == "sign_in_failed"]
    assert [row.detail for row in failed] == ["password", "name"]
    assert all(row.staff_id is None for row in failed)


def test_five_wrong_passwords_lock_the_account_for_five_minutes(db: Database) -> None:
    _first_admin(db)
    start = datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM)
    clock.fix(start)
    for _attempt in range(4):
        with pytest.raises(accounts.SignInError):
            accounts.sign_in(db, "yvonne", "fout-fout-fout")
    with pytest.raises(accounts.SignInError) as caught:
        accounts.sign_in(db, "yvonne", "fout-fout-fout")
    assert "geblokkeerd" in str(caught.value)
    # Locked: even the right password is refused, and it says how long.
    clock.fix(start + timedelta(minutes=2))
    with pytest.raises(accounts.SignInError) as caught:
        accounts.sign_in(db, "yvonne", PASSWORD)
    assert "na 10:05" in str(caught.value)
    clock.fix(start + timedelta(minutes=5, seconds=1))
    assert accounts.sign_in(db, "yvonne", PASSWORD).role == "beheerder"
    with db.read_session() as session:
        staff = session.scalars(select(Staff)).one()
        assert staff.failed_sign_ins == 0 and staff.locked_until is None


def test_an_old_hash_is_replaced_at_sign_in(db: Database) -> None:
    _first_admin(db)
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    with db.session() as session:
        session.scalars(select(Staff)).one().password_hash = weak.hash(PASSWORD)
    accounts.sign_in(db, "yvonne", PASSWORD)
    with db.read_session() as session:
        stored = session.scalars(select(Staff.password_hash)).one()
    assert stored is not None
    assert not accounts.HASHER.check_needs_rehash(stored)
    assert "m=8192" not in stored


def test_administrator_manages_staff(db: Database) -> None:
    admin = _first_admin(db)
    staff_id = accounts.create_staff(
        db, admin, "marlon", "Marlon Tjon-A-Fong", "vrijwilliger", "vrijwilliger-01"
    )
    with pytest.raises(ValidationError) as caught:
        accounts.create_staff(db, admin, "Marlon", "Iemand Anders", "medewerker", PASSWORD)
    assert "username" in caught.value.errors
    volunteer = accounts.sign_in(db, "marlon", "vrijwilliger-01")
    assert volunteer.role == "vrijwilliger"
    with pytest.raises(PermissionDeniedError):
        accounts.list_staff(db, volunteer)
    accounts.reset_password(db, admin, staff_id, "nieuw-wachtwoord-2")
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(db, "marlon", "vrijwilliger-01")
    assert accounts.sign_in(db, "marlon", "nieuw-wachtwoord-2").staff_id == staff_id
    accounts.set_active(db, admin, staff_id, False)
    with pytest.raises(accounts.SignInError) as caught:
        accounts.sign_in(db, "marlon", "nieuw-wachtwoord-2")
    assert "uitgeschakeld" in str(caught.value)
    rows = accounts.list_staff(db, admin)
    assert [(row.username, row.active) for row in rows] == [("yvonne", True), ("marlon", False)]


def test_the_last_administrator_stays(db: Database) -> None:
    admin = _first_admin(db)
    assert admin.staff_id is not None
    with pytest.raises(UserError):
        accounts.set_active(db, admin, admin.staff_id, False)
    with pytest.raises(UserError):
        accounts.change_role(db, admin, admin.staff_id, "medewerker")


def test_sign_out_is_logged_without_names(db: Database) -> None:
    admin = _first_admin(db)
    accounts.sign_out(db, admin)
    rows = _audit(db)
    assert rows[-1].action == "signed_out" and rows[-1].staff_id == admin.staff_id
    text = " ".join(f"{row.entity} {row.detail}" for row in rows).casefold()
    assert "yvonne" not in text and "pinas" not in text


def test_the_demo_opens_as_its_coordinator(db: Database) -> None:
    with db.session() as session:  # the demo generator's staff have no password
        session.add(Staff(username="ama.owusu", display_name="Ama Owusu", role="vrijwilliger"))
    first = accounts.ensure_demo_account(db)
    again = accounts.ensure_demo_account(db)
    assert first.staff_id == again.staff_id and first.role == "beheerder"
    assert first.name == "Demo-coördinator"
    assert accounts.sign_in(db, "demo", accounts.DEMO_PASSWORD).staff_id == first.staff_id
    assert accounts.own_username(db, first) == "demo"
    assert accounts.sign_in(db, "ama.owusu", accounts.DEMO_PASSWORD).role == "vrijwilliger"


def test_everyone_changes_their_own_password(db: Database) -> None:
    admin = _first_admin(db)
    with pytest.raises(ValidationError) as caught:
        accounts.change_own_password(db, admin, "niet-het-goede", "nieuw-wachtwoord-1")
    assert "current" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        accounts.change_own_password(db, admin, PASSWORD, "kort")
    assert set(caught.value.errors) == {"password"}
    accounts.change_own_password(db, admin, PASSWORD, "nieuw-wachtwoord-1")
    assert accounts.sign_in(db, "yvonne", "nieuw-wachtwoord-1").staff_id == admin.staff_id
    with pytest.raises(UserError):
        accounts.change_own_password(db, Actor.command_line(), PASSWORD, "nieuw-wachtwoord-2")
