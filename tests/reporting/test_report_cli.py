"""``minami-desk report monthly``: files written, exit codes 0, 1 and 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from minami_desk.cli import main
from minami_desk.data.db import Database


@pytest.fixture
def data_dir(report_db: Database, tmp_path: Path) -> Path:
    """A copy of the populated database in a data folder of its own."""
    folder = tmp_path / "cli-data"
    folder.mkdir()
    connection = report_db.raw_connection()
    try:
        connection.execute(f"VACUUM INTO '{folder / report_db.path.name}'")
    finally:
        connection.close()
    return folder


def test_month_writes_pdf_and_excel(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "nov.pdf", tmp_path / "nov.xlsx"
    code = main(
        [
            "--data-dir",
            str(data_dir),
            "report",
            "monthly",
            "--month",
            "2026-11",
            "--out",
            str(pdf),
            "--xlsx",
            str(xlsx),
        ]
    )
    assert code == 0
    assert "november 2026" in PdfReader(pdf).pages[0].extract_text()
    assert load_workbook(xlsx)["Kerncijfers"]["A2"].value == "Unieke deelnemers"
    assert "Rapportage over november 2026 opgeslagen" in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["--month", "2026-11", "--year", "2026"],
        ["--month", "2026-13"],
        ["--quarter", "2026-11"],
        ["--year", "twintig"],
    ],
)
def test_not_exactly_one_valid_period_is_wrong_use(
    data_dir: Path, tmp_path: Path, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code = main(["--data-dir", str(data_dir), "report", "monthly", *arguments, "--out", str(out)])
    assert code == 2
    assert not out.exists()
    assert capsys.readouterr().err


def test_quarter_and_year_work_too(data_dir: Path, tmp_path: Path) -> None:
    for option, value in (("--quarter", "2026-Q4"), ("--year", "2025")):
        out = tmp_path / f"{value}.pdf"
        assert (
            main(
                ["--data-dir", str(data_dir), "report", "monthly", option, value, "--out", str(out)]
            )
            == 0
        )
        assert out.stat().st_size > 10_000


def test_wrong_file_names_fail_with_a_dutch_message(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(data_dir), "report", "monthly", "--month", "2026-11"]
    assert main([*base, "--out", str(tmp_path / "rapport.docx")]) == 1
    assert ".pdf" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path / "r.pdf"), "--xlsx", str(tmp_path / "r.csv")]) == 1
    assert main([*base, "--out", str(tmp_path / "nergens" / "r.pdf")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not list(tmp_path.glob("r.*"))
