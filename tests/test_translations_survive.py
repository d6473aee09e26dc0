"""Every screen keeps its words across the move from per-module catalogues to one domain.

``fixtures/translations_before_one_domain.json`` was dumped from the old machinery as main last
had it (ui/ by feature, ui/kit), before the move: for each language and each module, every msgid
as that module's ``_()`` resolved it (a module's own translation winning where two modules
disagreed). Here each of those (module, msgid) pairs must come out of the one catalogue the
same, through the context its call site now names where two screens need different words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minami_desk import i18n

FIXTURE = Path(__file__).parent / "fixtures" / "translations_before_one_domain.json"
TEMPLATE = Path(__file__).parent.parent / "translations" / "minami_desk.pot"
BEFORE: dict[str, dict[str, dict[str, str | list[str]]]] = json.loads(
    FIXTURE.read_text(encoding="utf-8")
)

# (module as it was named then, msgid) -> the context its call site gives now.
CONTEXTS = {
    ("minami_desk.ui.shell.about", "Action"): "shortcut table",
    ("minami_desk.ui.trajectories.template_page", "Number"): "count",
    ("minami_desk.ui.referrals.section", "to"): "period, written out",
    ("minami_desk.ui.desk.contacts_panel", "Due"): "follow-up",
    ("minami_desk.ui.referrals.organisations_page", "&Kind"): "Alt+S taken",
    ("minami_desk.ui.referrals.referral_dialog", "&Follow up on"): "Alt+O taken",
    ("minami_desk.ui.sessions.sheet_preview", "&Save as…"): "Alt+S taken",
    **{
        (f"minami_desk.ui.{module}", "&Save"): "Alt+O taken"
        for module in (
            "centre.page",
            "referrals.organisations_page",
            "desk.postcodes_page",
            "desk.contact_dialog",
            "desk.registration_dialog",
            "referrals.follow_up_dialog",
        )
    },
}

# English msgids that held Dutch words, which the English catalogue used to correct.
RENAMED = {
    "Wijk": "Neighbourhood",
    "&Wijk": "Neig&hbourhood",
    "Name of the wijk": "Name of the neighbourhood",
    "Wijk (suggested from the postcode)": "Neighbourhood (suggested from the postcode)",
    "Postcodes and wijken": "Postcodes and neighbourhoods",
    "The registration form suggests the wijk from this table. A longer start (1102 A) wins "
    "over a shorter one (1102).": "The registration form suggests the neighbourhood from this "
    "table. A longer start (1102 A) wins over a shorter one (1102).",
    "Fill in the name of the wijk.": "Fill in the name of the neighbourhood.",
    "The name of the wijk is too long.": "The name of the neighbourhood is too long.",
    "dd-mm-jjjj": "dd-mm-yyyy",
    "Date of birth as dd-mm-jjjj": "Date of birth as dd-mm-yyyy",
    "This date does not exist or is not written as dd-mm-jjjj.": (
        "This date does not exist or is not written as dd-mm-yyyy."
    ),
}

# Differences that were slips, not two meanings: one word now, as issue 16 (one vocabulary) asks.
UNIFIED = {
    ("nl", "minami_desk.ui.trajectories.certificates_dialog", "PDF files (*.pdf)"): (
        "PDF-bestanden (*.pdf)"
    ),
    ("nl", "minami_desk.ui.kit.pdf_view", "PDF files (*.pdf)"): "PDF-bestanden (*.pdf)",
    # The kit's English catalogue lacked the correction every other date field's had.
    ("en", "minami_desk.ui.kit.date_field", "dd-mm-jjjj"): "dd-mm-yyyy",
    ("nl", "minami_desk.ui.referrals.referral_dialog", "Plan a follow-up"): "Opvolging plannen",
    (
        "nl",
        "minami_desk.ui.trajectories.pdf_pages",
        "The printer could not be started. Check that it is on.",
    ): "De printer kon niet worden gestart. Controleer of hij aanstaat.",
    (
        "nl",
        "minami_desk.ui.kit.resident_picker",
        "Type a few letters; Enter opens the first hit, the arrow keys move through the list",
    ): "Typ een paar letters; Enter opent de eerste treffer, met de pijltjestoetsen loop je door"
    " de lijst",
}


def _plural_ids() -> dict[str, str]:
    """The fixture keys a plural by its singular; ``ngettext`` needs the plural id too."""
    from babel.messages.pofile import read_po

    with open(TEMPLATE, "rb") as handle:
        return {m.id[0]: m.id[1] for m in read_po(handle) if isinstance(m.id, tuple)}


PLURAL_IDS = _plural_ids()


def _now(module: str, msgid: str, was: str | list[str]) -> str | list[str]:
    new_id = RENAMED.get(msgid, msgid)
    context = CONTEXTS.get((module, msgid))
    if isinstance(was, list):
        return [i18n.ngettext(new_id, PLURAL_IDS[new_id], count) for count in (1, 2)]
    if context is not None:
        return i18n.pgettext(context, new_id)
    return i18n._(new_id)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_module_msgid_translates_as_before(language: str) -> None:
    assert sum(len(found) for found in BEFORE[language].values()) > 1500
    changed = []
    try:
        i18n.set_language(language)
        for module, found in BEFORE[language].items():
            for msgid, was in found.items():
                expected = UNIFIED.get((language, module, msgid), was)
                now = _now(module, msgid, was)
                if now != expected:
                    changed.append((module, msgid, expected, now))
    finally:
        i18n.set_language("nl")
    assert changed == []


def test_the_plural_forms_are_checked_too() -> None:
    plurals = [k for found in BEFORE["nl"].values() for k, v in found.items() if type(v) is list]
    assert len(plurals) >= 10


def test_each_context_is_given_by_a_call_site() -> None:
    """The contexts above are the ones the source uses, so the comparison tests the real calls."""
    template = TEMPLATE.read_text(encoding="utf-8")
    for (_module, msgid), context in CONTEXTS.items():
        assert f'msgctxt "{context}"\nmsgid "{RENAMED.get(msgid, msgid)}"' in template


def test_one_msgid_two_screens_two_words() -> None:
    """The milestone template's "Aantal" column no longer shows as the audit log's "Nummer"."""
    i18n.set_language("nl")
    assert i18n.pgettext("count", "Number") == "Aantal"
    assert i18n._("Number") == "Nummer"
    assert i18n._("Due") == "Gepland"
    assert i18n.pgettext("follow-up", "Due") == "Opvolgen op"
