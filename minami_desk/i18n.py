"""Translations (gettext) and Dutch formatting of dates and numbers (babel).

Message ids are English and English is the msgids themselves; Dutch is the default language.
There is one translation domain, ``minami_desk``: every string of every module is extracted
into ``translations/minami_desk.pot`` and translated once in ``translations/nl.po``, so ``_()``
is a plain lookup in one catalogue. Where one English word needs two Dutch translations ("Due"
is "Gepland" for a milestone, "Opvolgen op" for a desk contact; "&Save" needs another mnemonic
in a dialog where Alt+O is taken) the call site says so with ``pgettext(context, msgid)``.
``scripts/i18n.py`` extracts, updates and checks the catalogue; how the ``.mo`` is compiled
so that it can't go stale is told in ``minami_desk.i18n_compile``.

Printed documents are always Dutch, whatever the interface language: use ``PRINT_LOCALE`` for
dates and numbers and ``dutch()`` / ``dutch_p()`` for words, which read the same catalogue.
"""

from __future__ import annotations

import gettext as _gettext
from datetime import date, datetime
from decimal import Decimal

from minami_desk.config import resource_path
from minami_desk.i18n_compile import fresh_mo, source_po

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
PRINT_LANGUAGE = "nl"
PRINT_LOCALE = "nl_NL"
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}

_loaded: dict[str, _gettext.NullTranslations] = {}
_language = DEFAULT_LANGUAGE


def _catalogue(language: str) -> _gettext.NullTranslations:
    """The language's one catalogue, read once per process; English needs none."""
    found = _loaded.get(language)
    if found is not None:
        return found
    if language == "en":
        found = _gettext.NullTranslations()
    else:
        source = source_po(language)
        compiled = (
            fresh_mo(source, language)
            if source is not None
            else resource_path("translations", f"{language}.mo")
        )
        if isinstance(compiled, bytes):
            from io import BytesIO

            found = _gettext.GNUTranslations(BytesIO(compiled))
        else:
            with open(compiled, "rb") as handle:
                found = _gettext.GNUTranslations(handle)
    _loaded[language] = found
    return found


_active = _catalogue(DEFAULT_LANGUAGE)


def set_language(language: str | None) -> str:
    """Switch the interface language; unknown languages fall back to Dutch."""
    global _active, _language
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _active = _catalogue(chosen)
    _language = chosen
    return chosen


def current_language() -> str:
    return _language


def ui_locale() -> str:
    return _LOCALES[_language]


def _(message: str) -> str:
    """Translate ``message``; an untranslated message shows its English id."""
    return _active.gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` as translated where ``context`` says it is used."""
    return _active.pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a module-level constant for extraction; translate it with ``_()`` where it is shown."""
    return message


def dutch(message: str) -> str:
    """``message`` in Dutch whatever the interface language: for printed documents."""
    return _catalogue(PRINT_LANGUAGE).gettext(message)


def dutch_p(context: str, message: str) -> str:
    return _catalogue(PRINT_LANGUAGE).pgettext(context, message)


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
