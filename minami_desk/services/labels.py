"""Dutch labels for the English codes the desk stores (consent kinds, channels, genders…).

The tables live in ``documents.vocabulary`` (the renderers read them too); ``label()`` shows a
code in the interface language.
"""

from __future__ import annotations

from minami_desk.documents.vocabulary import (
    AGE_GROUP_LABELS,
    CHANNEL_LABELS,
    CONSENT_LABELS,
    GENDER_LABELS,
)
from minami_desk.i18n import _

__all__ = ["AGE_GROUP_LABELS", "CHANNEL_LABELS", "CONSENT_LABELS", "GENDER_LABELS", "label"]


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of ``code``; an unknown code shows as it is."""
    if not code:
        return ""
    return _(table[code]) if code in table else code
