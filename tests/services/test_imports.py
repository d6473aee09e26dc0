"""Importing residents: the Dutch Excel sample, the Unicode sample, XLSX, all-or-nothing."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import delete, func, select

from minami_desk import clock
from minami_desk.data.models import Resident
from minami_desk.errors import PermissionDeniedError, UserError
from minami_desk.services.actor import Actor
from minami_desk.services.duplicates import name_key
from minami_desk.services.exports_residents import HEADER, export_residents
from minami_desk.services.imports import import_residents, parse_date
from minami_desk.services.residents import find_residents
from tests.services.desk_helpers import register

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture(autouse=True)
def _fixed_day() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0))


def resident_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Resident)) or 0


def test_dutch_excel_dry_run_reports_exactly_the_faulty_rows(db, staff_actor: Actor) -> None:
    expected = json.loads((SAMPLES / "residents-excel-nl.expected.json").read_text())
    report = import_residents(db, staff_actor, SAMPLES / "residents-excel-nl.csv", dry_run=True)
    assert report.rows == expected["data_rows"]
    assert {str(row.row) for row in report.faulty} == set(expected["faulty_rows"])
    assert report.valid_rows == expected["valid_rows"]
    assert {str(row.row): row.duplicate_of for row in report.duplicates} == {"31": "row:30"}
    fields = {row.row: set(row.errors) for row in report.faulty}
    assert fields == {
        4: {"last_name"},
        8: {"birth_date"},
        12: {"birth_date"},
        16: {"postcode"},
        20: {"phone"},
        24: {"email"},
    }
    assert "toekomst" in report.faulty[2].errors["birth_date"]
    assert resident_count(db) == 0
    # The real import refuses the whole file while faulty rows remain.
    real = import_residents(db, staff_actor, SAMPLES / "residents-excel-nl.csv", dry_run=False)
    assert not real.ok and real.imported == 0 and resident_count(db) == 0


def test_dutch_excel_without_its_faulty_rows_imports(db, staff_actor: Actor, tmp_path) -> None:
    expected = json.loads((SAMPLES / "residents-excel-nl.expected.json").read_text())
    lines = (SAMPLES / "residents-excel-nl.csv").read_bytes().split(b"\r\n")
    faulty = {int(row) for row in expected["faulty_rows"]}
    kept = [line for index, line in enumerate(lines) if index not in faulty]
    cleaned = tmp_path / "schoon.csv"
    cleaned.write_bytes(b"\r\n".join(kept))
    report = import_residents(db, staff_actor, cleaned, dry_run=False)
    assert report.ok and report.imported == expected["valid_rows"] - 1  # row 31 skipped
    formula = find_residents(db, staff_actor, "naomi soekhai")
    assert len(formula) == 1
    hits = find_residents(db, staff_actor, "muller")
    assert [hit.full_name for hit in hits] == ["Dewi Müller"]
    # Importing the same file again: everyone is already known, nobody is added twice.
    again = import_residents(db, staff_actor, cleaned, dry_run=True)
    assert len(again.duplicates) == again.rows


def test_formula_note_imports_as_text_and_exports_neutralised(db, staff_actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "f.csv"
    source.write_text(
        'Voornaam;Achternaam;Notitie\nNaomi;=cmd|" /C calc"!A0;=HYPERLINK("x")\n', encoding="utf-8"
    )
    assert import_residents(db, staff_actor, source, dry_run=False).imported == 1
    out = tmp_path / "uit.csv"
    export_residents(db, staff_actor, out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == list(HEADER)
    assert rows[1][3] == '\'=cmd|" /C calc"!A0'


def test_unicode_sample_utf8_bom_english_headers(db, staff_actor: Actor) -> None:
    report = import_residents(db, staff_actor, SAMPLES / "residents-unicode.csv", dry_run=False)
    assert report.ok and report.imported == 6
    for query, name in [
        ("owusu", "Kwabena Ɔwusu"),
        ("nguyen", "Thị Mai Nguyễn"),
        ("sukru ozturk", "Şükrü Öztürk"),
        ("adebayo", "Ọlá Adébáyọ̀"),
        ("wasowska", "Łucja Wąsowska"),
        ("heuvel van den", "Marie-Louise van den Heuvel-Tjon A Fong"),
    ]:
        assert [hit.full_name for hit in find_residents(db, staff_actor, query)] == [name]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(
            [["Voornaam", "Achternaam", "Geboortedatum", "Telefoon"], *rows]
        )


def test_failure_on_row_180_of_200_changes_nothing(db, staff_actor: Actor, tmp_path) -> None:
    existing = register(db, staff_actor, "Rajesh", "Frankel")
    rows = [[f"Voornaam{n:03d}", f"Achternaam{n:03d}", "01-02-1980", ""] for n in range(200)]
    rows[179][2] = "30-02-1980"
    path = tmp_path / "groot.csv"
    _write_csv(path, rows)
    report = import_residents(db, staff_actor, path, dry_run=False)
    assert [row.row for row in report.faulty] == [180]
    assert report.imported == 0 and resident_count(db) == 1
    assert [hit.id for hit in find_residents(db, staff_actor, "")] == [existing]
    rows[179][2] = "29-02-1980"
    _write_csv(path, rows)
    assert import_residents(db, staff_actor, path, dry_run=False).imported == 200
    assert resident_count(db) == 201


def test_xlsx_with_real_dates(db, staff_actor: Actor, tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["First name", "Last name", "Date of birth", "Phone", "Postcode"])
    sheet.append(["Kwame", "Boateng", datetime(1988, 5, 17), 612345678, "1104ab"])
    path = tmp_path / "lijst.xlsx"
    workbook.save(path)
    report = import_residents(db, staff_actor, path, dry_run=False)
    assert report.ok and report.imported == 1
    hit = find_residents(db, staff_actor, "kwame")[0]
    assert str(hit.birth_date) == "1988-05-17" and hit.postcode == "1104 AB"
    assert hit.phone == "06 12345678"


def test_bsn_column_is_refused(db, staff_actor: Actor, tmp_path) -> None:
    path = tmp_path / "bsn.csv"
    path.write_text("Voornaam;Achternaam;BSN\nKofi;Mensah;123456782\n", encoding="utf-8")
    with pytest.raises(UserError, match="BSN"):
        import_residents(db, staff_actor, path, dry_run=True)
    assert resident_count(db) == 0


def test_import_needs_permission(db, volunteer: Actor) -> None:
    with pytest.raises(PermissionDeniedError):
        import_residents(db, volunteer, SAMPLES / "residents-unicode.csv")


@pytest.mark.parametrize(
    ("text", "iso"),
    [("27-11-1972", "1972-11-27"), ("1972-11-27", "1972-11-27"), ("7/4/1973", "1973-04-07")],
)
def test_parse_date(text: str, iso: str) -> None:
    assert str(parse_date(text)) == iso


LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lo"])
NAMES = st.text(LETTERS, min_size=1, max_size=20)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.lists(st.tuples(NAMES, NAMES), min_size=1, max_size=6))
def test_import_export_round_trip_any_letters(db, staff_actor, tmp_path, people) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        session.execute(delete(Resident))
    unique = {name_key(first, "", last): (first, last) for first, last in people}
    source = tmp_path / "in.csv"
    with open(source, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["voornaam", "achternaam"])
        writer.writerows(unique.values())
    report = import_residents(db, staff_actor, source, dry_run=False)
    assert report.ok and report.imported == len(unique)
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"uit{suffix}"
        export_residents(db, staff_actor, out)
        back = import_back(out)
        assert sorted(back) == sorted(unique.values())


def import_back(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream, delimiter=";"))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(path).active
        rows = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    return [(row[1], row[3]) for row in rows[1:]]


def test_shared_phone_is_imported_with_a_warning(db, staff_actor: Actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    register(db, staff_actor, "Ama", "Mensah", phone="06-12345678")
    register(db, staff_actor, "Kofi", "Boateng")
    path = tmp_path / "gezin.csv"
    path.write_text(
        "Voornaam;Achternaam;Telefoon\nYaw;Mensah;0612345678\nKofi;Boateng;\n", encoding="utf-8"
    )
    report = import_residents(db, staff_actor, path, dry_run=False)
    assert report.imported == 1  # the son who shares his mother's phone
    assert [row.duplicate_of for row in report.duplicates] == ["resident:2"]  # same name
    assert "zelfde telefoonnummer" in report.warnings[0].warnings[0]
    assert [hit.full_name for hit in find_residents(db, staff_actor, "yaw mensah")] == [
        "Yaw Mensah"
    ]


def test_completely_empty_rows_are_skipped_not_reported(db, staff_actor: Actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a Dutch Excel CSV with an empty ";;;;" row between two residents
    path = tmp_path / "met-lege-regel.csv"
    path.write_text(
        "Voornaam;Achternaam;Geboortedatum;Telefoon\n"
        "Amira;Dijkstra;12-03-1985;06 12345678\n"
        ";;;\n"
        " ; ;;\n"
        "Kofi;Mensah;01-02-1990;\n",
        encoding="cp1252",
    )
    # WHEN it is imported
    report = import_residents(db, staff_actor, path, dry_run=False)
    # THEN both residents are in, nothing is faulty, and the empty rows are not counted
    assert report.faulty == []
    assert report.rows == 2
    assert report.imported == 2
    assert resident_count(db) == 2


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_excel_unicode_text_utf16_imports(db, staff_actor: Actor, tmp_path, codec: str) -> None:  # type: ignore[no-untyped-def]
    # GIVEN Excel's "Unicode-tekst": UTF-16, tab-separated (with a BOM, or little-endian without)
    text = (
        "Voornaam\tAchternaam\tGeboortedatum\n"
        "Şebnem\tØyelaran\t05-06-1979\n"
        "Kwabena\tƆwusu\t17-08-2001\n"
    )
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    path = tmp_path / "unicode-tekst.txt"
    path.write_bytes(raw)
    # WHEN it is imported
    report = import_residents(db, staff_actor, path, dry_run=False)
    # THEN the names arrive letter for letter
    assert report.faulty == []
    assert report.imported == 2
    with db.read_session() as session:
        found = set(session.scalars(select(Resident.first_name + " " + Resident.last_name)))
    assert found == {"Şebnem Øyelaran", "Kwabena Ɔwusu"}


def test_broken_utf16_file_is_refused_in_dutch(db, staff_actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "kapot.txt"
    path.write_bytes(b"\xff\xfe" + "Voornaam\tAchternaam\n".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(UserError) as raised:
        import_residents(db, staff_actor, path, dry_run=False)
    assert "kan niet als tekst" in str(raised.value)
    assert resident_count(db) == 0
