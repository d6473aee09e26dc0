"""PDF and XLSX rendering from the plain data in ``minami_desk.documents``. No database, no Qt.

This module is the one entry services use to have a document written; each renderer (and
reportlab or openpyxl behind it) is imported only when that document is made, which keeps
the window's start light. (The names are verbs so they never collide with the submodules.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minami_desk.documents.attendance_sheet import AttendanceSheet
    from minami_desk.documents.person_export import PersonExport
    from minami_desk.documents.table import Cell


def write_attendance_sheet(sheet: AttendanceSheet, out: Path) -> Path:
    from minami_desk.reports.attendance_sheet import render_attendance_sheet

    return render_attendance_sheet(sheet, out)


def write_person_export(export: PersonExport, pdf_path: Path, json_path: Path) -> None:
    """The readable PDF and the machine-readable JSON of one person's data."""
    from minami_desk.reports.output import write_atomically
    from minami_desk.reports.person_export_pdf import render_person_export

    render_person_export(export, pdf_path)
    write_atomically(json_path, export.to_json().encode("utf-8"))


def write_table_file(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """A CSV or XLSX file (by its suffix); the number of data rows written."""
    from minami_desk.reports.tabular import write_table

    return write_table(path, header, rows)
