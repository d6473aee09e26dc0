"""Dutch labels for the English codes the desk stores (consent kinds, channels, genders…).

Codes stay English in the database; these ``N_()`` marked ids are translated with ``_()``
where they are shown, so the UI, the timeline and exports say the same words.
"""

from __future__ import annotations

from minami_desk.i18n import N_, _

CONSENT_LABELS = {
    "registration": N_("Registration of personal data"),
    "photos": N_("Photos"),
    "contact_phone": N_("Contact by phone"),
    "contact_whatsapp": N_("Contact by WhatsApp"),
    "story_sharing": N_("Sharing a story"),
}

CHANNEL_LABELS = {
    "walk_in": N_("Walk-in"),
    "phone": N_("Phone call"),
    "whatsapp": N_("WhatsApp"),
    "email": N_("E-mail"),
    "home_visit": N_("Home visit"),
    "other": N_("Other contact"),
}

GENDER_LABELS = {
    "female": N_("Female"),
    "male": N_("Male"),
    "other": N_("Other"),
    "undisclosed": N_("Prefer not to say"),
}

AGE_GROUP_LABELS = {
    "0-11": N_("0–11 years"),
    "12-17": N_("12–17 years"),
    "18-26": N_("18–26 years"),
    "27-64": N_("27–64 years"),
    "65+": N_("65 years or older"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of ``code``; an unknown code shows as it is."""
    if not code:
        return ""
    return _(table[code]) if code in table else code
