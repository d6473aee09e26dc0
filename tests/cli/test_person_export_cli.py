"""``minami-desk person-export RESIDENT_ID --out FILE`` writes FILE.pdf and FILE.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog
from tests.privacy_data import make_history, make_session


def test_person_export_command(
    db: Database, paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = make_session(db, date(2026, 3, 3))
    person = make_history(db, "Akosua", "Øyelaran", 901, [session_id], date(2026, 3, 1))
    db.dispose()
    out = tmp_path / "uit" / "inzage"
    code = main(
        [
            "--data-dir",
            str(paths.data_dir),
            "person-export",
            str(person.resident_id),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert (tmp_path / "uit" / "inzage.pdf").read_bytes().startswith(b"%PDF")
    data = json.loads((tmp_path / "uit" / "inzage.json").read_text(encoding="utf-8"))
    assert data["resident"]["last_name"] == "Øyelaran"
    assert "inzage.pdf" in capsys.readouterr().out
    with db.read_session() as session:
        row = session.scalars(select(AuditLog).where(AuditLog.action == "exported")).one()
        assert (row.via, row.entity_id) == ("cli", person.resident_id)


def test_unknown_resident_fails_in_dutch(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--data-dir", str(paths.data_dir), "person-export", "424242", "--out", str(tmp_path / "x")]
    )
    assert code == 1
    assert "bestaat niet meer" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_person_export_works_while_the_window_is_open(
    db: Database, paths: Paths, tmp_path: Path
) -> None:
    from minami_desk.data.lock import InstanceLock

    session_id = make_session(db, date(2026, 3, 3))
    person = make_history(db, "Ama", "Owusu", 902, [session_id], date(2026, 3, 1))
    window_lock = InstanceLock(paths.lock_file)
    window_lock.acquire()
    try:
        out = tmp_path / "inzage"
        args = ["--data-dir", str(paths.data_dir), "person-export", str(person.resident_id)]
        assert main([*args, "--out", str(out)]) == 0
    finally:
        window_lock.release()
    assert (tmp_path / "inzage.json").exists()
