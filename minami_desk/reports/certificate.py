"""The certificate for the ceremony: A4 landscape, one page per participant, worth framing.

The frame, the centre's name and the logo are the same on every page, so they are drawn once
as a form and placed on each page; a batch of a hundred stays small and quick. The name is the
largest line and shrinks to fit, never cut, so "Marie-Louise van den Heuvel-Tjon A Fong" and
"Kwabena Ɔwusu" both print whole in the embedded Noto fonts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from minami_desk.documents.certificate import CertificatePage
from minami_desk.documents.wording import dutch_date, period_text
from minami_desk.reports.output import write_atomically
from minami_desk.reports.pdf_common import (
    ACCENT,
    GREY,
    INK,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    TEAL,
    TEAL_LIGHT,
    CentreInfo,
    draw_logo,
    fit_font_size,
    register_fonts,
)

PAGE = landscape(A4)
_FRAME_FORM = "certificate-frame"


def place_and_date(place: str, when: date) -> str:
    return f"{place}, {dutch_date(when)}" if place else dutch_date(when)


def _spaced(text: str) -> str:
    """Letter-spaced capitals for the small headings, as engraved on a diploma."""
    return " ".join(text.upper())


def _diamond(canvas: Canvas, x: float, y: float, size: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_frame(canvas: Canvas, centre: CentreInfo) -> None:
    """The border, logo, centre name and the word "Certificaat": the same on every page."""
    width, height = PAGE
    outer = 10 * mm
    inner = outer + 4 * mm
    # A light ribbon between a strong outer line and a fine inner one.
    canvas.setFillColor(TEAL_LIGHT)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner, stroke=0, fill=1)
    canvas.setStrokeColor(TEAL)
    canvas.setLineWidth(2.2)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    canvas.setLineWidth(0.8)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    canvas.setFillColor(ACCENT)
    middle = (outer + inner) / 2
    for x in (middle, width - middle):
        for y in (middle, height - middle):
            _diamond(canvas, x, y, 1.8 * mm)

    logo_height = 18 * mm
    logo_width = logo_height * 560 / 320
    draw_logo(canvas, centre, (width - logo_width) / 2, height - 41 * mm, logo_height)
    canvas.setFillColor(TEAL)
    canvas.setFont(SANS_BOLD, 9.5)
    canvas.drawCentredString(width / 2, height - 48 * mm, _spaced(centre.name))

    title_y = height - 68 * mm
    canvas.setFillColor(TEAL)
    canvas.setFont(SERIF_BOLD, 42)
    canvas.drawCentredString(width / 2, title_y, "Certificaat")
    half = pdfmetrics.stringWidth("Certificaat", SERIF_BOLD, 42) / 2
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.9)
    canvas.setFillColor(ACCENT)
    line_y = title_y + 5 * mm
    for sign in (-1, 1):
        near = width / 2 + sign * (half + 8 * mm)
        far = width / 2 + sign * (half + 48 * mm)
        canvas.line(near, line_y, far, line_y)
        _diamond(canvas, far + sign * 2 * mm, line_y, 1.4 * mm)


def _signature(canvas: Canvas, x_centre: float, y: float, name: str, role: str) -> None:
    half = 38 * mm
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.6)
    canvas.line(x_centre - half, y, x_centre + half, y)
    canvas.setFillColor(INK)
    size = fit_font_size(name, SERIF, 11.5, 2 * half) if name else 11.5
    canvas.setFont(SERIF, size)
    if name:
        canvas.drawCentredString(x_centre, y - 5.5 * mm, name)
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 8.5)
    canvas.drawCentredString(x_centre, y - 10 * mm, role)


_TEXT_STYLE = ParagraphStyle(
    "certificate-text",
    fontName=SERIF,
    fontSize=13.5,
    leading=19,
    alignment=TA_CENTER,
    textColor=INK,
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _draw_page(canvas: Canvas, page: CertificatePage) -> None:
    width, height = PAGE
    canvas.doForm(_FRAME_FORM)
    canvas.setFillColor(GREY)
    canvas.setFont(SERIF_ITALIC, 13)
    canvas.drawCentredString(width / 2, height - 83 * mm, "Hierbij verklaren wij dat")

    name_width = width - 80 * mm
    size = fit_font_size(page.full_name, SERIF_BOLD, 36, name_width, min_size=8)
    canvas.setFillColor(INK)
    canvas.setFont(SERIF_BOLD, size)
    name_y = height - 101 * mm
    canvas.drawCentredString(width / 2, name_y, page.full_name)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.9)
    rule = max(
        45 * mm, min(name_width, pdfmetrics.stringWidth(page.full_name, SERIF_BOLD, size)) / 2
    )
    canvas.line(width / 2 - rule, name_y - 5 * mm, width / 2 + rule, name_y - 5 * mm)

    paragraph = Paragraph(_escape(page.text), _TEXT_STYLE)
    text_width = width - 90 * mm
    _, text_height = paragraph.wrap(text_width, 40 * mm)
    paragraph.drawOn(canvas, 45 * mm, name_y - 12 * mm - text_height)

    below = name_y - 12 * mm - text_height - 10 * mm
    canvas.setFillColor(INK)
    canvas.setFont(SERIF_ITALIC, 12.5)
    canvas.drawCentredString(width / 2, below, period_text(page.start_date, page.end_date))
    canvas.setFont(SERIF, 12.5)
    canvas.drawCentredString(
        width / 2, below - 8 * mm, place_and_date(page.place, page.ceremony_date)
    )

    signature_y = 42 * mm
    _signature(canvas, 82 * mm, signature_y, page.coach_name, "Begeleider")
    _signature(canvas, width - 82 * mm, signature_y, page.coordinator_name, "Coördinator")

    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 8)
    canvas.drawCentredString(width / 2, 21 * mm, f"Certificaatnummer {page.number}")


def render_certificates(
    pages: Sequence[CertificatePage], centre: CentreInfo, out: Path | BinaryIO
) -> None:
    """One PDF, one landscape A4 page per certificate, in the order given."""
    register_fonts()
    target = str(out) if isinstance(out, Path) else out
    canvas = Canvas(
        target,
        pagesize=PAGE,
        pageCompression=1,
        initialFontName=SERIF,  # type: ignore[arg-type]  # the stub says float: wrong
        initialFontSize=12,
    )
    canvas.setTitle("Certificaten" if len(pages) != 1 else f"Certificaat {pages[0].number}")
    canvas.setAuthor(centre.name)
    canvas.setCreator("Mi na Mi Desk")
    canvas.beginForm(_FRAME_FORM)
    _draw_frame(canvas, centre)
    canvas.endForm()
    for page in pages:
        _draw_page(canvas, page)
        canvas.showPage()
    canvas.save()


__all__ = [
    "CertificatePage",
    "period_text",
    "place_and_date",
    "render_certificates",
    "write_certificates_pdf",
]


def write_certificates_pdf(
    pages: Sequence[CertificatePage], centre: CentreInfo, path: Path
) -> None:
    """Render in memory and move the whole file into place: never half a file."""
    buffer = io.BytesIO()
    render_certificates(pages, centre, buffer)
    write_atomically(Path(path), buffer.getvalue())
