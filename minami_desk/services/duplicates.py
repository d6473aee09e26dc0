"""Finding people who may already be registered: same name and birth date, same phone, or a
close spelling (Jansen/Janssen, Mohamed/Mohammed) of the same name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from minami_desk.data.db import Database
from minami_desk.data.models import Resident, ResidentSearchToken
from minami_desk.errors import ValidationError
from minami_desk.i18n import N_
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.phones import display_phone, parse_phone
from minami_desk.services.text import fold, words

STRONG = "strong"  # same name and birth date, or same phone
CLOSE = "close"  # a near spelling of the name
# Reasons that mean "this is the same person" (an import skips such a row).
SAME_PERSON = frozenset({"name_birth_date", "same_name"})
REASON_LABELS = {
    "name_birth_date": N_("same name and date of birth"),
    "same_name": N_("same name, neither has a date of birth"),
    "phone": N_("same phone number"),
    "similar_name": N_("name spelled almost the same"),
}


@dataclass(frozen=True)
class DuplicateCandidate:
    id: int
    number: int
    full_name: str
    birth_date: date | None
    phone: str
    postcode: str
    reason: str  # "name_birth_date", "phone", "similar_name"
    strength: str


def name_key(first_name: str, infix: str, last_name: str) -> str:
    """The folded full name without the tussenvoegsel, which people drop or move around."""
    return " ".join(words(first_name) + words(last_name))


def _collapse_doubles(text: str) -> str:
    """ "janssen" → "jansen", "mohammed" → "mohamed": doubled letters are typos' favourites."""
    result: list[str] = []
    for char in text:
        if not result or result[-1] != char:
            result.append(char)
    return "".join(result)


def edit_distance(left: str, right: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once past ``limit``."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i]
        for j, b in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def similar_names(first: str, other_first: str, last: str, other_last: str) -> bool:
    """Same first name (folded) and a last name one or two small typos away."""
    first_a, first_b = fold(first), fold(other_first)
    last_a, last_b = fold(last).replace(" ", ""), fold(other_last).replace(" ", "")
    if not first_a or not last_a:
        return False
    first_close = _collapse_doubles(first_a) == _collapse_doubles(first_b) or (
        edit_distance(first_a, first_b, 1) <= 1 and len(first_a) > 3
    )
    if not first_close:
        return False
    if _collapse_doubles(last_a) == _collapse_doubles(last_b):
        return True
    allowed = 1 if len(last_a) <= 6 else 2
    return edit_distance(last_a, last_b, allowed) <= allowed


def find_duplicates_in(
    session: Session,
    first_name: str,
    infix: str,
    last_name: str,
    birth_date: date | None,
    phone_digits: str | None,
    exclude_id: int | None = None,
    limit: int = 10,
) -> list[DuplicateCandidate]:
    """Likely existing matches, the strongest first."""
    first_words = words(first_name)
    last_words = words(last_name)
    conditions = []
    if phone_digits:
        conditions.append(Resident.phone_digits == phone_digits)
    if first_words and last_words:
        # Candidates share a 3-letter start of the first name and of a last-name word;
        # the close comparison below decides.
        first_ids = select(ResidentSearchToken.resident_id).where(
            ResidentSearchToken.token >= first_words[0][:3],
            ResidentSearchToken.token < first_words[0][:3] + "\uffff",
        )
        last_ids = select(ResidentSearchToken.resident_id).where(
            ResidentSearchToken.token >= last_words[0][:3],
            ResidentSearchToken.token < last_words[0][:3] + "\uffff",
        )
        conditions.append(Resident.id.in_(first_ids.intersect(last_ids)))
    if not conditions:
        return []
    statement = select(Resident).where(Resident.anonymised_at.is_(None), or_(*conditions))
    if exclude_id is not None:
        statement = statement.where(Resident.id != exclude_id)
    wanted_key = name_key(first_name, infix, last_name)
    found: list[DuplicateCandidate] = []
    for resident in session.scalars(statement.limit(500)):
        reason = None
        same_key = name_key(resident.first_name, resident.infix, resident.last_name) == wanted_key
        if same_key and birth_date is not None and resident.birth_date == birth_date:
            reason, strength = "name_birth_date", STRONG
        elif same_key and birth_date is None and resident.birth_date is None:
            reason, strength = "same_name", STRONG
        elif phone_digits and resident.phone_digits == phone_digits:
            reason, strength = "phone", STRONG
        elif similar_names(first_name, resident.first_name, last_name, resident.last_name) and (
            birth_date is None or resident.birth_date is None or resident.birth_date == birth_date
        ):
            reason, strength = "similar_name", CLOSE
        if reason is None:
            continue
        found.append(
            DuplicateCandidate(
                id=resident.id,
                number=resident.number,
                full_name=resident.full_name,
                birth_date=resident.birth_date,
                phone=display_phone(resident.phone),
                postcode=resident.postcode or "",
                reason=reason,
                strength=strength,
            )
        )
    found.sort(key=lambda item: (item.strength != STRONG, item.full_name))
    return found[:limit]


def find_duplicates(
    db: Database,
    actor: Actor,
    first_name: str,
    infix: str,
    last_name: str,
    birth_date: date | None = None,
    phone: str = "",
    exclude_id: int | None = None,
) -> list[DuplicateCandidate]:
    """For the registration form: who might this already be? (A bad phone is just ignored.)"""
    actor.require(Permission.FIND_RESIDENTS)
    try:
        parsed = parse_phone(phone)
    except ValidationError:
        parsed = None
    with db.read_session() as session:
        return find_duplicates_in(
            session,
            first_name,
            infix,
            last_name,
            birth_date,
            parsed.digits if parsed else None,
            exclude_id,
        )
