"""The monthly report as an A4 PDF: cover figures, charts, breakdowns, stories, definitions.

Renders a ``MonthlyReport`` (plain data from ``services.reporting``); it never touches the
database and prints no resident's name, phone number or address.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from minami_desk.documents.monthly_report import MonthlyReport
from minami_desk.documents.periods import Period
from minami_desk.documents.wording import dutch_date
from minami_desk.reports import monthly_sections as sections
from minami_desk.reports.monthly_layout import MARGIN, PAGE_HEIGHT, PAGE_WIDTH, WIDTH
from minami_desk.reports.output import write_atomically
from minami_desk.reports.page_numbers import numbered_canvas, page_label
from minami_desk.reports.pdf_common import (
    GREY,
    RULE,
    SANS,
    SANS_BOLD,
    TEAL,
    draw_centre_header,
    register_fonts,
)

FIRST_TOP = 40 * mm  # room for the centre's header
LATER_TOP = 24 * mm
BOTTOM = 20 * mm
_TITLES = {"month": "Maandrapportage", "quarter": "Kwartaalrapportage", "year": "Jaarrapportage"}


def report_title(period: Period) -> str:
    """ "Maandrapportage november 2026", "Kwartaalrapportage 4e kwartaal 2026", …"""
    return f"{_TITLES[period.kind]} {period.label}"


def render_monthly_pdf(report: MonthlyReport) -> bytes:
    register_fonts()
    buffer = BytesIO()
    title = report_title(report.period)
    centre = report.centre
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=report.centre.name,
        subject="Rapportage voor bestuur en gemeente",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=LATER_TOP,
        bottomMargin=BOTTOM,
        initialFontName=SANS,
    )

    def first_page(canvas: Canvas, _doc: object) -> None:
        draw_centre_header(canvas, centre, PAGE_WIDTH, PAGE_HEIGHT, MARGIN)

    def later_page(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(TEAL)
        canvas.drawString(MARGIN, PAGE_HEIGHT - 13 * mm, report.centre.name)
        canvas.setFont(SANS, 8.5)
        canvas.setFillColor(GREY)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 13 * mm, title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, PAGE_HEIGHT - 15.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 15.5 * mm)
        canvas.restoreState()

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(GREY)
        made = f"{title} · opgemaakt op {dutch_date(report.made_on)}"
        canvas.drawString(MARGIN, 9 * mm, made)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, page_label(page, pages))
        canvas.restoreState()

    first_frame = Frame(
        MARGIN, BOTTOM, WIDTH, PAGE_HEIGHT - FIRST_TOP - BOTTOM, id="first", showBoundary=0
    )
    later_frame = Frame(
        MARGIN, BOTTOM, WIDTH, PAGE_HEIGHT - LATER_TOP - BOTTOM, id="later", showBoundary=0
    )
    document.addPageTemplates(
        [
            PageTemplate("first", [first_frame], onPage=first_page),
            PageTemplate("later", [later_frame], onPage=later_page),
        ]
    )
    story: list[Flowable] = [NextPageTemplate("later")]
    story += sections.cover(report, title)
    story += sections.participation(report)
    story += sections.contacts_and_referrals(report)
    story += sections.outcomes(report)
    story += sections.stories(report)
    story += sections.appendix(report)
    document.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


def write_monthly_pdf(report: MonthlyReport, path: Path) -> None:
    write_atomically(path, render_monthly_pdf(report))
