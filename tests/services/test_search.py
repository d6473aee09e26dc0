"""Finding residents: diacritics, tussenvoegsel anywhere, phone in any notation, postcode."""

from __future__ import annotations

import pytest

from minami_desk.services.actor import Actor
from minami_desk.services.residents import (
    ResidentHit,
    find_residents,
    list_residents_rows,
    search_residents,
)
from tests.services.desk_helpers import register


@pytest.fixture
def people(db, staff_actor: Actor) -> dict[str, int]:
    return {
        "muller": register(db, staff_actor, "Dewi", "Müller", phone="06-47342329"),
        "sahin": register(db, staff_actor, "Ayşe", "Şahin", postcode="1103 HB"),
        "ozturk": register(db, staff_actor, "Şükrü", "Öztürk", phone="+233 24 123 4567"),
        "berg": register(db, staff_actor, "Anna", "Berg", infix="van den", postcode="1102AB"),
        "tjon": register(db, staff_actor, "Marie-Louise", "Tjon A Fong"),
    }


def ids(db, actor: Actor, text: str) -> set[int]:
    return {hit.id for hit in find_residents(db, actor, text)}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("muller", "muller"),
        ("MÜL", "muller"),
        ("sahin", "sahin"),
        ("ozturk", "ozturk"),
        ("Berg, van den", "berg"),
        ("van den berg", "berg"),
        ("anna berg", "berg"),
        ("berg anna", "berg"),
        ("tjon a fong", "tjon"),
        ("tjonafong", "tjon"),
        ("marie louise", "tjon"),
        ("0647", "muller"),
        ("06 4734 2329", "muller"),
        ("+31 6 473", "muller"),
        ("647342", "muller"),
        ("233 24", "ozturk"),
        ("1103", "sahin"),
        ("1102 ab", "berg"),
        ("1102ab", "berg"),
    ],
)
def test_finds(db, staff_actor: Actor, people: dict[str, int], query: str, who: str) -> None:
    assert people[who] in ids(db, staff_actor, query)


def test_resident_number(db, staff_actor: Actor, people: dict[str, int]) -> None:
    hits = find_residents(db, staff_actor, "3")
    assert [hit.id for hit in hits] == [people["ozturk"]]
    assert hits[0].number == 3


def test_no_false_hits(db, staff_actor: Actor, people: dict[str, int]) -> None:
    assert ids(db, staff_actor, "jansen") == set()
    assert ids(db, staff_actor, "anna muller") == set()
    assert ids(db, staff_actor, "   ") == set(people.values())  # empty: everyone, by name


def test_paging_is_stable_and_sorted(db, staff_actor: Actor, people: dict[str, int]) -> None:
    first = find_residents(db, staff_actor, "", limit=2)
    rest = find_residents(db, staff_actor, "", limit=10, offset=2)
    names = [hit.sort_name for hit in first + rest]
    assert names[0] == "Berg, Anna van den" and len(names) == 5


def test_list_rows(db, staff_actor: Actor, people: dict[str, int]) -> None:
    rows = list_residents_rows(db, staff_actor, search="sahin")
    assert rows == [(people["sahin"], 2, "Ayşe Şahin", "", "1103 HB")]


def test_the_picker_search_returns_plain_rows(
    db, staff_actor: Actor, people: dict[str, int]
) -> None:
    """GIVEN residents, WHEN a dialog's picker searches, THEN it gets frozen plain rows that
    stay readable after the database session closed (no ORM object reaches the UI)."""
    hits = search_residents(db, staff_actor, "berg", limit=20)
    assert [type(hit) for hit in hits] == [ResidentHit]
    assert (hits[0].id, hits[0].full_name) == (people["berg"], "Anna van den Berg")
