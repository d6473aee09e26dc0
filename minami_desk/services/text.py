"""Folding text for search and sorting: "Müller", "MULLER" and "muller" are one key."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "ɔ": "o",
        "Ɔ": "o",
        "ɛ": "e",
        "Ɛ": "e",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ŋ": "n",
        "Ŋ": "n",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ƒ": "f",
    }
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, without diacritics, apostrophes or punctuation runs; spaces kept single."""
    # Case-fold before decomposing: "ᾀ" folds to "ἀι", its capital "ἈΙ" likewise; decomposing
    # first would drop the iota subscript as a mark and make the two differ.
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL).casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_WORD.findall(stripped.casefold().translate(_SPECIAL)))


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return fold(text).split()
