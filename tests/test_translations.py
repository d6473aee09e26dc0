"""Every msgid has a Dutch translation, the compiled catalogs match, and fields agree."""

from __future__ import annotations

import importlib.util
import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo

from minami_desk import i18n

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
assert _spec is not None and _spec.loader is not None
i18n_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_script)

FIELD = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}|%\([a-z_]+\)[rsd]|%[sd]")


def test_every_msgid_has_a_dutch_translation() -> None:
    assert i18n_script.missing_dutch() == []


def _key(value: object) -> object:
    """Plural messages come back from a .mo file as lists, from a .po file as tuples."""
    return tuple(value) if isinstance(value, list | tuple) else value


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_catalogs_match_their_po_files(language: str) -> None:
    folder = ROOT / "resources" / "translations" / language
    for po_path in folder.glob("*.po"):
        catalog = i18n_script.read_catalog(po_path, language)
        fresh = BytesIO()
        write_mo(fresh, catalog, use_fuzzy=False)
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path.name} missing: run scripts/i18n.py compile"
        with open(mo_path, "rb") as handle:
            compiled = read_mo(handle)
        expected = {_key(m.id): _key(m.string) for m in catalog if m.id}
        found = {_key(m.id): _key(m.string) for m in compiled if m.id}
        assert found == expected, f"{mo_path.name} is stale: run scripts/i18n.py compile"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_translations_keep_the_msgid_fields(language: str) -> None:
    folder = ROOT / "resources" / "translations" / language
    for po_path in folder.glob("*.po"):
        for message in i18n_script.read_catalog(po_path, language):
            if not message.id or not message.string:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = sorted(FIELD.findall(ids[0]))
            for string in strings:
                assert sorted(FIELD.findall(string)) == wanted, (po_path.name, message.id)


def test_dutch_is_the_default_and_english_is_available() -> None:
    assert i18n.set_language(None) == "nl"
    assert i18n._("Today") == "Vandaag"
    i18n.set_language("en")
    assert i18n._("Today") == "Today"
    i18n.set_language("nl")


def test_dutch_dates_and_numbers() -> None:
    from datetime import date

    assert i18n.format_date(date(2026, 11, 27), locale=i18n.PRINT_LOCALE) == "27 november 2026"
    assert i18n.format_month(2026, 11, locale="nl_NL") == "november 2026"
    assert i18n.format_number(1234.5, 1, locale="nl_NL") == "1.234,5"
