"""Dutch postcodes ("1102 AB") and the editable postcode → wijk table."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk.data.db import Database
from minami_desk.data.models import PostcodeArea
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record

_POSTCODE = re.compile(r"^([1-9]\d{3})\s*([A-Za-z]{2})$")
_PREFIX = re.compile(r"^([1-9]\d{3})(?:\s*([A-Za-z]{1,2}))?$")
# Letter pairs PostNL never hands out.
_UNUSED_LETTERS = frozenset({"SA", "SD", "SS"})


def normalise_postcode(text: str, field: str = "postcode") -> str | None:
    """ "1102ab", "1102 ab" → "1102 AB"; None for an empty field; ``ValidationError`` else."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = _POSTCODE.match(cleaned)
    if not match or match.group(2).upper() in _UNUSED_LETTERS:
        raise ValidationError(field, _("A postcode is four digits and two letters, e.g. 1102 AB."))
    return f"{match.group(1)} {match.group(2).upper()}"


def normalise_prefix(text: str) -> str:
    """A postcode-table prefix: "1102", "1102 A" or "1102 AB"."""
    match = _PREFIX.match(text.strip())
    if not match:
        raise ValidationError(
            "prefix", _("Write the start of a postcode: four digits, optionally with letters.")
        )
    letters = (match.group(2) or "").upper()
    return f"{match.group(1)} {letters}" if letters else match.group(1)


def wijk_for(session: Session, postcode: str | None) -> str | None:
    """The wijk of the longest matching prefix in the table (``1102 A`` beats ``1102``)."""
    if not postcode:
        return None
    candidates = [postcode, postcode[:6], postcode[:4]]
    areas = {
        area.prefix: area.wijk
        for area in session.scalars(select(PostcodeArea).where(PostcodeArea.prefix.in_(candidates)))
    }
    for candidate in candidates:
        if candidate in areas:
            return areas[candidate]
    return None


def suggest_wijk(db: Database, postcode: str) -> str | None:
    """For the form: the wijk the table suggests, or None (also for a half-typed postcode)."""
    try:
        normalised = normalise_postcode(postcode)
    except ValidationError:
        return None
    with db.read_session() as session:
        return wijk_for(session, normalised)


def list_areas(db: Database) -> list[tuple[str, str]]:
    with db.read_session() as session:
        return [
            (area.prefix, area.wijk)
            for area in session.scalars(select(PostcodeArea).order_by(PostcodeArea.prefix))
        ]


def known_wijken(db: Database) -> list[str]:
    with db.read_session() as session:
        names = session.scalars(select(PostcodeArea.wijk).distinct().order_by(PostcodeArea.wijk))
        return list(names)


def save_area(db: Database, actor: Actor, prefix: str, wijk: str) -> str:
    """Add or change one row of the table; returns the normalised prefix."""
    actor.require(Permission.MANAGE_SETTINGS)
    normalised = normalise_prefix(prefix)
    name = wijk.strip()
    if not name:
        raise ValidationError("wijk", _("Fill in the name of the neighbourhood."))
    if len(name) > 80:
        raise ValidationError("wijk", _("The name of the neighbourhood is too long."))
    with db.session() as session:
        area = session.get(PostcodeArea, normalised)
        if area is None:
            session.add(PostcodeArea(prefix=normalised, wijk=name))
            record(session, actor, "created", "postcode_area")
        else:
            area.wijk = name
            record(session, actor, "changed", "postcode_area")
    return normalised


def delete_area(db: Database, actor: Actor, prefix: str) -> None:
    actor.require(Permission.MANAGE_SETTINGS)
    with db.session() as session:
        area = session.get(PostcodeArea, prefix)
        if area is not None:
            session.delete(area)
            record(session, actor, "deleted", "postcode_area")
