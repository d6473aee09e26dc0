"""Staff accounts: the first administrator, signing in, lock-out, and managing who may sign in.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's recommended profile);
a hash made with older parameters is replaced at the next good sign-in. Several people share
the desk PC, so five wrong passwords in a row lock the account for a few minutes: enough to
stop guessing, short enough not to stop the desk. The audit log gets ids only, never names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import STAFF_ROLES as STAFF_ROLES  # the UI's vocabulary
from minami_desk.data.models import Staff
from minami_desk.errors import NotFoundError, UserError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.account_rules import MAX_FAILED_SIGN_INS
from minami_desk.services.account_rules import MIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record

LOCK_OUT = timedelta(minutes=5)

HASHER = PasswordHasher()  # argon2id; module-level so a test can prove the rehash


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name takes as long as a wrong
    password. Made on first use: hashing takes ~0.4 s, which every start used to pay."""
    return HASHER.hash("not a password of anyone")


# Failed attempts are nobody's until they succeed; the account tried is the entity id.
_NOBODY = Actor(staff_id=None, role="vrijwilliger", via="ui")


class SignInError(UserError):
    """Signing in did not work; the message says why without revealing more than needed."""


@dataclass(frozen=True)
class StaffRow:
    """One account as Beheer → Medewerkers shows it."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool
    locked_until: datetime | None


def normalise_username(username: str) -> str:
    return " ".join(username.split()).casefold()


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Staff)
            .where(
                Staff.role == "beheerder",
                Staff.active.is_(True),
                Staff.password_hash.is_not(None),
            )
        )
        or 0
    )


def needs_first_admin(db: Database) -> bool:
    """True on a fresh database: nobody could sign in to manage the others."""
    with db.read_session() as session:
        return _active_admins(session) == 0


def _password_errors(password: str) -> dict[str, str]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return {
            "password": _("The password needs at least {count} characters.").format(
                count=MIN_PASSWORD_LENGTH
            )
        }
    if password.strip() != password or not password.strip():
        return {"password": _("The password may not begin or end with a space.")}
    return {}


def _check_new_account(
    session: Session, username: str, display_name: str, role: str, password: str
) -> None:
    errors: dict[str, str] = {}
    if not username:
        errors["username"] = _("Fill in a sign-in name.")
    elif len(username) > 80:
        errors["username"] = _("The sign-in name is too long (at most 80 characters).")
    elif session.scalar(select(Staff.id).where(func.lower(Staff.username) == username)):
        errors["username"] = _("This sign-in name is already taken.")
    if not display_name:
        errors["display_name"] = _("Fill in the name as colleagues know it.")
    elif len(display_name) > 160:
        errors["display_name"] = _("The name is too long (at most 160 characters).")
    if role not in STAFF_ROLES:
        errors["role"] = _("Choose a role.")
    errors.update(_password_errors(password))
    if errors:
        raise ValidationError(errors)


def _add_staff(
    session: Session, username: str, display_name: str, role: str, password: str
) -> Staff:
    username = normalise_username(username)
    display_name = " ".join(display_name.split())
    _check_new_account(session, username, display_name, role, password)
    staff = Staff(
        username=username,
        display_name=display_name,
        role=role,
        password_hash=HASHER.hash(password),
        active=True,
        failed_sign_ins=0,
    )
    session.add(staff)
    session.flush()
    return staff


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> Actor:
    """The administrator of a fresh installation; refused once one exists."""
    with db.session() as session:
        if _active_admins(session):
            raise UserError(_("There already is an administrator. Sign in instead."))
        staff = _add_staff(session, username, display_name, "beheerder", password)
        actor = Actor.for_staff(staff.id, staff.role, staff.display_name)
        record(session, actor, "created", "staff", staff.id, "beheerder")
        record(session, actor, "signed_in", "staff", staff.id)
        return actor


def create_staff(
    db: Database, actor: Actor, username: str, display_name: str, role: str, password: str
) -> int:
    actor.require(Permission.MANAGE_ACCOUNTS)
    with db.session() as session:
        staff = _add_staff(session, username, display_name, role, password)
        record(session, actor, "created", "staff", staff.id, role)
        return staff.id


def list_staff(db: Database, actor: Actor, include_inactive: bool = True) -> list[StaffRow]:
    actor.require(Permission.MANAGE_ACCOUNTS)
    statement = select(Staff).order_by(Staff.active.desc(), func.lower(Staff.display_name))
    if not include_inactive:
        statement = statement.where(Staff.active.is_(True))
    with db.read_session() as session:
        return [
            StaffRow(
                id=staff.id,
                username=staff.username,
                display_name=staff.display_name,
                role=staff.role,
                active=staff.active,
                has_password=staff.password_hash is not None,
                locked_until=staff.locked_until,
            )
            for staff in session.scalars(statement)
        ]


def _get(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFoundError(_("This account no longer exists."))
    return staff


def set_active(db: Database, actor: Actor, staff_id: int, active: bool) -> None:
    """Deactivate (or re-activate) an account; its history keeps pointing at it."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    with db.session() as session:
        staff = _get(session, staff_id)
        if not active:
            if staff_id == actor.staff_id:
                raise UserError(_("You cannot deactivate your own account."))
            if staff.role == "beheerder" and staff.active and _active_admins(session) <= 1:
                raise UserError(_("This is the last administrator; add another one first."))
        staff.active = active
        record(session, actor, "changed", "staff", staff_id, "active" if active else "inactive")


def change_role(db: Database, actor: Actor, staff_id: int, role: str) -> None:
    actor.require(Permission.MANAGE_ACCOUNTS)
    if role not in STAFF_ROLES:
        raise ValidationError("role", _("Choose a role."))
    with db.session() as session:
        staff = _get(session, staff_id)
        if staff.role == "beheerder" and role != "beheerder" and _active_admins(session) <= 1:
            raise UserError(_("This is the last administrator; add another one first."))
        staff.role = role
        record(session, actor, "changed", "staff", staff_id, f"role:{role}")


def reset_password(db: Database, actor: Actor, staff_id: int, new_password: str) -> None:
    """Set a new password (and lift a lock-out); the person changes nothing else."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    errors = _password_errors(new_password)
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        staff = _get(session, staff_id)
        staff.password_hash = HASHER.hash(new_password)
        staff.failed_sign_ins = 0
        staff.locked_until = None
        record(session, actor, "changed", "staff", staff_id, "password_reset")


def change_own_password(db: Database, actor: Actor, current: str, new_password: str) -> None:
    """Anyone signed in replaces the password the administrator gave them."""
    if actor.staff_id is None:
        raise UserError(_("Only someone who signed in can change a password."))
    errors = _password_errors(new_password)
    if new_password == current:
        errors.setdefault("password", _("Choose a password different from the current one."))
    with db.session() as session:
        staff = _get(session, actor.staff_id)
        if not _verify(staff.password_hash, current):
            errors = {"current": _("The current password is not right."), **errors}
        if errors:
            raise ValidationError(errors)
        staff.password_hash = HASHER.hash(new_password)
        record(session, actor, "changed", "staff", staff.id, "own_password")


def _verify(stored: str | None, password: str) -> bool:
    try:
        return HASHER.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def sign_in(db: Database, username: str, password: str) -> Actor:
    """The actor for a name and password, or a ``SignInError`` with a Dutch reason."""
    name = normalise_username(username)
    failure: str | None = None
    with db.session() as session:
        staff = session.scalars(select(Staff).where(func.lower(Staff.username) == name)).first()
        if staff is None:
            _verify(None, password)
            record(session, _NOBODY, "sign_in_failed", "staff", None, "name")
            failure = _("The name or the password is not right.")
        elif staff.locked_until is not None and staff.locked_until > clock.utcnow():
            record(session, _NOBODY, "sign_in_failed", "staff", staff.id, "locked")
            failure = _("Too many wrong passwords. Try again after {time}.").format(
                time=clock.local(staff.locked_until).strftime("%H:%M")
            )
        elif not _verify(staff.password_hash, password):
            staff.failed_sign_ins = (staff.failed_sign_ins or 0) + 1
            detail = "password"
            failure = _("The name or the password is not right.")
            if staff.failed_sign_ins >= MAX_FAILED_SIGN_INS:
                staff.failed_sign_ins = 0
                staff.locked_until = clock.utcnow() + LOCK_OUT
                detail = "password,locked"
                failure = _(
                    "Five wrong passwords in a row: this account is locked for {minutes} minutes."
                ).format(minutes=int(LOCK_OUT.total_seconds() // 60))
            record(session, _NOBODY, "sign_in_failed", "staff", staff.id, detail)
        elif not staff.active:
            record(session, _NOBODY, "sign_in_failed", "staff", staff.id, "inactive")
            failure = _("This account has been switched off. Ask the administrator.")
        else:
            assert staff.password_hash is not None
            if HASHER.check_needs_rehash(staff.password_hash):
                staff.password_hash = HASHER.hash(password)
            staff.failed_sign_ins = 0
            staff.locked_until = None
            actor = Actor.for_staff(staff.id, staff.role, staff.display_name)
            record(session, actor, "signed_in", "staff", staff.id)
            return actor
    raise SignInError(failure)


def sign_out(db: Database, actor: Actor) -> None:
    if actor.staff_id is None:
        return
    with db.session() as session:
        record(session, actor, "signed_out", "staff", actor.staff_id)


def own_username(db: Database, actor: Actor) -> str:
    """The signed-in person's own sign-in name (for the lock screen); "" for nobody."""
    if actor.staff_id is None:
        return ""
    with db.read_session() as session:
        staff = session.get(Staff, actor.staff_id)
        return staff.username if staff is not None else ""


DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-balie"  # shown on the demo's lock screen: the demo data is fictional


def ensure_demo_account(db: Database) -> Actor:
    """The demo's coordinator: an administrator, so the demo shows every screen.

    The demo's other (fictional) staff get the same known password, so "Wissel gebruiker"
    can show the window as a volunteer or a staff member sees it.
    """
    with db.session() as session:
        without = list(session.scalars(select(Staff).where(Staff.password_hash.is_(None))))
        if without:
            shared = HASHER.hash(DEMO_PASSWORD)
            for member in without:
                member.password_hash = shared
        staff = session.scalars(select(Staff).where(Staff.username == DEMO_USERNAME)).first()
        if staff is None:
            staff = Staff(
                username=DEMO_USERNAME,
                display_name="Demo-coördinator",
                role="beheerder",
                password_hash=HASHER.hash(DEMO_PASSWORD),
            )
            session.add(staff)
            session.flush()
            record(session, Actor.system(), "created", "staff", staff.id, "demo")
        actor = Actor.for_staff(staff.id, staff.role, staff.display_name)
        record(session, actor, "signed_in", "staff", staff.id, "demo")
        return actor
