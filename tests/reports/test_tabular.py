"""The shared table writer: no exported cell can start a formula, in CSV or XLSX."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from minami_desk.reports.tabular import FORMULA_STARTS, neutralise, write_table

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
        assert isinstance(value, str) and not value.startswith(FORMULA_STARTS)
        assert value.removeprefix("'") == original
        assert day.date() == date(2026, 11, 27)
    for row in sheet.iter_rows(min_row=2):
        assert row[0].data_type == "s"


def test_csv_is_excel_friendly(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    assert write_table(path, ["Naam", "Datum"], [("Şükrü Öztürk", date(1966, 7, 21))]) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert "Şükrü Öztürk;21-07-1966" in raw.decode("utf-8-sig")
