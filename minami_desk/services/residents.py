"""Finding and listing residents; the name keys that make search fast and forgiving."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, false, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from minami_desk.data.db import Database
from minami_desk.data.models import Resident, ResidentSearchToken
from minami_desk.errors import NotFoundError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.phones import display_phone, query_digits
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


def _prefix_range(column: QueryableAttribute[str | None], prefix: str) -> ColumnElement[bool]:
    """``column LIKE 'abc%'`` written as a range so every database uses the index."""
    return and_(column >= prefix, column < prefix + "\uffff")


def _looks_numeric(query: str) -> bool:
    """Mostly digits (a phone number or resident number, however it is written)."""
    digits = digits_only(query)
    others = [char for char in query if not char.isdigit() and char not in " -+()./"]
    return bool(digits) and not others


def _name_match(name_words: list[str]) -> Select[int]:
    """Ids of residents with a name token starting with each word, in any order.

    The longest word drives the index range (it matches fewest tokens); every other word is
    an EXISTS probe on the (resident_id, token) primary key.
    """
    ordered = sorted(set(name_words), key=len, reverse=True)
    if len(ordered) == 1:
        return select(ResidentSearchToken.resident_id).where(
            _prefix_range(ResidentSearchToken.token, ordered[0])
        )
    driver = aliased(ResidentSearchToken)
    statement = select(driver.resident_id).where(_prefix_range(driver.token, ordered[0]))
    for word in ordered[1:]:
        other = aliased(ResidentSearchToken)
        statement = statement.where(
            select(other.resident_id)
            .where(other.resident_id == driver.resident_id, _prefix_range(other.token, word))
            .exists()
        )
    return statement


def search_statement(text: str, include_archived: bool = False) -> Select[Resident]:
    """Residents matching ``text``: name words (any order, as prefixes), number, phone, postcode.

    Every branch is an index range: name-word prefixes on the token table (so "Berg, van den"
    and "van den Berg" match alike), phone-digit prefixes, the resident number, postcode
    prefixes. No ``LIKE '%…%'`` scans, so 50,000 residents stay fast.
    """
    statement = select(Resident).where(Resident.anonymised_at.is_(None))
    if not include_archived:
        statement = statement.where(Resident.archived_at.is_(None))
    query = text.strip()
    conditions: list[ColumnElement[bool]] = []
    postcode = _POSTCODE_QUERY.match(query)
    if postcode:
        letters = postcode.group(2).upper()
        prefix = postcode.group(1) + (" " + letters if letters else "")
        conditions.append(_prefix_range(Resident.postcode, prefix))
    if _looks_numeric(query):
        digits = digits_only(query)
        if len(digits) <= 9 and not query.lstrip().startswith(("0", "+")):
            conditions.append(Resident.number == int(digits))
        if len(digits) >= 3:
            stored = query_digits(query)
            conditions.append(_prefix_range(Resident.phone_digits, stored))
            if not stored.startswith("0"):
                conditions.append(_prefix_range(Resident.phone_digits, "0" + stored))
    else:
        name_words = words(query)
        if name_words:
            conditions.append(Resident.id.in_(_name_match(name_words)))
    if not conditions:
        return statement.where(false())
    return statement.where(or_(*conditions)).order_by(Resident.sort_key, Resident.id)


@dataclass(frozen=True)
class ResidentHit:
    """One line of a result list: enough to recognise the person, nothing sensitive."""

    id: int
    number: int
    full_name: str
    sort_name: str  # "Berg, Anna van den"
    birth_date: date | None
    phone: str
    postcode: str
    archived: bool


_HIT_COLUMNS = (
    Resident.id,
    Resident.number,
    Resident.first_name,
    Resident.infix,
    Resident.last_name,
    Resident.birth_date,
    Resident.phone,
    Resident.postcode,
    Resident.archived_at,
)


def _hit(row: Row[*tuple[Any, ...]]) -> ResidentHit:
    """A result line from plain columns: no ORM objects for a list that is read and dropped."""
    resident_id, number, first_name, infix, last_name, birth_date, phone, postcode, archived = row
    given = " ".join(part for part in (first_name, infix) if part)
    return ResidentHit(
        id=resident_id,
        number=number,
        full_name=" ".join(part for part in (first_name, infix, last_name) if part),
        sort_name=f"{last_name}, {given}" if given else last_name,
        birth_date=birth_date,
        phone=display_phone(phone),
        postcode=postcode or "",
        archived=archived is not None,
    )


def find_residents(
    db: Database,
    actor: Actor,
    text: str = "",
    limit: int = 50,
    offset: int = 0,
    include_archived: bool = False,
) -> list[ResidentHit]:
    """A page of matches for ``text`` (all residents, by name, when it is empty)."""
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        if text.strip():
            statement = search_statement(text, include_archived)
        else:
            statement = select(Resident).where(Resident.anonymised_at.is_(None))
            if not include_archived:
                statement = statement.where(Resident.archived_at.is_(None))
            statement = statement.order_by(Resident.sort_key, Resident.id)
        page = statement.with_only_columns(*_HIT_COLUMNS).limit(limit).offset(offset)
        return [_hit(row) for row in session.execute(page)]


def search_residents(db: Database, actor: Actor, text: str, limit: int = 50) -> list[ResidentHit]:
    """Matches for a picker: plain rows, so no ORM object outlives its session in the UI."""
    return find_residents(db, actor, text, limit=limit)


def live_resident(session: Session, resident_id: int | None) -> Resident:
    """The resident with this id, unless gone or anonymised (then a Dutch NotFoundError)."""
    resident = session.get(Resident, resident_id) if resident_id is not None else None
    if resident is None or resident.anonymised_at is not None:
        raise NotFoundError(_("This resident no longer exists."))
    return resident


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
