"""``import residents``, ``export residents`` and ``list residents`` on the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from minami_desk.cli import main
from minami_desk.config import Paths

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def run(paths: Paths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), *args])


def test_dry_run_lists_faulty_rows_and_stores_nothing(paths: Paths, capsys) -> None:  # type: ignore[no-untyped-def]
    code = run(paths, "import", "residents", str(SAMPLES / "residents-excel-nl.csv"), "--dry-run")
    out = capsys.readouterr().out
    assert code == 1
    for row in (4, 8, 12, 16, 20, 24):
        assert f"Rij {row}:" in out
    assert "Rij 31: lijkt dezelfde persoon als rij 30" in out
    assert "niets geïmporteerd" in out
    assert run(paths, "list", "residents") == 0
    assert capsys.readouterr().out == "ID;Bewonersnummer;Naam;Geboortedatum;Postcode\n"


def test_import_list_and_export(paths: Paths, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(paths, "import", "residents", str(SAMPLES / "residents-unicode.csv")) == 0
    assert "6 bewoners geïmporteerd" in capsys.readouterr().out
    assert run(paths, "list", "residents", "--search", "ozturk") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "ID;Bewonersnummer;Naam;Geboortedatum;Postcode"
    assert lines[1].endswith(";Şükrü Öztürk;1966-07-21;1106 EF")
    out_csv = tmp_path / "bewoners.csv"
    assert run(paths, "export", "residents", "--out", str(out_csv)) == 0
    with open(out_csv, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == [
        "Bewonersnummer",
        "Voornaam",
        "Tussenvoegsel",
        "Achternaam",
        "Geboortedatum",
        "Telefoon",
        "E-mail",
        "Postcode",
        "Wijk",
        "Ingeschreven op",
    ]
    assert len(rows) == 7
    ghana = next(row for row in rows if row[3] == "Ɔwusu")
    assert ghana[5] == "'+233 24 123 4567"  # a leading + would start a formula
    out_xlsx = tmp_path / "bewoners.xlsx"
    assert run(paths, "export", "residents", "--out", str(out_xlsx)) == 0
    sheet = load_workbook(out_xlsx).active
    assert [cell.value for cell in sheet[1]][:4] == [
        "Bewonersnummer",
        "Voornaam",
        "Tussenvoegsel",
        "Achternaam",
    ]
    assert sheet.max_row == 7


def test_bsn_file_is_refused_with_reason(paths: Paths, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bsn.csv"
    path.write_text("Voornaam;Achternaam;BSN\nKofi;Mensah;123456782\n", encoding="utf-8")
    assert run(paths, "import", "residents", str(path)) == 1
    assert "BSN" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["missing.csv", "missing.xlsx"])
def test_missing_file(paths: Paths, tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    assert run(paths, "import", "residents", str(tmp_path / name), "--dry-run") == 1
    assert "niet gevonden" in capsys.readouterr().err
