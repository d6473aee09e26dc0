"""One catalogue: complete, current, compiled fresh, and shipped without its sources."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from minami_desk import i18n, i18n_compile

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
assert _spec is not None and _spec.loader is not None
i18n_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_script)

FIELD = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}|%\([a-z_]+\)[rsd]|%[sd]")


def test_the_pot_is_current_and_every_msgid_is_translated_in_dutch() -> None:
    """Fails on a msgid missing from the .pot or nl.po, an empty or fuzzy msgstr, an obsolete."""
    assert i18n_script.problems() == []


def test_one_template_and_one_catalogue_per_language_no_english_one() -> None:
    sources = sorted(
        path.name for path in (ROOT / "translations").iterdir() if path.name != "compiled"
    )
    assert sources == ["minami_desk.pot", "nl.po"]
    assert not (ROOT / "resources" / "translations").exists()  # the old per-module catalogues


def test_translations_keep_the_msgid_fields() -> None:
    for message in i18n_script.messages(i18n_script.read(i18n_script.po_path("nl"), "nl")):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(FIELD.findall(ids[0]))
        for string in strings:
            assert sorted(FIELD.findall(string)) == wanted, message.id


def test_dutch_is_the_default_and_english_is_the_msgids() -> None:
    assert i18n.set_language(None) == "nl"
    assert i18n._("Today") == "Vandaag"
    try:
        i18n.set_language("en")
        assert i18n._("Today") == "Today"
        assert i18n.pgettext("count", "Number") == "Number"
        assert i18n.dutch("Today") == "Vandaag"  # print is Dutch whatever the screen says
    finally:
        i18n.set_language("nl")


def test_dutch_plural_forms_come_from_the_catalogue() -> None:
    catalogue = i18n_script.read(i18n_script.po_path("nl"), "nl")
    plural = next(m for m in i18n_script.messages(catalogue) if isinstance(m.id, tuple))
    singular, many = plural.id
    assert i18n.ngettext(singular, many, 1) == plural.string[0]
    assert i18n.ngettext(singular, many, 3) == plural.string[1]


def test_dutch_dates_and_numbers() -> None:
    from datetime import date

    assert i18n.format_date(date(2026, 11, 27), locale=i18n.PRINT_LOCALE) == "27 november 2026"
    assert i18n.format_month(2026, 11, locale="nl_NL") == "november 2026"
    assert i18n.format_number(1234.5, 1, locale="nl_NL") == "1.234,5"


_PO = """\
msgid ""
msgstr ""
"Language: nl\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Today"
msgstr "{today}"

#, fuzzy
msgid "Tomorrow"
msgstr "Gisteren"
"""


def test_a_changed_po_is_compiled_again_never_read_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gettext

    monkeypatch.setattr(i18n_compile, "CACHE_DIR", tmp_path / "compiled")
    po_file = tmp_path / "nl.po"

    def compiled_today() -> str:
        found = i18n_compile.fresh_mo(po_file, "nl")
        assert isinstance(found, Path)
        with open(found, "rb") as handle:
            catalogue = gettext.GNUTranslations(handle)
        assert catalogue.gettext("Tomorrow") == "Tomorrow"  # fuzzy is left out, as msgfmt does
        return catalogue.gettext("Today")

    po_file.write_text(_PO.format(today="Vandaag"), encoding="utf-8")
    assert compiled_today() == "Vandaag"
    po_file.write_text(_PO.format(today="Heden"), encoding="utf-8")
    assert compiled_today() == "Heden"
    assert len(list((tmp_path / "compiled").glob("nl-*.mo"))) == 1  # the old one is removed


def test_an_unwritable_cache_compiles_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(i18n_compile, "CACHE_DIR", blocker / "compiled")
    po_file = tmp_path / "nl.po"
    po_file.write_text(_PO.format(today="Vandaag"), encoding="utf-8")
    assert isinstance(i18n_compile.fresh_mo(po_file, "nl"), bytes)


@pytest.mark.slow
def test_the_wheel_ships_the_compiled_catalogue_and_not_its_sources(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("minami_desk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "minami_desk/resources/translations/nl.mo" in names
        assert not [name for name in names if name.endswith((".po", ".pot"))]
        assert not [name for name in names if "/compiled/" in name]
        mo = archive.read("minami_desk/resources/translations/nl.mo")
    po_data = i18n_script.po_path("nl").read_bytes()
    assert mo == i18n_compile.compile_po(po_data, "nl")
