"""``list trajectories`` and ``certificates`` as a script would call them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from minami_desk import clock
from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from minami_desk.services.actor import Actor
from minami_desk.services.trajectories.lifecycle import (
    GoalChoice,
    start_trajectory,
    stop_trajectory,
)
from tests.services.trajectories.completed import completed_trajectory
from tests.services.trajectories.helpers import add_coach, add_resident


@pytest.fixture
def filled(db: Database, staff_actor: Actor) -> dict[str, int]:
    clock.fix(datetime(2026, 12, 10, 10, 0, tzinfo=clock.AMSTERDAM))
    coach = add_coach(db, "Esther Koster")
    done = completed_trajectory(
        db, staff_actor, "Kwabena", "Ɔwusu", coach_id=coach, end=date(2026, 11, 20)
    )
    active = start_trajectory(
        db,
        staff_actor,
        add_resident(db, "Ama", "Mensah"),
        date(2026, 9, 1),
        [GoalChoice("clarity")],
        coach_id=coach,
    )
    stopped = start_trajectory(
        db,
        staff_actor,
        add_resident(db, "Kofi", "Boateng"),
        date(2026, 3, 2),
        [GoalChoice("agencies")],
    )
    stop_trajectory(db, staff_actor, stopped, "moved", on=date(2026, 4, 15))
    db.dispose()
    return {"done": done, "active": active, "stopped": stopped}


def _run(paths: Paths, *argv: str) -> int:
    return main(["--data-dir", str(paths.data_dir), *argv])


def test_list_trajectories(paths: Paths, filled: dict[str, int], capsys) -> None:
    assert _run(paths, "list", "trajectories") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "ID;Bewonersnummer;Naam;Begeleider;Start;Einde;Status"
    rows = {line.split(";")[0]: line.split(";") for line in lines[1:]}
    done = rows[str(filled["done"])]
    assert done[2:] == ["Kwabena Ɔwusu", "Esther Koster", "2026-06-03", "2026-11-20", "afgerond"]
    assert rows[str(filled["active"])][5:] == ["2027-03-01", "actief"]
    assert rows[str(filled["stopped"])][3:] == ["", "2026-03-02", "2026-04-15", "gestopt"]


def test_list_trajectories_by_status_and_period(
    paths: Paths, filled: dict[str, int], capsys
) -> None:
    assert _run(paths, "list", "trajectories", "--status", "gestopt") == 0
    ids = [line.split(";")[0] for line in capsys.readouterr().out.splitlines()[1:]]
    assert ids == [str(filled["stopped"])]
    assert _run(paths, "list", "trajectories", "--from", "2026-10-01", "--to", "2026-12-31") == 0
    ids = {line.split(";")[0] for line in capsys.readouterr().out.splitlines()[1:]}
    assert ids == {str(filled["done"]), str(filled["active"])}


def test_a_wrong_status_is_wrong_usage(paths: Paths, filled: dict[str, int], capsys) -> None:
    assert _run(paths, "list", "trajectories", "--status", "klaar") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "actief, afgerond of gestopt" in captured.err


def test_certificates_for_a_month(
    paths: Paths, filled: dict[str, int], tmp_path: Path, capsys
) -> None:
    out = tmp_path / "uitreiking.pdf"
    code = _run(
        paths,
        "certificates",
        "--completed-in",
        "2026-11",
        "--ceremony",
        "2026-12-12",
        "--out",
        str(out),
    )
    assert code == 0, capsys.readouterr().err
    assert "Certificaten opgeslagen: 1," in capsys.readouterr().out
    text = PdfReader(out).pages[0].extract_text()
    assert "Kwabena Ɔwusu" in text and "Certificaatnummer 2026-001" in text
    # A reprint of one trajectory keeps the number and the ceremony date.
    again = tmp_path / "opnieuw.pdf"
    assert (
        _run(paths, "certificates", "--trajectory", str(filled["done"]), "--out", str(again)) == 0
    )
    text = PdfReader(again).pages[0].extract_text()
    assert "Certificaatnummer 2026-001" in text and "12 december 2026" in text


def test_certificates_fail_clearly(
    paths: Paths, filled: dict[str, int], tmp_path: Path, capsys
) -> None:
    out = tmp_path / "leeg.pdf"
    assert _run(paths, "certificates", "--completed-in", "2026-10", "--out", str(out)) == 1
    assert "geen enkel traject afgerond" in capsys.readouterr().err
    assert (
        _run(paths, "certificates", "--trajectory", str(filled["active"]), "--out", str(out)) == 1
    )
    assert "Alleen een afgerond traject" in capsys.readouterr().err
    assert _run(paths, "certificates", "--completed-in", "2026-13", "--out", str(out)) == 2
    assert not out.exists()


def test_certificates_refuse_while_the_window_is_open(
    paths: Paths, filled: dict[str, int], tmp_path: Path, capsys
) -> None:
    lock = InstanceLock(paths.lock_file)
    lock.acquire()
    try:
        out = tmp_path / "uitreiking.pdf"
        assert _run(paths, "certificates", "--completed-in", "2026-11", "--out", str(out)) == 1
        assert not out.exists()
    finally:
        lock.release()
