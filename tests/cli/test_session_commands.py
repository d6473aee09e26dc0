"""``list sessions``, ``export attendance`` and ``attendance-sheet`` on a real data folder."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from minami_desk import clock
from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.sessions.planning import SeriesPlan, cancel_session, plan_series
from minami_desk.services.sessions.registration import register_resident, set_status
from tests.sessions_support import add_resident, details


@pytest.fixture
def planned(db: Database, staff_actor: Actor) -> list[int]:
    """Three Tuesday sessions: the first held, the second cancelled, the third to come."""
    clock.fix(datetime(2026, 11, 20, 9, 0))
    _series, ids = plan_series(
        db,
        staff_actor,
        SeriesPlan(details(db, capacity=2), "weekly", 1, date(2026, 11, 24), date(2026, 12, 8)),
    )
    ama = add_resident(db, "Ama", "Mensah")  # number 1001
    kofi = add_resident(db, "Kofi", "Asante")  # 1002
    dewi = add_resident(db, "Dewi", "Mahabier")  # 1003
    for resident in (ama, kofi, dewi):
        register_resident(db, staff_actor, ids[0], resident)  # dewi: waiting list
    set_status(db, staff_actor, ids[0], ama, "present")
    set_status(db, staff_actor, ids[0], kofi, "absent")
    register_resident(db, staff_actor, ids[1], ama)
    cancel_session(db, staff_actor, ids[1])
    register_resident(db, staff_actor, ids[2], kofi)
    db.dispose()
    return ids


def test_list_sessions_with_a_period(
    paths: Paths, planned: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(paths.data_dir), "list", "sessions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "ID;Datum;Begintijd;Titel;Soort;Aangemeld;Aanwezig;Geannuleerd"
    assert lines[1:] == [
        f"{planned[0]};2026-11-24;19:00;Praatsessie volwassenen;Praatsessie volwassenen;2;1;nee",
        f"{planned[1]};2026-12-01;19:00;Praatsessie volwassenen;Praatsessie volwassenen;1;0;ja",
        f"{planned[2]};2026-12-08;19:00;Praatsessie volwassenen;Praatsessie volwassenen;1;0;nee",
    ]
    args = ["--data-dir", str(paths.data_dir), "list", "sessions", "--from", "2026-12-01"]
    assert main([*args, "--to", "2026-12-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == [str(planned[1])]


def test_export_attendance_csv_has_one_row_per_resident_per_session(
    paths: Paths, planned: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "aanwezigheid.csv"
    assert main(["--data-dir", str(paths.data_dir), "export", "attendance", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Datum", "Begintijd", "Bijeenkomst", "Soort", "Bewonersnummer", "Status"]
    title = kind = "Praatsessie volwassenen"
    assert rows[1:] == [
        ["24-11-2026", "19:00", title, kind, "1001", "aanwezig"],
        ["24-11-2026", "19:00", title, kind, "1002", "afwezig"],
        ["24-11-2026", "19:00", title, kind, "1003", "wachtlijst"],
        ["01-12-2026", "19:00", title, kind, "1001", "bijeenkomst geannuleerd"],
        ["08-12-2026", "19:00", title, kind, "1002", "aangemeld"],
    ]


def test_export_attendance_xlsx(paths: Paths, planned: list[int], tmp_path: Path) -> None:
    out = tmp_path / "aanwezigheid.xlsx"
    assert main(["--data-dir", str(paths.data_dir), "export", "attendance", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Datum", "Begintijd", "Bijeenkomst", "Soort", "Bewonersnummer", "Status")
    assert len(values) == 6 and values[1][4] == 1001 and values[1][5] == "aanwezig"


def test_attendance_sheet_command(
    paths: Paths, planned: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lijst.pdf"
    data_dir = str(paths.data_dir)
    assert (
        main(["--data-dir", data_dir, "attendance-sheet", str(planned[0]), "--out", str(out)]) == 0
    )
    text = PdfReader(out).pages[0].extract_text()
    assert "Asante, Kofi" in text and "Mensah, Ama" in text and "Mahabier" not in text
    assert main(["--data-dir", data_dir, "attendance-sheet", "99999", "--out", str(out)]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["--data-dir", data_dir, "attendance-sheet", "x", "--out", str(out)]) == 2


def test_english_interface_still_writes_dutch_values_under_the_dutch_header(
    paths: Paths, planned: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GIVEN --lang en WHEN listing and exporting THEN values are Dutch like the fixed header."""
    outputs = {}
    for language in ("nl", "en"):
        out = tmp_path / f"aanwezigheid-{language}.csv"
        base = ["--lang", language, "--data-dir", str(paths.data_dir)]
        assert main([*base, "export", "attendance", "--out", str(out)]) == 0
        capsys.readouterr()
        assert main([*base, "list", "sessions"]) == 0
        outputs[language] = (out.read_bytes(), capsys.readouterr().out)
    assert outputs["en"] == outputs["nl"]
    assert "bijeenkomst geannuleerd" in outputs["en"][0].decode("utf-8-sig")
    assert outputs["en"][1].splitlines()[2].endswith(";ja")
