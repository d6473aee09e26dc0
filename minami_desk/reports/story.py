"""One success story on one A4 page, for the wall of the centre or the newsletter.

The page renders a ``StoryForPrint``, which only exists for stories that may be shared; the
name on it is the one the consent allows (the real name, or the pseudonym with a note saying
so). The text is set as large as still fits one page, so a short story reads from across the
room and a long one stays on a single sheet.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from minami_desk.documents.story import StoryForPrint
from minami_desk.documents.wording import dutch_date
from minami_desk.errors import UserError
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
    draw_centre_header,
    register_fonts,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 22 * mm
TEXT_LEFT = MARGIN + 14 * mm  # room for the large opening quote mark
BODY_SIZES = (16.0, 15.0, 14.0, 13.0, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5)
TITLE_SIZES = (30.0, 27.0, 24.0, 21.0, 19.0, 17.0)
FOOTER_HEIGHT = 16 * mm


class StoryDoesNotFitError(UserError):
    """Longer than a page at the smallest readable size; the service's limit prevents it."""

    def __init__(self) -> None:
        super().__init__("Het verhaal past niet op één pagina. Maak het korter.")


def _curly_quotes(text: str) -> str:
    """Typewriter quotes as typeset ones: "zo" becomes “zo”, it's becomes it’s."""
    result = []
    opening = True
    for index, char in enumerate(text):
        if char == '"':
            result.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif char == "'":
            before = text[index - 1] if index else " "
            result.append("\u2018" if before.isspace() or before in "([" else "\u2019")
        else:
            result.append(char)
    return "".join(result)


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single line break stays a line break."""
    text = _curly_quotes(text.replace("\r\n", "\n"))
    blocks = [block.strip() for block in text.split("\n\n")]
    return [
        "<br/>".join(escape(line.strip()) for line in block.split("\n"))
        for block in blocks
        if block
    ]


def _body_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(
        "story",
        fontName=SERIF,
        fontSize=size,
        leading=size * 1.55,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=size * 0.7,
    )


def _title_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(
        "title", fontName=SERIF_BOLD, fontSize=size, leading=size * 1.18, textColor=TEAL
    )


def _layout(
    blocks: list[str], size: float, width: float
) -> tuple[list[tuple[Paragraph, float]], float]:
    style = _body_style(size)
    placed = []
    total = 0.0
    for index, block in enumerate(blocks):
        paragraph = Paragraph(block, style)
        _w, height = paragraph.wrap(width, PAGE_HEIGHT)
        gap = style.spaceAfter if index < len(blocks) - 1 else 0.0
        placed.append((paragraph, height))
        total += height + gap
    return placed, total


def _fit_body(
    blocks: list[str], width: float, available: float
) -> tuple[float, list[tuple[Paragraph, float]], float]:
    """The largest body size that fits; many short lines may run on as one paragraph."""
    for candidate in (blocks, [" ".join(block.replace("<br/>", " ") for block in blocks)]):
        for size in BODY_SIZES:
            placed, total = _layout(candidate, size, width)
            if total <= available:
                return size, placed, total
    raise StoryDoesNotFitError()


def _fit_title(title: str, width: float) -> tuple[Paragraph, float]:
    """The largest size at which the title takes at most three lines, its lines balanced."""
    for size in TITLE_SIZES:
        style = _title_style(size)
        paragraph = Paragraph(escape(title), style)
        _w, height = paragraph.wrap(width, PAGE_HEIGHT)
        if height <= style.leading * 3 + 1 or size == TITLE_SIZES[-1]:
            break
    # Narrow the measure as far as the line count allows, so "doen" does not hang alone.
    narrow, wide = width * 0.5, width
    while wide - narrow > 2:
        middle = (narrow + wide) / 2
        _w, trial = Paragraph(escape(title), style).wrap(middle, PAGE_HEIGHT)
        if trial > height + 0.5:
            narrow = middle
        else:
            wide = middle
    paragraph = Paragraph(escape(title), style)
    _w, height = paragraph.wrap(wide, PAGE_HEIGHT)
    return paragraph, height


def _draw_footer(canvas: Canvas, centre: CentreInfo, story: StoryForPrint) -> None:
    canvas.setFillColor(TEAL_LIGHT)
    canvas.rect(0, 0, PAGE_WIDTH, FOOTER_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, FOOTER_HEIGHT, PAGE_WIDTH, 1.2 * mm, stroke=0, fill=1)
    canvas.setFillColor(TEAL)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawString(MARGIN, FOOTER_HEIGHT / 2 - 1.5 * mm, centre.name)
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 8.5)
    note = "Gedeeld met toestemming"
    if story.anonymised:
        note += " · de naam is gefingeerd om de privacy te beschermen"
    canvas.drawRightString(PAGE_WIDTH - MARGIN, FOOTER_HEIGHT / 2 - 1.5 * mm, note)


def _draw(canvas: Canvas, story: StoryForPrint, centre: CentreInfo) -> None:
    register_fonts()
    canvas.setTitle(story.title)
    canvas.setAuthor(centre.name)
    canvas.setSubject("Succesverhaal")
    top = draw_centre_header(canvas, centre, PAGE_WIDTH, PAGE_HEIGHT, margin=MARGIN)
    width = PAGE_WIDTH - MARGIN - TEXT_LEFT

    label_height = 5 * mm
    title, title_height = _fit_title(_curly_quotes(story.title), width)
    rule_gap = 6 * mm + 11 * mm
    signature_height = 10 * mm + 6.5 * mm
    space_top = top - 14 * mm
    space_bottom = FOOTER_HEIGHT + 16 * mm
    available = space_top - space_bottom - label_height - title_height - rule_gap
    available -= signature_height
    size, placed, total = _fit_body(_paragraphs(story.text), width, available)

    # What space is left goes above and below in equal parts, a little higher than the middle.
    spare = available - total
    y = space_top - spare * 0.4

    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(TEXT_LEFT, y, "SUCCESVERHAAL", charSpace=2.2)
    y -= label_height
    title.drawOn(canvas, TEXT_LEFT, y - title_height)
    y -= title_height + 6 * mm
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.2)
    canvas.line(TEXT_LEFT, y, TEXT_LEFT + 22 * mm, y)
    y -= 11 * mm

    canvas.setFillColor(TEAL_LIGHT)
    canvas.setFont(SERIF_BOLD, 110)
    canvas.drawString(MARGIN - 3 * mm, y - 26 * mm, "\u201c")

    style = _body_style(size)
    for index, (paragraph, height) in enumerate(placed):
        paragraph.drawOn(canvas, TEXT_LEFT, y - height)
        y -= height + (style.spaceAfter if index < len(placed) - 1 else 0)

    y -= 10 * mm
    canvas.setFillColor(TEAL)
    canvas.setFont(SERIF_ITALIC, 15)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y, f"\u2014 {story.display_name}")
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 10)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y - 6.5 * mm, dutch_date(story.date))

    _draw_footer(canvas, centre, story)


def render_story_pdf(story: StoryForPrint, centre: CentreInfo) -> bytes:
    """The one-page PDF as bytes."""
    if not story.display_name.strip():
        raise ValueError("a shareable story always has a name or a pseudonym")
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=SANS)  # type: ignore[arg-type]  # the stub says float: wrong
    _draw(canvas, story, centre)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_story_pdf(story: StoryForPrint, centre: CentreInfo, path: Path) -> Path:
    """Write the page atomically: a half-written PDF never replaces a good one."""
    data = render_story_pdf(story, centre)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
    return path
