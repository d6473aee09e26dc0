"""Property tests: name folding, postcodes and phone numbers."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from minami_desk.errors import ValidationError
from minami_desk.services.phones import parse_phone, query_digits
from minami_desk.services.postcodes import normalise_postcode
from minami_desk.services.residents import name_tokens, sort_key
from minami_desk.services.text import fold

LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lo"])
NAME = st.text(LETTERS, min_size=1, max_size=15)


@given(NAME, NAME)
@example("ᾀ", "A")  # iota subscript: its capital writes the iota as a letter
def test_folding_is_case_insensitive_and_stable(first: str, last: str) -> None:
    assert fold(first.upper()) == fold(first) == fold(first.lower())
    assert fold(fold(last)) == fold(last)
    assert name_tokens(first, "", last) == name_tokens(*(fold(p) for p in (first, "", last)))
    assert sort_key(first, "", last) == fold(sort_key(first, "", last))


@given(NAME, NAME)
def test_every_token_of_a_name_is_a_folded_word(first: str, last: str) -> None:
    for token in name_tokens(first, "van der", last):
        assert token == fold(token) and " " not in token
    assert {"van", "der"} <= name_tokens(first, "van der", last)


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Müller", "muller"),
        ("Şahin", "sahin"),
        ("ÖZTÜRK", "ozturk"),
        ("Ɔwusu", "owusu"),
        ("Nguyễn", "nguyen"),
        ("Łucja", "lucja"),
    ],
)
def test_fold_examples(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@given(
    st.integers(1000, 9999),
    st.text(st.sampled_from("ABCEFGHJKLMNPRTUVWXYZabcdefghjklmnprtuvwxyz"), min_size=2, max_size=2),
    st.sampled_from(["", " ", "  "]),
)
def test_postcode_normalises_any_spacing_and_case(digits: int, letters: str, gap: str) -> None:
    result = normalise_postcode(f" {digits}{gap}{letters} ")
    assert result == f"{digits} {letters.upper()}"
    assert normalise_postcode(result) == result


@given(st.text(max_size=10))
def test_postcode_is_valid_or_refused_never_crashes(text: str) -> None:
    try:
        result = normalise_postcode(text)
    except ValidationError as error:
        assert error.field == "postcode"
    else:
        assert result is None or (len(result) == 7 and result[4] == " ")


@given(
    st.sampled_from(["6", "20", "10", "70"]),
    st.integers(1000000, 9999999),
    st.sampled_from(["0{a}{b}", "+31{a}{b}", "0031 {a} {b}", "0{a}-{b}", "(0{a}) {b}"]),
)
def test_dutch_numbers_in_any_notation_agree(area: str, rest: int, pattern: str) -> None:
    subscriber = str(rest) + ("0" if area == "6" else "")
    subscriber = subscriber[: 9 - len(area)]
    typed = pattern.format(a=area, b=subscriber)
    expected = phonenumbers.parse("0" + area + subscriber, "NL")
    try:
        phone = parse_phone(typed)
    except ValidationError:
        assert not phonenumbers.is_valid_number(expected)
        return
    assert phone is not None
    assert phone.e164 == "+31" + area + subscriber
    assert phone.digits == "0" + area + subscriber
    assert query_digits(typed) == phone.digits


@given(st.text(max_size=20))
def test_phone_parsing_never_crashes(text: str) -> None:
    try:
        phone = parse_phone(text)
    except ValidationError as error:
        assert error.field == "phone"
    else:
        assert phone is None or phone.e164.startswith("+")


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("+233 24 123 4567", "+233241234567"),
        ("0049 30 1234567", "+49301234567"),
        ("+32 470 12 34 56", "+32470123456"),
    ],
)
def test_foreign_numbers(typed: str, e164: str) -> None:
    phone = parse_phone(typed)
    assert phone is not None and phone.e164 == e164 and phone.display.startswith("+")
