"""How documents write dates and periods: always Dutch, whatever the interface language.

Services put these words into a document's data (a certificate's period, a sheet's date) and
renderers print them; both take them from here so screen, print and export agree.
"""

from __future__ import annotations

from datetime import date

from minami_desk.i18n import PRINT_LOCALE, format_date


def dutch_date(value: date, style: str = "long") -> str:
    """ "27 november 2026"; ``full`` gives "vrijdag 27 november 2026"."""
    return format_date(value, style, locale=PRINT_LOCALE)


def period_text(start: date, end: date) -> str:
    return f"van {dutch_date(start)} tot en met {dutch_date(end)}"
