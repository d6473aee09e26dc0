"""What every printed page shares: embedded fonts, colours, the centre's header, Dutch dates.

Printed documents are always Dutch, whatever the interface language, so this module writes
Dutch directly and formats dates with ``PRINT_LOCALE``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import TableStyle

from minami_desk.config import resource_path
from minami_desk.documents.centre import CentreInfo
from minami_desk.reports.output import write_atomically

__all__ = ["CentreInfo"]  # re-exported: it moved to a module without reportlab

if TYPE_CHECKING:
    from reportlab.platypus import Flowable
    from reportlab.platypus.tables import _TableCommand

SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
SANS_ITALIC = "NotoSans-Italic"
SERIF = "NotoSerif"
SERIF_BOLD = "NotoSerif-Bold"
SERIF_ITALIC = "NotoSerif-Italic"

_FONT_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf",
    SERIF: "NotoSerif-Regular.ttf",
    SERIF_BOLD: "NotoSerif-Bold.ttf",
    SERIF_ITALIC: "NotoSerif-Italic.ttf",
}

# The centre's palette: a warm deep teal with an orange accent, readable in greyscale print.
INK = colors.HexColor("#1F2A30")
TEAL = colors.HexColor("#0E6E6E")
TEAL_LIGHT = colors.HexColor("#DCEFEE")
ACCENT = colors.HexColor("#E07A1F")
GREY = colors.HexColor("#6B7780")
RULE = colors.HexColor("#C9D3D8")

FOOTER_Y = 10 * mm  # the baseline of the footer line, above the bottom edge

_registered = False


def register_fonts() -> None:
    """Register the Noto fonts once; reportlab embeds the glyphs each PDF uses."""
    global _registered
    if _registered:
        return
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC)
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC)
    _registered = True


def table_style(commands: Sequence[_TableCommand]) -> TableStyle:
    """A table style whose cells default to our Noto font, not reportlab's Helvetica.

    reportlab sets a cell's font even for an empty cell, so a table without this names a
    Helvetica it never embeds, and the PDF then looks different on every reader's PC.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands])


def fit_font_size(
    text: str, font: str, max_size: float, max_width: float, min_size: float = 6
) -> float:
    """The largest size up to ``max_size`` at which ``text`` fits ``max_width`` (never cut)."""
    size = max_size
    while size > min_size and pdfmetrics.stringWidth(text, font, size) > max_width:
        size -= 0.5
    return size


def draw_logo(canvas: Canvas, centre: CentreInfo, x: float, y: float, height: float) -> float:
    """Draw the logo with its bottom-left at (x, y); returns the width it took."""
    from reportlab.lib.utils import ImageReader

    logo = centre.logo
    if not logo.is_file():
        return 0.0
    image = ImageReader(str(logo))
    width_px, height_px = image.getSize()
    width = height * width_px / height_px
    canvas.drawImage(image, x, y, width=width, height=height, mask="auto")
    return width


def draw_centre_header(
    canvas: Canvas,
    centre: CentreInfo,
    page_width: float,
    page_height: float,
    margin: float = 18 * mm,
) -> float:
    """Logo, centre name and contact line across the top; returns the y below it."""
    register_fonts()
    top = page_height - margin
    logo_height = 14 * mm
    used = draw_logo(canvas, centre, margin, top - logo_height, logo_height)
    text_x = margin + used + (4 * mm if used else 0)
    canvas.setFillColor(TEAL)
    canvas.setFont(SANS_BOLD, 15)
    canvas.drawString(text_x, top - 6 * mm, centre.name)
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 8.5)
    if centre.contact_line:
        canvas.drawString(text_x, top - 11 * mm, centre.contact_line)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    line_y = top - logo_height - 3 * mm
    canvas.line(margin, line_y, page_width - margin, line_y)
    canvas.setFillColor(INK)
    return line_y


def draw_footer(
    canvas: Canvas, page_width: float, margin: float, text: str, page: int | None = None
) -> None:
    """The small grey line at the foot of a page: what the document is, and its page number."""
    canvas.setFont(SANS, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawString(margin, FOOTER_Y, text)
    if page is not None:
        canvas.drawRightString(page_width - margin, FOOTER_Y, f"Pagina {page}")


def build_centre_document(
    path: Path,
    story: list[Flowable],
    centre: CentreInfo,
    *,
    title: str,
    footer: str,
    margin: float,
    header_room: float,
    bottom_margin: float,
    subject: str = "",
    numbered: bool = False,
    band: bool = False,
) -> None:
    """An A4 document of flowing text: the centre's header on every page and ``footer`` at
    its foot (with "Pagina N" when ``numbered``; ``band`` adds the teal strip at the edge).

    ``header_room`` is the space under the top margin that the centre's header takes.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    width, height = A4

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        draw_centre_header(canvas, centre, width, height, margin)
        draw_footer(canvas, width, margin, footer, document.page if numbered else None)
        if band:
            canvas.setFillColor(TEAL_LIGHT)
            canvas.rect(0, 0, width, 4 * mm, stroke=0, fill=1)
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin + header_room,
        bottomMargin=bottom_margin,
        title=title,
        author=centre.name,
        subject=subject,
        initialFontName=SANS,
    )
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    write_atomically(path, buffer.getvalue())
