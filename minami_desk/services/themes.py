"""The help-request themes (eenzaamheid, schulden, …): a list the centre edits in Beheer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from minami_desk.data.db import Database
from minami_desk.data.models import Theme
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.text import fold


@dataclass(frozen=True)
class ThemeRow:
    id: int
    code: str
    name: str
    active: bool


def list_themes(db: Database, include_inactive: bool = False) -> list[ThemeRow]:
    statement = select(Theme).order_by(Theme.sort_order, Theme.name)
    if not include_inactive:
        statement = statement.where(Theme.active.is_(True))
    with db.read_session() as session:
        return [ThemeRow(t.id, t.code, t.name, t.active) for t in session.scalars(statement)]


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("name", _("Fill in the name of the theme."))
    if len(cleaned) > 120:
        raise ValidationError(
            "name", _("This is too long (at most {limit} characters).").format(limit=120)
        )
    return cleaned


def add_theme(db: Database, actor: Actor, name: str) -> int:
    actor.require(Permission.MANAGE_SETTINGS)
    cleaned = _clean_name(name)
    code = re.sub(r"[^a-z0-9]+", "_", fold(cleaned)).strip("_")[:30] or "theme"
    with db.session() as session:
        if session.scalar(select(Theme.id).where(func.lower(Theme.name) == cleaned.lower())):
            raise ValidationError("name", _("This theme already exists."))
        base, number = code, 2
        while session.scalar(select(Theme.id).where(Theme.code == code)):
            code, number = f"{base}_{number}", number + 1
        order = (session.scalar(select(func.max(Theme.sort_order))) or 0) + 1
        theme = Theme(code=code, name=cleaned, sort_order=order, active=True)
        session.add(theme)
        session.flush()
        record(session, actor, "created", "theme", theme.id)
        return theme.id


def update_theme(db: Database, actor: Actor, theme_id: int, name: str, active: bool) -> None:
    """Rename or (de)activate; a theme in use is never deleted, so old contacts keep it."""
    actor.require(Permission.MANAGE_SETTINGS)
    cleaned = _clean_name(name)
    with db.session() as session:
        theme = session.get(Theme, theme_id)
        if theme is None:
            raise NotFoundError(_("This theme no longer exists."))
        clash = session.scalar(
            select(Theme.id).where(func.lower(Theme.name) == cleaned.lower(), Theme.id != theme_id)
        )
        if clash:
            raise ValidationError("name", _("This theme already exists."))
        theme.name = cleaned
        theme.active = active
        record(session, actor, "changed", "theme", theme_id)
