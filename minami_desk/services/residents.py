"""Finding and listing residents; the name keys that make search fast and forgiving."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from minami_desk.data.db import Database
from minami_desk.data.models import Resident, ResidentSearchToken
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.text import fold, words

_POSTCODE_QUERY = re.compile(r"^\s*(\d{4})\s*([a-zA-Z]{0,2})\s*$")


def name_tokens(first_name: str, infix: str, last_name: str) -> set[str]:
    """Every folded word of the name, plus hyphen-joined parts as one word ("tjonafong")."""
    tokens = set(words(f"{first_name} {infix} {last_name}"))
    for part in (first_name, last_name):
        joined = "".join(words(part))
        if joined:
            tokens.add(joined)
    return {token[:120] for token in tokens}


def sort_key(first_name: str, infix: str, last_name: str) -> str:
    """Sorted by last name as Dutch lists are: "Berg, Anna van den" sorts under B."""
    return fold(f"{last_name} {first_name} {infix}")[:400]


def index_resident(resident: Resident) -> None:
    """Refresh the search keys after the name changed (call before flush)."""
    resident.sort_key = sort_key(resident.first_name, resident.infix, resident.last_name)
    wanted = name_tokens(resident.first_name, resident.infix, resident.last_name)
    current = {token.token: token for token in resident.search_tokens}
    for token, row in current.items():
        if token not in wanted:
            resident.search_tokens.remove(row)
    for token in wanted - current.keys():
        resident.search_tokens.append(ResidentSearchToken(token=token))


def digits_only(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


def _prefix_range(column: object, prefix: str) -> object:
    """``column LIKE 'abc%'`` written as a range so every database uses the index."""
    return and_(column >= prefix, column < prefix + "\uffff")  # type: ignore[operator]


def search_statement(text: str, include_archived: bool = False) -> Select[tuple[Resident]]:
    """Residents matching ``text``: name words (any order, as prefixes), number, phone, postcode."""
    statement = select(Resident).where(Resident.anonymised_at.is_(None))
    if not include_archived:
        statement = statement.where(Resident.archived_at.is_(None))
    query = text.strip()
    digits = digits_only(query)
    postcode = _POSTCODE_QUERY.match(query)
    conditions = []
    if postcode:
        prefix = postcode.group(1) + (" " + postcode.group(2).upper() if postcode.group(2) else "")
        conditions.append(_prefix_range(Resident.postcode, prefix))
    if digits and len(digits) >= max(1, len(query.replace(" ", "")) - 2):
        conditions.append(Resident.number == int(digits[:9]))
        if len(digits) >= 3:
            national = "0" + digits[2:] if digits.startswith("31") else digits
            conditions.append(Resident.phone_digits.contains(national.lstrip("0")))
    name_words = words(query)
    if name_words:
        matching = None
        for word in name_words:
            ids = select(ResidentSearchToken.resident_id).where(
                _prefix_range(ResidentSearchToken.token, word)
            )
            matching = ids if matching is None else matching.intersect(ids)
        assert matching is not None
        conditions.append(Resident.id.in_(matching))
    if not conditions:
        return statement.where(False)
    return statement.where(or_(*conditions)).order_by(Resident.sort_key)


def search_residents(db: Database, actor: Actor, text: str, limit: int = 50) -> list[Resident]:
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        return list(session.scalars(search_statement(text).limit(limit)))


def count_residents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Resident)) or 0


def list_residents_rows(
    db: Database, actor: Actor, search: str | None = None
) -> list[Sequence[object]]:
    """Rows for ``minami-desk list residents``: ID, number, name, birth date, postcode."""
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        if search:
            statement = search_statement(search)
        else:
            statement = (
                select(Resident).where(Resident.anonymised_at.is_(None)).order_by(Resident.sort_key)
            )
        return [
            (
                resident.id,
                resident.number,
                resident.full_name,
                resident.birth_date.isoformat() if resident.birth_date else "",
                resident.postcode or "",
            )
            for resident in session.scalars(statement)
        ]
