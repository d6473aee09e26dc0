"""The presentielijst: a sign-in sheet for one session, to put on a clipboard at the door.

Renders a plain ``AttendanceSheet``; the services fill it. Always Dutch (printed documents
are), A4 portrait, fonts embedded so every name prints as it is written.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
)

from minami_desk.documents.attendance_sheet import AttendanceSheet
from minami_desk.reports.output import write_atomically
from minami_desk.reports.page_numbers import numbered_canvas, page_label
from minami_desk.reports.pdf_common import (
    ACCENT,
    GREY,
    INK,
    RULE,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    TEAL,
    TEAL_LIGHT,
    draw_centre_header,
    fit_font_size,
    register_fonts,
    table_style,
)

if TYPE_CHECKING:
    from reportlab.platypus.tables import _TableCommand

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FOOTER_HEIGHT = 16 * mm
ROW_HEIGHT = 9.5 * mm  # room to sign
HEADER_ROW_HEIGHT = 7.5 * mm
MIN_WALK_IN_ROWS = 8
PRIVACY_LINE = (
    "Deze lijst bevat persoonsgegevens: laat hem niet rondslingeren, "
    "verwerk hem na afloop en vernietig hem daarna."
)
PHOTO_LINE = "Foto: ‘nee’ = geen toestemming voor foto's, niet fotograferen; leeg = eerst vragen."
# nr, naam, bewonersnummer, foto; the signature takes the rest
_COLUMNS = (11 * mm, 61 * mm, 19 * mm, 14 * mm)
_SIGNATURE = len(_COLUMNS)
_FIRST_BLOCK = 44 * mm  # centre header plus the session's details on page 1
_LATER_BLOCK = 27 * mm  # centre header plus one line on the following pages


def _page_number(canvas: Canvas, number: int, count: int) -> None:
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 8.5)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 2 * mm, page_label(number, count))


def _draw_footer(canvas: Canvas, sheet: AttendanceSheet) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, MARGIN + 3 * mm, PAGE_WIDTH - MARGIN, MARGIN + 3 * mm)
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 7.5)
    canvas.drawString(MARGIN, MARGIN + 5 * mm, PHOTO_LINE)
    canvas.setFont(SANS_ITALIC, 7.5)
    canvas.drawString(MARGIN, MARGIN - 2 * mm, PRIVACY_LINE)
    if sheet.printed_on:
        canvas.setFont(SANS, 7.5)
        canvas.drawString(MARGIN, MARGIN - 6 * mm, f"Afgedrukt op {sheet.printed_on}")


def _draw_first_page(canvas: Canvas, sheet: AttendanceSheet) -> None:
    width = PAGE_WIDTH - 2 * MARGIN
    y = draw_centre_header(canvas, sheet.centre, PAGE_WIDTH, PAGE_HEIGHT, MARGIN)
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 9)
    label = "PRESENTIELIJST"
    if sheet.kind:
        label += f"  ·  {sheet.kind.upper()}"
    canvas.drawString(MARGIN, y - 6 * mm, label)
    canvas.setFillColor(INK)
    size = fit_font_size(sheet.title, SANS_BOLD, 19, width)
    canvas.setFont(SANS_BOLD, size)
    canvas.drawString(MARGIN, y - 13.5 * mm, sheet.title)
    canvas.setFont(SANS_BOLD, 11)
    canvas.setFillColor(TEAL)
    canvas.drawString(MARGIN, y - 20 * mm, sheet.when)
    details = []
    if sheet.location:
        details.append(f"Locatie: {sheet.location}")
    if sheet.facilitator:
        details.append(f"Begeleiding: {sheet.facilitator}")
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 9.5)
    canvas.drawString(MARGIN, y - 25.5 * mm, "     ·     ".join(details))
    counts = f"Aangemeld: {len(sheet.people)}"
    if sheet.capacity:
        counts += f"  (plaatsen: {sheet.capacity})"
    canvas.setFont(SANS, 9.5)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y - 20 * mm, counts)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y - 25.5 * mm, "Aanwezig totaal: ______")
    if sheet.cancelled:
        canvas.setFillColor(ACCENT)
        canvas.setFont(SANS_BOLD, 11)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN, y - 13.5 * mm, "LET OP: DEZE BIJEENKOMST IS GEANNULEERD"
        )
    _draw_footer(canvas, sheet)


def _draw_later_page(canvas: Canvas, sheet: AttendanceSheet) -> None:
    y = draw_centre_header(canvas, sheet.centre, PAGE_WIDTH, PAGE_HEIGHT, MARGIN)
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, 10)
    line = f"Presentielijst {sheet.title} – {sheet.when} (vervolg)"
    canvas.setFont(SANS_BOLD, fit_font_size(line, SANS_BOLD, 10, PAGE_WIDTH - 2 * MARGIN))
    canvas.drawString(MARGIN, y - 6 * mm, line)
    _draw_footer(canvas, sheet)


def _frame_height(block: float) -> float:
    return PAGE_HEIGHT - 2 * MARGIN - block - FOOTER_HEIGHT


def _rows_per_page(block: float) -> int:
    # One point of slack so a full page never spills a row over by rounding.
    return int((_frame_height(block) - HEADER_ROW_HEIGHT - 1) // ROW_HEIGHT)


def walk_in_rows(people: int) -> int:
    """Blank rows for walk-ins: at least a few, and the last page filled to the bottom."""
    first, later = _rows_per_page(_FIRST_BLOCK), _rows_per_page(_LATER_BLOCK)
    used = people + 1 + MIN_WALK_IN_ROWS  # +1: the "Inloop" heading row
    if used <= first:
        return first - people - 1
    left_over = (used - first) % later
    return MIN_WALK_IN_ROWS + ((later - left_over) % later)


def _table(sheet: AttendanceSheet) -> Table:
    register_fonts()
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=10.5, leading=12.5, textColor=INK)
    number_style = ParagraphStyle("nr", parent=cell, textColor=GREY)
    head = ParagraphStyle(
        "head", parent=cell, fontName=SANS_BOLD, fontSize=9, textColor=colors.white
    )
    section = ParagraphStyle("section", parent=cell, fontName=SANS_BOLD, fontSize=9, textColor=TEAL)
    # "nee" stands out by its weight and a frame, not by colour alone (grey print).
    photo_yes = ParagraphStyle("photo_yes", parent=cell, fontSize=9.5, alignment=1)
    photo_no = ParagraphStyle("photo_no", parent=photo_yes, fontName=SANS_BOLD)
    data: list[list[object]] = [
        [
            Paragraph("Nr.", head),
            Paragraph("Naam", head),
            Paragraph("Bew.nr.", head),
            Paragraph("Foto", head),
            Paragraph("Handtekening", head),
        ]
    ]
    name_width = _COLUMNS[1] - 10  # minus the cell's padding
    for index, person in enumerate(sheet.people, start=1):
        # Long names shrink a little, then wrap onto a second line; they are never cut.
        size = max(8.5, fit_font_size(person.name, SANS, cell.fontSize, name_width))
        name_style = cell
        if size < cell.fontSize:
            name_style = ParagraphStyle("small", parent=cell, fontSize=size, leading=size * 1.15)
        data.append(
            [
                Paragraph(str(index), number_style),
                Paragraph(_escape(person.name), name_style),
                Paragraph(str(person.number), number_style),
                Paragraph("ja", photo_yes) if person.photos else Paragraph("nee", photo_no),
                "",
            ]
        )
    section_row = len(data)
    data.append(
        [Paragraph("Inloop – niet aangemeld (naam in blokletters)", section), "", "", "", ""]
    )
    blanks = walk_in_rows(len(sheet.people))
    for offset in range(blanks):
        data.append([Paragraph(str(len(sheet.people) + offset + 1), number_style), "", "", "", ""])
    signature = PAGE_WIDTH - 2 * MARGIN - sum(_COLUMNS)
    heights = [HEADER_ROW_HEIGHT] + [ROW_HEIGHT] * (len(data) - 1)
    table = Table(
        data, colWidths=[*_COLUMNS, signature], rowHeights=heights, repeatRows=1, hAlign="LEFT"
    )
    style: list[_TableCommand] = [
        ("BACKGROUND", (0, 0), (-1, 0), TEAL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
        ("LINEBEFORE", (3, 1), (_SIGNATURE, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, TEAL),
        ("SPAN", (0, section_row), (-1, section_row)),
        ("BACKGROUND", (0, section_row), (-1, section_row), TEAL_LIGHT),
        ("LINEABOVE", (0, section_row), (-1, section_row), 0.8, TEAL),
    ]
    for row in range(2, section_row, 2):
        style.append(("BACKGROUND", (0, row), (_SIGNATURE - 1, row), colors.HexColor("#F4F8F8")))
    for row, person in enumerate(sheet.people, start=1):
        if not person.photos:
            style.append(("BOX", (3, row), (3, row), 0.8, INK))
    table.setStyle(table_style(style))
    return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_attendance_sheet(sheet: AttendanceSheet, out: Path) -> Path:
    """Write the sheet to ``out`` in one step (no half file stays, readable by its owner only)."""
    register_fonts()
    out = Path(out)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Presentielijst {sheet.title}",
        author=sheet.centre.name,
        subject=sheet.when,
        initialFontName=SANS,
    )
    width = PAGE_WIDTH - 2 * MARGIN

    def frame(block: float, name: str) -> Frame:
        return Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT,
            width,
            _frame_height(block),
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    document.addPageTemplates(
        [
            PageTemplate(
                "first",
                [frame(_FIRST_BLOCK, "first")],
                onPage=lambda canvas, _doc: _draw_first_page(canvas, sheet),
            ),
            PageTemplate(
                "later",
                [frame(_LATER_BLOCK, "later")],
                onPage=lambda canvas, _doc: _draw_later_page(canvas, sheet),
            ),
        ]
    )
    document.build(
        [NextPageTemplate("later"), _table(sheet)], canvasmaker=numbered_canvas(_page_number)
    )
    write_atomically(out, buffer.getvalue())
    return out
