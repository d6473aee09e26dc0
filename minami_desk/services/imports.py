"""Importing residents from CSV (as Dutch Excel writes it, or UTF-8) and XLSX.

A dry run reports, per data row (1 = the first row under the header), what is wrong and
which rows look like people already registered. The real import is all-or-nothing: one
faulty row and nothing is stored. Rows that are clearly the same person as an existing
resident (or as an earlier row) are skipped, not stored twice.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Resident
from minami_desk.errors import UserError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.duplicates import (
    REASON_LABELS,
    SAME_PERSON,
    find_duplicates_in,
    name_key,
)
from minami_desk.services.registration import (
    CleanResident,
    ResidentInput,
    apply_clean,
    clean_resident,
    is_under_guardian_age,
    next_number,
)
from minami_desk.services.residents import index_resident
from minami_desk.services.text import fold

# Header words (folded) → ResidentInput field. Dutch and English, with common variants.
HEADERS = {
    "voornaam": "first_name",
    "voornamen": "first_name",
    "first name": "first_name",
    "firstname": "first_name",
    "given name": "first_name",
    "tussenvoegsel": "infix",
    "tussenvoegsels": "infix",
    "infix": "infix",
    "prefix": "infix",
    "achternaam": "last_name",
    "last name": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "family name": "last_name",
    "geboortedatum": "birth_date",
    "date of birth": "birth_date",
    "birth date": "birth_date",
    "birthdate": "birth_date",
    "dob": "birth_date",
    "telefoon": "phone",
    "telefoonnummer": "phone",
    "mobiel": "phone",
    "phone": "phone",
    "phone number": "phone",
    "telephone": "phone",
    "mobile": "phone",
    "e mail": "email",
    "email": "email",
    "e mailadres": "email",
    "emailadres": "email",
    "email address": "email",
    "postcode": "postcode",
    "postal code": "postcode",
    "zip": "postcode",
    "zip code": "postcode",
    "wijk": "wijk",
    "buurt": "wijk",
    "neighbourhood": "wijk",
    "neighborhood": "wijk",
    "district": "wijk",
    "notitie": "note",
    "opmerking": "note",
    "opmerkingen": "note",
    "note": "note",
    "notes": "note",
    "talen": "languages",
    "languages": "languages",
    "geslacht": "gender",
    "gender": "gender",
    "ingeschreven op": "registered_on",
    "registered on": "registered_on",
    "bewonersnummer": "number",
    "resident number": "number",
}
FORBIDDEN = {"bsn", "burgerservicenummer", "sofinummer", "sofi nummer", "citizen service number"}
_GENDERS = {
    "v": "female",
    "vrouw": "female",
    "f": "female",
    "female": "female",
    "m": "male",
    "man": "male",
    "male": "male",
    "x": "other",
    "anders": "other",
    "other": "other",
    "zeg ik liever niet": "undisclosed",
    "prefer not to say": "undisclosed",
}
MAX_ROWS = 20000


@dataclass
class RowReport:
    row: int  # 1 = the first data row under the header
    errors: dict[str, str] = field(default_factory=dict)  # field → Dutch message
    duplicate_of: str = ""  # "resident:<number>" or "row:<n>"
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: int = 0
    faulty: list[RowReport] = field(default_factory=list)
    duplicates: list[RowReport] = field(default_factory=list)
    warnings: list[RowReport] = field(default_factory=list)
    imported: int = 0
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.faulty

    @property
    def valid_rows(self) -> int:
        return self.rows - len(self.faulty)


def report_lines(report: ImportReport) -> list[str]:
    """The report as the desk reads it: per row number what is wrong or who it looks like."""
    lines: list[str] = []
    for row in report.faulty:
        lines.extend(
            _("Row {row}: {message}").format(row=row.row, message=message)
            for message in row.errors.values()
        )
    for row in report.duplicates:
        kind, _sep, other = row.duplicate_of.partition(":")
        if kind == "row":
            text = _("Row {row}: looks like the same person as row {other}; skipped.")
        else:
            text = _("Row {row}: looks like existing resident number {other}; skipped.")
        lines.append(text.format(row=row.row, other=other))
    for row in report.warnings:
        lines.extend(
            _("Row {row}: {message}").format(row=row.row, message=message)
            for message in row.warnings
        )
    return lines


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) when it is valid UTF-8, else Windows-1252 as Excel writes.

    Excel's "Unicode-tekst" is UTF-16 (little-endian, with a BOM, tab-separated); a file
    without BOM whose every other byte is zero is taken as UTF-16 too.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(raw, "utf-16")
    sample = raw[:200]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and not sample[0::2].count(0):
        return _decode_utf16(raw, "utf-16-le")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _decode_utf16(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        raise UserError(_("This file cannot be read as text.")) from None


def read_table(path: Path) -> list[list[str]]:
    """All rows of a CSV or XLSX file as text cells, the header first."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix not in (".csv", ".txt"):
        raise UserError(_("Choose a .csv or .xlsx file."))
    text = _decode(path.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise UserError(_("This Excel file cannot be read.")) from None
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append([_xlsx_text(value) for value in values])
    workbook.close()
    return rows


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def map_header(header: list[str]) -> dict[int, str]:
    """Column index → field; a BSN column is refused with the reason."""
    mapping: dict[int, str] = {}
    for index, name in enumerate(header):
        key = fold(name.replace("-", " ").replace("_", " "))
        if key in FORBIDDEN or key.replace(" ", "") in FORBIDDEN:
            raise UserError(
                _(
                    "The file has a BSN column. Mi na Mi Desk never stores citizen service "
                    "numbers: the centre does not need them and the law (AVG) forbids keeping "
                    "more than needed. Delete that column and import again."
                )
            )
        if key in HEADERS and HEADERS[key] not in mapping.values():
            mapping[index] = HEADERS[key]
    missing = {"first_name", "last_name"} - set(mapping.values())
    if missing:
        raise UserError(
            _(
                "The first row must name the columns; at least first name and last name "
                "(Voornaam, Achternaam) are needed."
            )
        )
    return mapping


def parse_date(text: str) -> date | None:
    """dd-mm-jjjj (also with / or .) and ISO jjjj-mm-dd; ``ValueError`` for a bad date."""
    cleaned = text.strip()
    if not cleaned:
        return None
    for separator in ("-", "/", "."):
        parts = cleaned.split(separator)
        if len(parts) == 3 and all(part.isdigit() for part in parts):
            if len(parts[0]) == 4:
                year, month, day = parts
            elif len(parts[2]) == 4:
                day, month, year = parts
            else:
                break
            return date(int(year), int(month), int(day))
    raise ValueError(cleaned)


def _row_input(cells: dict[str, str], errors: dict[str, str]) -> ResidentInput:
    data = ResidentInput(
        first_name=cells.get("first_name", ""),
        infix=cells.get("infix", ""),
        last_name=cells.get("last_name", ""),
        phone=cells.get("phone", ""),
        email=cells.get("email", ""),
        postcode=cells.get("postcode", ""),
        wijk=cells.get("wijk", ""),
        languages=cells.get("languages", ""),
        note=cells.get("note", ""),
    )
    for name in ("birth_date", "registered_on"):
        try:
            setattr(data, name, parse_date(cells.get(name, "")))
        except ValueError:
            errors[name] = _("This date does not exist or is not written as dd-mm-yyyy.")
    gender = fold(cells.get("gender", ""))
    if gender:
        if gender in _GENDERS:
            data.gender = _GENDERS[gender]
        else:
            errors["gender"] = _("Unknown gender (use v, m, x or leave it empty).")
    return data


def _compare_with_residents(session: Session, clean: CleanResident, row: RowReport) -> None:
    """The same name (and birth date) as a resident: skipped. Only a shared phone or a close
    spelling: imported, with a warning (a mother and her son often share one phone)."""
    for match in find_duplicates_in(
        session,
        clean.first_name,
        clean.infix,
        clean.last_name,
        clean.birth_date,
        clean.phone_digits,
    ):
        if match.reason in SAME_PERSON:
            row.duplicate_of = f"resident:{match.number}"
            return
        row.warnings.append(
            _("Looks like resident number {number} ({reason}); imported all the same.").format(
                number=match.number, reason=_(REASON_LABELS[match.reason])
            )
        )


def _has_text(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def import_residents(
    db: Database,
    actor: Actor,
    path: Path,
    dry_run: bool = True,
    progress: Callable[[float], None] | None = None,
) -> ImportReport:
    """Check every row, and unless ``dry_run`` store all valid rows in one transaction."""
    actor.require(Permission.IMPORT_EXPORT)
    if not dry_run:
        actor.require(Permission.REGISTER_RESIDENTS)
    table = read_table(Path(path))
    while table and not _has_text(table[0]):
        table.pop(0)
    if not table:
        raise UserError(_("The file is empty."))
    mapping = map_header(table[0])
    body = table[1:]
    while body and not _has_text(body[-1]):
        body.pop()
    if len(body) > MAX_ROWS:
        raise UserError(_("The file has more than {count} rows.").format(count=MAX_ROWS))
    # A row with no text in any cell (";;;;;;;", left by Excel) is no resident: skip it, but
    # keep the numbering of the other rows as the file has it.
    report = ImportReport(rows=sum(1 for raw in body if _has_text(raw)), dry_run=dry_run)
    today = clock.today()
    seen: dict[tuple[str, date | None], int] = {}
    # A dry run only reads; the real import holds the write lock for one transaction.
    with db.read_session() if dry_run else db.session() as session:
        start_number = next_number(session)
        for index, raw in enumerate(body, start=1):
            if progress and index % 50 == 0:
                progress(index / max(1, len(body)))
            if not _has_text(raw):
                continue
            row = RowReport(row=index)
            cells = {name: raw[col].strip() for col, name in mapping.items() if col < len(raw)}
            data = _row_input(cells, row.errors)
            try:
                clean = clean_resident(data, session)
            except ValidationError as error:
                for name, message in error.errors.items():
                    row.errors.setdefault(name, message)
                clean = None
            if row.errors or clean is None:
                report.faulty.append(row)
                continue
            key = (name_key(clean.first_name, clean.infix, clean.last_name), clean.birth_date)
            earlier = seen.setdefault(key, index)
            if earlier != index:
                row.duplicate_of = f"row:{earlier}"
            else:
                _compare_with_residents(session, clean, row)
            if row.duplicate_of:
                report.duplicates.append(row)
                continue
            if is_under_guardian_age(clean.birth_date, clean.age_group, today):
                row.warnings.append(
                    _("Under 16: record a parent's or guardian's consent on the resident page.")
                )
            if row.warnings:
                report.warnings.append(row)
            if dry_run:
                continue
            resident = Resident(number=start_number + report.imported, first_name="", last_name="")
            apply_clean(resident, clean)
            index_resident(resident)
            session.add(resident)
            report.imported += 1
        if dry_run:
            return report
        if report.faulty:
            session.rollback()
            report.imported = 0
            return report
        record(session, actor, "imported", "resident", None, f"rows:{report.imported}")
    if progress:
        progress(1.0)
    return report
