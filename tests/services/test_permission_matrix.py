"""Roles are enforced in the services: walk every service that returns sensitive fields or
changes data, per role, against the permission model (ISSUE 9's matrix).

The walk covers the services present in this branch; each entry names the permission the
service checks, and the test proves both that the role table matches the issue and that the
service really refuses (a ``PermissionDeniedError`` before any data is read or changed).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from datetime import date

import pytest

from minami_desk import services
from minami_desk.data.db import Database
from minami_desk.errors import PermissionDeniedError
from minami_desk.services import accounts
from minami_desk.services.actor import ROLE_PERMISSIONS, Actor, Permission
from minami_desk.services.audit_query import AuditFilter, audit_count, audit_rows
from minami_desk.services.privacy import consent_effects, register, retention
from minami_desk.services.privacy.anonymise import anonymise_resident
from minami_desk.services.privacy.person_export import person_export
from minami_desk.services.residents import list_residents_rows, search_residents
from minami_desk.services.settings import set_settings
from tests.privacy_data import make_history, make_session

ServiceCall = Callable[[Database, Actor, int], object]

# (name, call, who may) — "who may" is the table, not derived from ROLE_PERMISSIONS.
SERVICES: list[tuple[str, ServiceCall, set[str]]] = [
    ("find residents", lambda db, a, rid: search_residents(db, a, "Akosua"), {"all"}),
    ("list residents", lambda db, a, rid: list_residents_rows(db, a), {"all"}),
    ("person export", lambda db, a, rid: person_export(db, a, rid), {"staff", "admin"}),
    (
        "withdraw consent",
        lambda db, a, rid: consent_effects.withdraw(db, a, rid, "photos"),
        {"staff", "admin"},
    ),
    ("audit log", lambda db, a, rid: audit_rows(db, a, AuditFilter()), {"admin"}),
    ("audit log count", lambda db, a, rid: audit_count(db, a, AuditFilter()), {"admin"}),
    ("list accounts", lambda db, a, rid: accounts.list_staff(db, a), {"admin"}),
    (
        "create account",
        lambda db, a, rid: accounts.create_staff(db, a, "x", "X", "vrijwilliger", "x" * 12),
        {"admin"},
    ),
    ("settings", lambda db, a, rid: set_settings(db, a, {"centre.name": "Mi na Mi"}), {"admin"}),
    ("retention due", lambda db, a, rid: retention.retention_due(db, a), {"admin"}),
    ("processing register", lambda db, a, rid: register.processing_register(db, a), {"admin"}),
    ("anonymise", lambda db, a, rid: anonymise_resident(db, a, rid), {"admin"}),
]
ROLES = {"vrijwilliger": "volunteer", "medewerker": "staff", "beheerder": "admin"}


@pytest.fixture
def resident_id(db: Database) -> int:
    session_id = make_session(db, date(2026, 3, 3))
    return make_history(db, "Akosua", "Mensah", 501, [session_id], date(2026, 3, 1)).resident_id


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("name", "call", "who"), SERVICES, ids=[s[0] for s in SERVICES])
def test_each_service_per_role(
    db: Database, resident_id: int, role: str, name: str, call: ServiceCall, who: set[str]
) -> None:
    actor = Actor(staff_id=None, role=role)
    if "all" in who or ROLES[role] in who:
        call(db, actor, resident_id)
    else:
        with pytest.raises(PermissionDeniedError):
            call(db, actor, resident_id)


def test_volunteers_never_get_the_sensitive_permissions() -> None:
    volunteer = ROLE_PERMISSIONS["vrijwilliger"]
    for sensitive in (
        Permission.VIEW_HELP_REQUESTS,
        Permission.VIEW_TRAJECTORIES,
        Permission.VIEW_REFERRALS,
        Permission.VIEW_RESIDENT_DETAILS,
        Permission.EXPORT_PERSONAL_DATA,
        Permission.ERASE_PERSONAL_DATA,
        Permission.VIEW_AUDIT_LOG,
        Permission.MANAGE_ACCOUNTS,
    ):
        assert sensitive not in volunteer


def test_volunteers_can_register_and_take_attendance() -> None:
    """The registration and attendance services of other branches check these permissions."""
    volunteer = Actor(staff_id=None, role="vrijwilliger")
    for needed in (
        Permission.FIND_RESIDENTS,
        Permission.REGISTER_RESIDENTS,
        Permission.TAKE_ATTENDANCE,
        Permission.PRINT_ATTENDANCE_SHEETS,
    ):
        volunteer.require(needed)


def test_staff_see_all_resident_data_but_not_the_administration() -> None:
    staff = Actor(staff_id=None, role="medewerker")
    for allowed in (
        Permission.VIEW_HELP_REQUESTS,
        Permission.VIEW_TRAJECTORIES,
        Permission.VIEW_REFERRALS,
        Permission.MANAGE_STORIES,
        Permission.VIEW_REPORTS,
        Permission.EXPORT_PERSONAL_DATA,
    ):
        staff.require(allowed)
    for refused in (
        Permission.MANAGE_SETTINGS,
        Permission.MANAGE_ACCOUNTS,
        Permission.BACKUP_RESTORE,
        Permission.VIEW_AUDIT_LOG,
        Permission.ERASE_PERSONAL_DATA,
    ):
        assert not staff.can(refused)
    assert ROLE_PERMISSIONS["beheerder"] == frozenset(Permission)


# Entry points that deliberately check nothing: they concern only the signed-in person, or
# only write the audit row of something the caller was already allowed to do.
SELF_SERVICE = {
    "minami_desk.services.accounts.change_own_password",
    "minami_desk.services.accounts.own_username",
    "minami_desk.services.accounts.sign_out",
    "minami_desk.services.audit.record_viewed",
}
CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\(")


def _entry_points() -> dict[str, tuple[str, str]]:
    """Every public service function that opens its own unit of work (takes ``db``) on
    behalf of an ``actor``: full name -> (short name, source)."""
    found: dict[str, tuple[str, str]] = {}
    for info in pkgutil.walk_packages(services.__path__, "minami_desk.services."):
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = inspect.signature(function).parameters
            if "db" in parameters and "actor" in parameters:
                found[f"{module.__name__}.{name}"] = (name, inspect.getsource(function))
    return found


def test_every_service_entry_point_checks_a_permission() -> None:
    """A new service that forgets ``actor.require`` fails here (directly, or through the
    checked service it calls first)."""
    entries = _entry_points()
    checked = {key for key, (_name, source) in entries.items() if ".require(" in source}
    changed = True
    while changed:  # a service that calls a checked one is checked too
        names = {entries[key][0] for key in checked}
        more = {
            key
            for key, (_name, source) in entries.items()
            if key not in checked and names & set(CALL.findall(source.split(":", 1)[1]))
        }
        checked |= more
        changed = bool(more)
    unchecked = sorted(set(entries) - checked - SELF_SERVICE)
    assert unchecked == []
    assert len(entries) >= 15  # the walk really found the services
