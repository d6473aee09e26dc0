"""Writing a table to CSV (Dutch Excel flavour) or XLSX, safe against formula injection.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
formula by a spreadsheet; such text gets a leading apostrophe so it stays text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Numbers and dates pass as they are; text that looks like a formula is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | date | datetime):
        return value
    text = str(value)
    if text.startswith(_DANGEROUS):
        return "'" + text
    return text


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``rows`` under ``header`` as .csv (UTF-8, BOM, ';') or .xlsx; returns the row count.

    The file is written beside the target first and moved into place, so a failure never
    leaves half a file under the real name.
    """
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        if path.suffix.lower() == ".xlsx":
            count = _write_xlsx(partial, header, rows)
        else:
            count = _write_csv(partial, header, rows)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow([safe_cell(value) for value in header])
        for row in rows:
            writer.writerow([_csv_text(safe_cell(value)) for value in row])
            count += 1
    return count


def _csv_text(value: object) -> object:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([safe_cell(value) for value in header])
    count = 0
    for row in rows:
        cells = []
        for value in row:
            cell = safe_cell(value)
            if isinstance(cell, datetime) and cell.tzinfo is not None:
                cell = cell.replace(tzinfo=None)  # Excel has no time zones; values are local
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count
