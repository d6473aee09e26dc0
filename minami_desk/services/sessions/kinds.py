"""The editable list of session kinds (praatsessie volwassenen, buurtactiviteit, …)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.data.db import Database
from minami_desk.data.models import AUDIENCES, SessionKind
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.text import fold


@dataclass(frozen=True)
class KindInfo:
    id: int
    code: str
    name: str
    audience: str
    active: bool
    sort_order: int


def list_kinds(db: Database, include_inactive: bool = False) -> list[KindInfo]:
    """Kinds in the centre's order; inactive ones only for Beheer, never for new plans."""
    with db.read_session() as session:
        statement = select(SessionKind).order_by(SessionKind.sort_order, SessionKind.name)
        if not include_inactive:
            statement = statement.where(SessionKind.active.is_(True))
        return [
            KindInfo(kind.id, kind.code, kind.name, kind.audience, kind.active, kind.sort_order)
            for kind in session.scalars(statement)
        ]


def save_kind(
    db: Database,
    actor: Actor,
    kind_id: int | None,
    name: str,
    audience: str,
    active: bool = True,
) -> int:
    """Add or rename a kind. A kind in use is switched off rather than deleted, so history stays."""
    actor.require(Permission.MANAGE_SETTINGS)
    clean = " ".join(name.split())
    errors: dict[str, str] = {}
    if not clean:
        errors["name"] = _("Give the kind a name.")
    elif len(clean) > 120:
        errors["name"] = _("The name is too long (120 characters at most).")
    if audience not in AUDIENCES:
        errors["audience"] = _("Choose who the session is for.")
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        clash = session.scalar(
            select(SessionKind.id).where(
                func.lower(SessionKind.name) == clean.lower(), SessionKind.id != (kind_id or -1)
            )
        )
        if clash is not None:
            raise ValidationError("name", _("A kind with this name already exists."))
        if kind_id is None:
            code = _unique_code(session, fold(clean).replace(" ", "_")[:36] or "kind")
            order = session.scalar(select(func.max(SessionKind.sort_order))) or 0
            kind = SessionKind(code=code, name=clean, audience=audience, sort_order=order + 1)
            session.add(kind)
        else:
            found = session.get(SessionKind, kind_id)
            if found is None:
                raise NotFoundError(_("This kind no longer exists."))
            kind = found
            kind.name = clean
            kind.audience = audience
        kind.active = active
        session.flush()
        record(session, actor, "created" if kind_id is None else "changed", "session_kind", kind.id)
        return kind.id


def _unique_code(session: OrmSession, base: str) -> str:
    code = base
    number = 1
    while session.scalar(select(SessionKind.id).where(SessionKind.code == code)) is not None:
        number += 1
        code = f"{base}_{number}"
    return code
