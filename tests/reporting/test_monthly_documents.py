"""The PDF and the Excel file, read back: the month's name, every figure, no one's name."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from minami_desk.data.db import Database
from minami_desk.i18n import PRINT_LOCALE, format_number
from minami_desk.reports.monthly_pdf import render_monthly_pdf, write_monthly_pdf
from minami_desk.reports.monthly_xlsx import render_monthly_xlsx, write_monthly_xlsx
from minami_desk.services.actor import Actor
from minami_desk.services.reporting import (
    BreakdownRow,
    MonthlyReport,
    build_monthly_report,
    parse_period,
)
from tests.pdf_fonts import assert_every_font_embedded
from tests.reporting.conftest import MADE_AT
from tests.reporting.data import STORY_PSEUDONYM
from tests.reporting.independent import expected_figures
from tests.reporting.test_key_figures import LABELS


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(BytesIO(data))
    assert_every_font_embedded(reader)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text, len(reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def november(report_db: Database, admin: Actor) -> MonthlyReport:
    return build_monthly_report(report_db, admin, parse_period("2026-11"))


def test_pdf_holds_the_month_every_label_and_value(november: MonthlyReport) -> None:
    text, pages = pdf_text(render_monthly_pdf(november))
    words = flat(text)
    assert "Maandrapportage november 2026" in words
    assert "november 2026" in words
    for figure in november.figures:
        value = format_number(figure.value, figure.decimals, locale=PRINT_LOCALE)
        previous = format_number(figure.previous, figure.decimals, locale=PRINT_LOCALE)
        # The Kerncijfers row: label, this month, last month, …
        assert re.search(
            rf"{re.escape(figure.label)} {re.escape(value)} {re.escape(previous)}", words
        ), figure.label
    assert f"pagina 1 van {pages}" in words and f"pagina {pages} van {pages}" in words
    for title in ("Bijlage: wat telt mee", "Succesverhalen", "Verwijzingen per instantie"):
        assert title in words


def test_pdf_and_excel_hold_no_resident_name_phone_or_address(
    november: MonthlyReport, resident_names: set[str], report_db: Database
) -> None:
    text, _pages = pdf_text(render_monthly_pdf(november))
    workbook = load_workbook(BytesIO(render_monthly_xlsx(november)))
    cells = " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    connection = report_db.raw_connection()
    phones = [
        row[0] for row in connection.execute("SELECT phone FROM resident WHERE phone IS NOT NULL")
    ]
    postcodes = [
        row[0]
        for row in connection.execute("SELECT postcode FROM resident WHERE postcode IS NOT NULL")
    ]
    connection.close()
    assert resident_names and phones and postcodes
    for document in (flat(text), cells):
        for name in resident_names:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", document), name
        for value in [*phones, *postcodes]:
            assert value not in document
    # The anonymised story is there, under its pseudonym; the withdrawn one is not.
    assert STORY_PSEUDONYM in text and "Weer aan het werk" in text
    words = flat(text)
    assert f"{STORY_PSEUDONYM} vertelt" in words  # anonymised story
    assert "De deelnemer vertelt" in words  # the named one, printed without the name
    assert "Teruggetrokken" not in text and "Niet voor buiten" not in text


def test_excel_kerncijfers_sheet_matches_plain_sql(
    november: MonthlyReport, report_db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "november.xlsx"
    write_monthly_xlsx(november, target)
    sheet = load_workbook(target)["Kerncijfers"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert tuple(row[0] for row in rows) == LABELS
    connection = report_db.raw_connection()
    try:
        for column, period in (
            (1, november.period),
            (2, november.previous),
            (3, november.last_year),
        ):
            expected = expected_figures(connection, period.start, period.end, MADE_AT)
            assert {row[0]: row[column] for row in rows} == pytest.approx(expected)
    finally:
        connection.close()
    assert sheet["B1"].value == "november 2026"


def test_excel_has_a_sheet_per_breakdown_with_its_rows(
    november: MonthlyReport, tmp_path: Path
) -> None:
    target = tmp_path / "november.xlsx"
    write_monthly_xlsx(november, target)
    workbook = load_workbook(target)
    for breakdown in november.breakdowns:
        sheet = workbook[breakdown.title]
        assert tuple(cell.value for cell in sheet[1]) == breakdown.columns
        assert sheet.cell(row=2, column=1).value == (
            breakdown.rows[0].label if breakdown.rows else None
        )
        assert sheet["A1"].font.bold
    for name in ("Zelfbeoordeling", "Opkomst per week", "Succesverhalen", "Toelichting"):
        assert name in workbook.sheetnames
    stories = list(workbook["Succesverhalen"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in stories] == ["Weer aan het werk", "Samen koken"]
    assert stories[0][2] == STORY_PSEUDONYM and not stories[1][2]
    weekly = workbook["Opkomst per week"]
    total = sum(row[3] for row in weekly.iter_rows(min_row=2, values_only=True))
    assert total == november.figure("attendances").value


@pytest.mark.parametrize("code", ["2019-03", "2019-Q1", "2019"])
def test_a_period_without_data_still_renders(
    report_db: Database, admin: Actor, tmp_path: Path, code: str
) -> None:
    report = build_monthly_report(report_db, admin, parse_period(code))
    pdf, xlsx = tmp_path / "leeg.pdf", tmp_path / "leeg.xlsx"
    write_monthly_pdf(report, pdf)
    write_monthly_xlsx(report, xlsx)
    text, pages = pdf_text(pdf.read_bytes())
    words = flat(text)
    assert report.period.label in words
    assert "Geen gegevens in deze periode" in words  # the charts' empty state
    assert "Unieke deelnemers 0 0 0" in words
    assert pages >= 3
    values = [
        row[1:] for row in load_workbook(xlsx)["Kerncijfers"].iter_rows(min_row=2, values_only=True)
    ]
    assert all(value == 0 for row in values for value in row)


def test_quarter_and_year_have_their_own_titles(report_db: Database, admin: Actor) -> None:
    quarter = build_monthly_report(report_db, admin, parse_period("2026-Q4"))
    year = build_monthly_report(report_db, admin, parse_period("2026"))
    assert "Kwartaalrapportage 4e kwartaal 2026" in flat(pdf_text(render_monthly_pdf(quarter))[0])
    assert "Jaarrapportage 2026" in flat(pdf_text(render_monthly_pdf(year))[0])


def test_a_long_list_of_agencies_is_cut_in_the_pdf_not_in_excel(
    november: MonthlyReport,
) -> None:
    many = replace(
        november.breakdown("referrals_by_organisation"),
        rows=tuple(BreakdownRow(f"Instantie {number}", (30 - number,)) for number in range(20)),
    )
    report = replace(
        november,
        breakdowns=tuple(many if item.key == many.key else item for item in november.breakdowns),
    )
    words = flat(pdf_text(render_monthly_pdf(report))[0])
    assert "Instantie 11" in words and "Instantie 12 " not in words
    assert "Overige instanties (8) 116" in words  # 18 + 17 + … + 11
    sheet = load_workbook(BytesIO(render_monthly_xlsx(report)))["Verwijzingen per instantie"]
    assert sheet.max_row == 1 + 20 + 1  # header, every agency, total


def test_a_very_long_story_is_shortened_in_the_pdf_only(november: MonthlyReport) -> None:
    story = replace(november.stories[0], text="Elke week kwam ik terug. " * 600)
    report = replace(november, stories=(story,))
    words = flat(pdf_text(render_monthly_pdf(report))[0])
    assert "het hele verhaal staat in het Excel-bestand" in words
    sheet = load_workbook(BytesIO(render_monthly_xlsx(report)))["Succesverhalen"]
    assert sheet["D2"].value == story.text
