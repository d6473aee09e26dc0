"""The shared table writer: no exported cell can start a formula, in CSV or XLSX."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from minami_desk.reports.tabular import (
    FORMULA_STARTS,
    neutralise,
    neutralise_for_xlsx,
    write_table,
)
from tests.file_modes import assert_owner_only

TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30)


@given(st.text(max_size=40))
def test_neutralised_text_never_starts_a_formula(value: str) -> None:
    result = neutralise(value)
    assert not result.startswith(FORMULA_STARTS)
    assert result in (value, "'" + value)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=5))
def test_csv_cells_read_back_safe(tmp_path: Path, cells: list[list[str]]) -> None:
    path = tmp_path / "t.csv"
    write_table(path, ["A", "B", "C"], cells)
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == ["A", "B", "C"]
    assert len(rows) == len(cells) + 1
    for written, original in zip(rows[1:], cells, strict=True):
        for cell, value in zip(written, original, strict=True):
            assert not cell.startswith(FORMULA_STARTS)
            assert cell.removeprefix("'") == value or cell == value


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(
        st.sampled_from(["=1+1", "+31612345678", "-2", "@SUM(A1)", "\tx", "Kofi"]),
        min_size=1,
        max_size=6,
    )
)
def test_xlsx_cells_are_text_not_formulas(tmp_path: Path, cells: list[str]) -> None:
    path = tmp_path / "t.xlsx"
    write_table(path, ["Waarde", "Datum"], [(cell, date(2026, 11, 27)) for cell in cells])
    sheet = load_workbook(path).active
    for (value, day), original in zip(
        sheet.iter_rows(min_row=2, values_only=True), cells, strict=True
    ):
        assert isinstance(value, str) and value == neutralise_for_xlsx(original)
        assert not value.startswith(("=", "@"))
        assert day.date() == date(2026, 11, 27)
    for row in sheet.iter_rows(min_row=2):
        assert row[0].data_type == "s"


def test_csv_is_excel_friendly(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    assert write_table(path, ["Naam", "Datum"], [("Şükrü Öztürk", date(1966, 7, 21))]) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert "Şükrü Öztürk;21-07-1966" in raw.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 1234 5678", "+31 6 1234 5678"),
        ("+31(0)20-1234567", "+31(0)20-1234567"),
        ("-2", "-2"),
        ("-12,5", "-12,5"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("@", "'@"),
        ("\tx", "\tx"),
        ("Kofi", "Kofi"),
    ],
)
def test_xlsx_quotes_only_what_excel_would_run(tmp_path: Path, typed: str, stored: str) -> None:
    """GIVEN a cell typed at the desk, WHEN exported to XLSX, THEN it reads back as typed
    unless Excel would run it; the CSV of the same cell keeps the full guard."""
    xlsx = tmp_path / "t.xlsx"
    write_table(xlsx, ["Waarde"], [(typed,)])
    cell = load_workbook(xlsx).active["A2"]
    assert cell.value == stored
    assert cell.data_type == "s"
    csv_path = tmp_path / "t.csv"
    write_table(csv_path, ["Waarde"], [(typed,)])
    with open(csv_path, encoding="utf-8-sig", newline="") as stream:
        written = list(csv.reader(stream, delimiter=";"))[1][0]
    assert written == neutralise(typed)
    assert not written.startswith(FORMULA_STARTS)


def test_times_read_in_amsterdam_and_files_stay_private(tmp_path: Path) -> None:
    """GIVEN a moment handed over in UTC (22:45 on 2 December is 23:45 in Amsterdam),
    WHEN exported, THEN both formats show the desk's wall clock, and only the owner may read."""
    moment = datetime(2026, 12, 2, 22, 45, tzinfo=UTC)
    csv_path, xlsx_path = tmp_path / "t.csv", tmp_path / "t.xlsx"
    for path in (csv_path, xlsx_path):
        write_table(path, ["Tijd"], [(moment,)])
    assert "02-12-2026 23:45" in csv_path.read_text(encoding="utf-8-sig")
    assert load_workbook(xlsx_path).active["A2"].value == datetime(2026, 12, 2, 23, 45)
    assert_owner_only(csv_path, xlsx_path)
