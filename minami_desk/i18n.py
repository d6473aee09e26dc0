"""Translations (gettext) and Dutch formatting of dates and numbers (babel).

Message ids are English; Dutch is the default language. Catalogs are kept per source module
(``resources/translations/<lang>/<module>.po``) so that people working on different sections
never edit the same file; at start-up every compiled ``.mo`` of the language is merged into
one catalog. When two modules translate the same msgid differently ("Number": "Nummer" in the
audit log, "Aantal" in the milestone template; "&Save" with the mnemonic where each dialog has
room for it), the calling module's own translation wins. ``scripts/i18n.py`` extracts and
compiles them with babel.

Printed documents are always Dutch, whatever the interface language: use ``PRINT_LOCALE``.
"""

from __future__ import annotations

import gettext as _gettext
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from minami_desk.config import resource_path

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
PRINT_LOCALE = "nl_NL"
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}

_catalog: dict[object, str] = {}
# Only for msgids that modules translate differently: module name -> its own translations.
_own: dict[str, dict[object, str]] = {}
_differing: set[object] = set()
_Loaded = tuple[dict[object, str], set[object], dict[str, dict[object, str]]]
_loaded: dict[str, _Loaded] = {}
_plural = _gettext.c2py("n != 1")
_language = DEFAULT_LANGUAGE


def translations_dir(language: str) -> Path:
    return resource_path("translations", language)


def _module_catalogs(language: str) -> dict[str, dict[object, str]]:
    catalogs: dict[str, dict[object, str]] = {}
    folder = translations_dir(language)
    if not folder.is_dir():
        return catalogs
    for mo_file in sorted(folder.glob("*.mo")):
        with open(mo_file, "rb") as handle:
            found = dict(_gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]  # no public list
        found.pop("", None)  # the catalog header
        catalogs[mo_file.stem] = found
    return catalogs


def load_catalog(language: str) -> dict[object, str]:
    """Merge every compiled module catalog of ``language`` into one lookup table."""
    merged: dict[object, str] = {}
    for found in _module_catalogs(language).values():
        merged.update(found)
    return merged


def _load(language: str) -> _Loaded:
    catalogs = _module_catalogs(language)
    merged: dict[object, str] = {}
    differing: set[object] = set()
    for found in catalogs.values():
        for key, value in found.items():
            if key in merged and merged[key] != value:
                differing.add(key)
            merged[key] = value
    own = {
        module: {key: found[key] for key in differing if key in found}
        for module, found in catalogs.items()
    }
    return merged, differing, {module: found for module, found in own.items() if found}


def _lookup(key: object, depth: int = 2) -> str | None:
    if key in _differing:
        caller = sys._getframe(depth).f_globals.get("__name__", "")
        own = _own.get(caller)
        if own is not None and key in own:
            return own[key]
    return _catalog.get(key)


def set_language(language: str | None) -> str:
    """Switch the interface language; unknown languages fall back to Dutch."""
    global _catalog, _differing, _own, _language
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if chosen not in _loaded:
        # ~260 catalogs: parsed once per process (the start used to parse them twice).
        _loaded[chosen] = _load(chosen)
    _catalog, _differing, _own = _loaded[chosen]
    _language = chosen
    return chosen


def current_language() -> str:
    return _language


def ui_locale() -> str:
    return _LOCALES[_language]


def _(message: str) -> str:
    """Translate ``message``; an untranslated message shows its English id."""
    return _lookup(message, 2) or message


def ngettext(singular: str, plural: str, count: int) -> str:
    index = int(_plural(count))
    found = _lookup((singular, index), 2)
    if found:
        return found
    return singular if count == 1 else plural


def N_(message: str) -> str:
    """Mark a module-level constant for extraction; translate it with ``_()`` where it is shown."""
    return message


def format_date(value: date, style: str = "long", locale: str | None = None) -> str:
    """ "27 november 2026" for ``long``; ``full`` adds the weekday."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=style, locale=locale or ui_locale())


def format_datetime(value: datetime, style: str = "medium", locale: str | None = None) -> str:
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(value, format=style, locale=locale or ui_locale())


def format_time(value: datetime, locale: str | None = None) -> str:
    """Always 24-hour "19:00", as the centre writes times."""
    from babel.dates import format_time as babel_format_time

    return babel_format_time(value, format="HH:mm", locale=locale or ui_locale())


def format_month(year: int, month: int, locale: str | None = None) -> str:
    """ "november 2026"."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(date(year, month, 1), format="LLLL yyyy", locale=locale or ui_locale())


def format_number(
    value: int | float | Decimal, decimals: int | None = None, locale: str | None = None
) -> str:
    """Dutch grouping and decimal comma: 1.234,5."""
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale=locale or ui_locale())
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=locale or ui_locale())


set_language(DEFAULT_LANGUAGE)
