"""A msgid two modules translate differently: each module gets its own translation.

The catalogs are merged at start-up; without this, whichever module's file sorts last
decided, e.g. the milestone template's "Aantal" column showed as "Nummer".
"""

from __future__ import annotations

from minami_desk import i18n


def _as(module: str, expression: str) -> object:
    return eval(expression, {"_": i18n._, "ngettext": i18n.ngettext, "__name__": module})


def test_each_module_keeps_its_own_translation_of_a_shared_msgid() -> None:
    i18n.set_language("nl")
    assert _as("minami_desk.ui.trajectories.template_page", '_("Number")') == "Aantal"
    assert _as("minami_desk.ui.privacy.audit_log_page", '_("Number")') == "Nummer"
    assert _as("minami_desk.ui.trajectories.page", '_("Due")') == "Gepland"
    assert _as("minami_desk.ui.desk.contacts_panel", '_("Due")') == "Opvolgen op"


def test_a_module_without_its_own_translation_gets_the_shared_one() -> None:
    i18n.set_language("nl")
    assert _as("somewhere.else", '_("Number")') in ("Nummer", "Aantal")
    assert _as("somewhere.else", '_("Cancel")') == "Annuleren"
    assert i18n._("Cancel") == "Annuleren"


def test_english_is_unaffected() -> None:
    try:
        i18n.set_language("en")
        assert _as("minami_desk.ui.trajectories.template_page", '_("Number")') == "Number"
    finally:
        i18n.set_language("nl")
