"""The monthly report as an Excel workbook, for the municipality's own sums.

Sheet "Kerncijfers": column A the labels exactly as printed, B the period, C the previous
period, D the same period a year earlier. Then one sheet per breakdown, the outcomes, the
weekly attendances and the definitions. Numbers are real numbers, never text.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from minami_desk.documents.monthly_report import Breakdown, MonthlyReport
from minami_desk.reports.output import write_atomically

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0E6E6E")
TITLE_FONT = Font(bold=True, size=13, color="0E6E6E")
TOTAL_FONT = Font(bold=True)
TOTAL_BORDER = Border(top=Side(style="thin", color="1F2A30"))
WRAP = Alignment(wrap_text=True, vertical="top")


def _number_format(decimals: int) -> str:
    return "#,##0" if decimals == 0 else "#,##0." + "0" * decimals


def _header(sheet: Worksheet, row: int, titles: Sequence[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=column, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="left" if column == 1 else "right", vertical="center")


def _widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def _key_figures(sheet: Worksheet, report: MonthlyReport) -> None:
    sheet.title = "Kerncijfers"
    _header(
        sheet,
        1,
        ("Kerncijfer", report.period.label, report.previous.label, report.last_year.label),
    )
    for row, figure in enumerate(report.figures, start=2):
        sheet.cell(row=row, column=1, value=figure.label)
        for column, value in enumerate((figure.value, figure.previous, figure.last_year), 2):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.number_format = _number_format(figure.decimals)
    sheet.freeze_panes = "B2"
    _widths(sheet, (38, 18, 18, 18))


def _breakdown(sheet: Worksheet, breakdown: Breakdown) -> None:
    _header(sheet, 1, breakdown.columns)
    rows = list(breakdown.rows)
    if breakdown.total is not None:
        rows.append(breakdown.total)
    for index, item in enumerate(rows, start=2):
        sheet.cell(row=index, column=1, value=item.label)
        for column, value in enumerate(item.values, start=2):
            cell = sheet.cell(row=index, column=column, value=value)
            cell.number_format = _number_format(breakdown.decimals_of(column - 2))
    if breakdown.total is not None:
        last = len(rows) + 1
        for column in range(1, len(breakdown.columns) + 1):
            total_cell = sheet.cell(row=last, column=column)
            total_cell.font = TOTAL_FONT
            total_cell.border = TOTAL_BORDER
    if breakdown.note:
        sheet.cell(row=len(rows) + 3, column=1, value=breakdown.note).font = Font(italic=True)
    sheet.freeze_panes = "A2"
    _widths(sheet, (36, *[18] * (len(breakdown.columns) - 1)))


def _outcomes(sheet: Worksheet, report: MonthlyReport) -> None:
    sheet.title = "Zelfbeoordeling"
    _header(sheet, 1, ("Doel", "Deelnemers", "Bij de start", "Aan het eind", "Verschil"))
    for row, item in enumerate(report.outcomes, start=2):
        values = (item.participants, item.intake, item.final, item.change)
        sheet.cell(row=row, column=1, value=item.label)
        for column, value in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=column, value=round(value, 2))
            cell.number_format = _number_format(0 if column == 2 else 1)
    sheet.freeze_panes = "A2"
    _widths(sheet, (36, 14, 14, 14, 14))


def _weeks(sheet: Worksheet, report: MonthlyReport) -> None:
    sheet.title = "Opkomst per week"
    _header(sheet, 1, ("Week", "Week begint op", "Bijeenkomsten", "Aanwezigheden"))
    for row, week in enumerate(report.weeks, start=2):
        sheet.cell(row=row, column=1, value=week.week_number)
        day = sheet.cell(row=row, column=2, value=week.week_start)
        day.number_format = "DD-MM-YYYY"
        sheet.cell(row=row, column=3, value=week.sessions)
        sheet.cell(row=row, column=4, value=week.attendances)
    sheet.freeze_panes = "A2"
    _widths(sheet, (10, 16, 16, 16))


def _stories(sheet: Worksheet, report: MonthlyReport) -> None:
    sheet.title = "Succesverhalen"
    _header(sheet, 1, ("Datum", "Titel", "Schuilnaam", "Verhaal"))
    for row, item in enumerate(report.stories, start=2):
        day = sheet.cell(row=row, column=1, value=item.story_date)
        day.number_format = "DD-MM-YYYY"
        day.alignment = WRAP
        for column, value in enumerate((item.title, item.display_name, item.text), start=2):
            sheet.cell(row=row, column=column, value=value).alignment = WRAP
    sheet.freeze_panes = "A2"
    _widths(sheet, (12, 30, 16, 80))


def _definitions(sheet: Worksheet, report: MonthlyReport) -> None:
    sheet.title = "Toelichting"
    _header(sheet, 1, ("Kerncijfer", "Wat telt mee"))
    for row, figure in enumerate(report.figures, start=2):
        sheet.cell(row=row, column=1, value=figure.label).alignment = WRAP
        sheet.cell(row=row, column=2, value=figure.definition).alignment = WRAP
    after = len(report.figures) + 3
    sheet.cell(
        row=after,
        column=1,
        value="Deze rapportage bevat geen namen, telefoonnummers of adressen van bewoners.",
    ).font = Font(italic=True)
    _widths(sheet, (34, 90))


def render_monthly_xlsx(report: MonthlyReport) -> bytes:
    workbook = Workbook()
    first = workbook.active
    if not isinstance(first, Worksheet):  # a new workbook starts with one worksheet
        raise RuntimeError("openpyxl's new workbook has no worksheet")
    _key_figures(first, report)
    for breakdown in report.breakdowns:
        _breakdown(workbook.create_sheet(breakdown.title[:31]), breakdown)
    _outcomes(workbook.create_sheet(), report)
    _weeks(workbook.create_sheet(), report)
    _stories(workbook.create_sheet(), report)
    _definitions(workbook.create_sheet(), report)
    workbook.properties.title = f"Rapportage {report.period.label}"
    workbook.properties.creator = report.centre.name
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_monthly_xlsx(report: MonthlyReport, path: Path) -> None:
    write_atomically(path, render_monthly_xlsx(report))
