"""Phone numbers: Dutch and foreign, checked and written the way the desk reads them.

Stored twice: ``phone`` in E.164 ("+31612345678") so it is unambiguous, and ``phone_digits``
as national digits ("0612345678" for Dutch numbers, the full international digits otherwise)
so that a search for "0612" or "612 345" finds it through an index.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from minami_desk.errors import ValidationError
from minami_desk.i18n import _

if TYPE_CHECKING:
    # Imported where a number is parsed: its metadata takes a noticeable part of a start,
    # and showing a stored Dutch mobile number needs no parsing at all.
    import phonenumbers

DEFAULT_REGION = "NL"


@dataclass(frozen=True)
class Phone:
    e164: str
    digits: str  # what search matches against
    display: str  # "06 12345678", "020 123 4567" or "+233 24 123 4567"


def parse_phone(text: str, field: str = "phone") -> Phone | None:
    """A checked phone number, or None for an empty field; ``ValidationError`` when invalid."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    import phonenumbers

    try:
        number = phonenumbers.parse(cleaned, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, _("This is not a phone number.")) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            field,
            _("This phone number is incomplete or does not exist. Write it as 06 12345678."),
        )
    return phone_from_number(number)


def phone_from_number(number: phonenumbers.PhoneNumber) -> Phone:
    import phonenumbers

    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(e164=e164, digits=search_digits(e164), display=display_phone(e164))


def search_digits(e164: str) -> str:
    """National digits for Dutch numbers ("0612345678"), international digits otherwise."""
    if e164.startswith("+31"):
        return "0" + e164[3:]
    return e164.lstrip("+")


def display_phone(e164: str | None) -> str:
    """Dutch numbers as the desk writes them ("06 12345678"), foreign ones internationally."""
    if not e164:
        return ""
    if e164.startswith("+316") and len(e164) == 12:
        return "06 " + e164[4:]  # most numbers at the desk; no parsing needed in result lists
    return _display_parsed(e164)


@lru_cache(maxsize=4096)
def _display_parsed(e164: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 31:
        national = "0" + str(number.national_number)
        if national.startswith("06"):
            return f"06 {national[2:]}"
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def query_digits(text: str) -> str:
    """Digits of a typed search ("+31 6 1234", "06-1234") in the stored ``phone_digits`` form."""
    digits = "".join(char for char in text if char.isdigit())
    if text.strip().startswith("+31") or (text.strip().startswith("0031")):
        digits = digits[4:] if text.strip().startswith("0031") else digits[2:]
        return "0" + digits
    if text.strip().startswith("00"):
        return digits[2:]
    return digits
