"""Styles and table builders of the monthly report: one look for every table in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import parse_pattern
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from minami_desk.documents.monthly_report import Breakdown
from minami_desk.i18n import PRINT_LOCALE
from minami_desk.reports.pdf_common import (
    GREY,
    INK,
    RULE,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SERIF_BOLD,
    TEAL,
    TEAL_LIGHT,
    table_style,
)

if TYPE_CHECKING:
    from reportlab.platypus.tables import _TableCommand

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
ZEBRA = colors.HexColor("#F4F8F8")
BAND = colors.Color(14 / 255, 110 / 255, 110 / 255, alpha=0.07)  # teal, see-through on zebra

TITLE = ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=24, leading=29, textColor=INK)
SUBTITLE = ParagraphStyle(
    "subtitle",
    fontName=SANS,
    fontSize=10,
    leading=14,
    textColor=GREY,
    spaceBefore=4,
    spaceAfter=12,
)
HEADING = ParagraphStyle(
    "heading",
    fontName=SANS_BOLD,
    fontSize=14,
    leading=18,
    textColor=TEAL,
    spaceBefore=14,
    spaceAfter=6,
    keepWithNext=True,
)
SUBHEADING = ParagraphStyle(
    "subheading",
    fontName=SANS_BOLD,
    fontSize=10.5,
    leading=14,
    textColor=INK,
    spaceBefore=8,
    spaceAfter=4,
    keepWithNext=True,
)
BODY = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=14, textColor=INK)
NOTE = ParagraphStyle(
    "note", fontName=SANS_ITALIC, fontSize=8, leading=11, textColor=GREY, spaceBefore=3
)
CELL = ParagraphStyle("cell", fontName=SANS, fontSize=8.8, leading=11.5, textColor=INK)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=SANS_BOLD)
HEAD = ParagraphStyle("head", parent=CELL, fontName=SANS_BOLD, textColor=TEAL, alignment=TA_LEFT)
HEAD_RIGHT = ParagraphStyle("head_right", parent=HEAD, alignment=TA_RIGHT)
TILE_NUMBER = ParagraphStyle(
    "tile_number", fontName=SANS_BOLD, fontSize=22, leading=26, textColor=TEAL
)
TILE_LABEL = ParagraphStyle(
    "tile_label", fontName=SANS_BOLD, fontSize=8.5, leading=11, textColor=INK
)
TILE_CHANGE = ParagraphStyle("tile_change", fontName=SANS, fontSize=7.5, leading=10, textColor=GREY)
STORY_TITLE = ParagraphStyle(
    "story_title", fontName=SERIF_BOLD, fontSize=11, leading=14, textColor=INK, spaceBefore=8
)
STORY_META = ParagraphStyle("story_meta", parent=NOTE, spaceBefore=0, spaceAfter=3)
STORY_TEXT = ParagraphStyle("story_text", parent=BODY)


_DUTCH = Locale.parse(PRINT_LOCALE)
_PATTERNS = {decimals: parse_pattern("#,##0." + "0" * decimals) for decimals in (1, 2)}
_PATTERNS[0] = parse_pattern("#,##0")


def number(value: float, decimals: int = 0) -> str:
    """Dutch notation, "1.234,5": what ``i18n.format_number`` gives for ``PRINT_LOCALE``,
    with the locale and patterns parsed once (a report formats hundreds of numbers)."""
    formatted: str = _PATTERNS[decimals].apply(value, _DUTCH)
    return formatted


def difference(value: float, before: float, decimals: int = 0) -> str:
    """ "+3", "–2" or "0" (an en dash as minus: the embedded fonts lack U+2212)."""
    change = round(value - before, decimals)
    if change == 0:
        return "0"
    sign = "+" if change > 0 else "–"
    return sign + number(abs(change), decimals)


def escape(text: str) -> str:
    """Paragraphs read a little HTML: stored text must not be taken for markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    total: Sequence[str] | None = None,
    bold_column: int | None = None,
    text_columns: int = 1,
) -> Table:
    """The first ``text_columns`` left, number columns right; zebra rows, a teal header,
    a bold total, and the ``bold_column`` (the period's values) on a tinted band."""
    data: list[list[Paragraph | str]] = [
        [
            Paragraph(escape(text), HEAD if index < text_columns else HEAD_RIGHT)
            for index, text in enumerate(header)
        ]
    ]
    # Labels are paragraphs (they may wrap); numbers are plain strings, styled per column,
    # which reportlab lays out far faster than a paragraph per cell.
    body = [*rows, *([total] if total is not None else [])]
    for row in body:
        data.append(
            [
                Paragraph(escape(text), CELL) if index < text_columns else text
                for index, text in enumerate(row)
            ]
        )
    if total is not None:
        data[-1][:text_columns] = [
            Paragraph(escape(text), CELL_BOLD) for text in total[:text_columns]
        ]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style: list[_TableCommand] = [
        ("BACKGROUND", (0, 0), (-1, 0), TEAL_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, TEAL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (text_columns, 1), (-1, -1), SANS),
        ("FONTSIZE", (text_columns, 1), (-1, -1), CELL.fontSize),
        ("TEXTCOLOR", (text_columns, 1), (-1, -1), INK),
        ("ALIGN", (text_columns, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    for index in range(1, len(rows) + 1):
        if index % 2 == 0:
            style.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    if bold_column is not None:
        style.append(("BACKGROUND", (bold_column, 1), (bold_column, -1), BAND))
        style.append(("FONTNAME", (bold_column, 1), (bold_column, -1), SANS_BOLD))
    if total is not None:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        style.append(("FONTNAME", (text_columns, -1), (-1, -1), SANS_BOLD))
    style.append(("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE))
    table.setStyle(table_style(style))
    return table


def breakdown_table(breakdown: Breakdown, width: float, label_share: float = 0.55) -> Table:
    numbers = len(breakdown.columns) - 1
    label_width = width * label_share if numbers > 1 else width * 0.68
    widths = [label_width] + [(width - label_width) / numbers] * numbers

    def cells(values: Sequence[float]) -> list[str]:
        return [number(value, breakdown.decimals_of(i)) for i, value in enumerate(values)]

    rows = [[row.label, *cells(row.values)] for row in breakdown.rows]
    if not rows:
        rows = [["Geen in deze periode", *["–"] * numbers]]
    total = [breakdown.total.label, *cells(breakdown.total.values)] if breakdown.total else None
    return grid_table(breakdown.columns, rows, widths, total)
