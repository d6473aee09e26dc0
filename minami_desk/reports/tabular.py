"""Writing a table to CSV or XLSX, safe to open in a spreadsheet.

Every export of the program goes through ``write_table`` so that formula injection is
neutralised in one place: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be run as a formula by Excel or LibreOffice, so it gets a leading
apostrophe (the spreadsheet convention for "this is text").

An XLSX cell is typed, so only what Excel would run gets the apostrophe there: text starting
with ``=`` always, and ``+``, ``-`` or ``@`` unless the text is a plain number or phone number
("+31 6 1234 5678", "-2,5"), which a coordinator wants to read back as written.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from minami_desk import clock
from minami_desk.documents.table import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SIGN_STARTS = ("+", "-", "@")
_PLAIN_NUMBER_OR_PHONE = re.compile(r"[+-]?[0-9][0-9 ().,/-]*")


def neutralise(value: str) -> str:
    """Text a spreadsheet shows as it is, never as a formula."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_for_xlsx(value: str) -> str:
    """Text an XLSX cell holds as it is: quoted only where Excel would start a formula."""
    if value.startswith("="):
        return "'" + value
    if value.startswith(_SIGN_STARTS) and not _PLAIN_NUMBER_OR_PHONE.fullmatch(value):
        return "'" + value
    return value


def _amsterdam(moment: datetime) -> datetime:
    """An instant as the desk's wall clock shows it, whatever zone it was handed in."""
    return clock.local(moment) if moment.tzinfo is not None else moment


def cell_text(value: Cell) -> str:
    """How a cell reads in a CSV file: Dutch-style dates (dd-mm-jjjj), text neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _amsterdam(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return str(value)
    return neutralise(str(value))


def _xlsx_value(value: Cell) -> object:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime):
        return _amsterdam(value).replace(tzinfo=None)  # Excel has no zones: Amsterdam time
    if isinstance(value, date):
        return value
    return neutralise_for_xlsx(str(value))


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write ``header`` and ``rows`` as CSV (``;``, UTF-8 with BOM) or XLSX, by the suffix.

    The file appears whole or not at all (a temporary file replaces it at the end).
    Returns the number of data rows written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"unsupported table suffix {suffix!r}")
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=path.parent)
    os.close(handle)
    try:
        if suffix == ".csv":
            count = _write_csv(Path(temporary), header, rows)
        else:
            count = _write_xlsx(Path(temporary), header, rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    count = 0
    # Excel recognises UTF-8 only with a BOM; ';' is what Dutch Excel expects.
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(name) for name in header])
        for row in rows:
            writer.writerow([cell_text(value) for value in row])
            count += 1
        stream.flush()
        os.fsync(stream.fileno())
    return count


def _write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.append([neutralise_for_xlsx(name) for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    widths = [len(name) for name in header]
    for row in rows:
        values = [_xlsx_value(value) for value in row]
        sheet.append(values)
        for index, value in enumerate(values):
            if isinstance(value, date):
                sheet.cell(row=count + 2, column=index + 1).number_format = (
                    "DD-MM-YYYY HH:MM" if isinstance(value, datetime) else "DD-MM-YYYY"
                )
            if index < len(widths):
                widths[index] = max(widths[index], min(len(str(value or "")), 50))
        count += 1
    for index, width in enumerate(widths):
        sheet.column_dimensions[_column_letter(index + 1)].width = width + 2
    sheet.freeze_panes = "A2"
    workbook.save(path)
    return count


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
