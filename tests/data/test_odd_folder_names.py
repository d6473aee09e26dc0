"""A data folder may be called anything: ``?``, ``#`` and ``%`` are URL syntax, not path.

Pasted into ``sqlite:///…`` such a path opened (and created) a different file, cut off at the
``?``; the engine now builds its URL from parts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from minami_desk.cli import main
from minami_desk.config import resolve_paths
from minami_desk.data.db import Database, database_url
from tests.sessions_support import add_resident

ODD = "Mi na Mi? #2 (100%) 50%20korting"


def _resident_names(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT last_name FROM resident")]


def test_the_url_keeps_every_character_of_the_path(tmp_path: Path) -> None:
    path = tmp_path / ODD / "minami-desk.sqlite"
    assert database_url(path).database == str(path)
    path.parent.mkdir()
    db = Database(path)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA database_list").fetchone()[2] == str(path)
    db.dispose()


def test_the_window_opens_its_database_in_an_odd_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.app import build_window, make_application

    paths = resolve_paths(tmp_path / "odd" / ODD)
    make_application()
    window = build_window(paths)
    qtbot.addWidget(window)
    try:
        add_resident(window.context.db, "Akosua", "Boateng")
        assert paths.database.parent.name == ODD
        assert _resident_names(paths.database) == ["Boateng"]
        # Nothing beside it: no stray file called "Mi na Mi" (the path cut off at the "?").
        assert [p.name for p in (tmp_path / "odd").iterdir()] == [ODD]
    finally:
        window.context.db.dispose()


def test_the_command_line_works_in_an_odd_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "odd" / ODD
    assert main(["--data-dir", str(folder), "demo-data", "--residents", "8", "--months", "1"]) == 0
    assert main(["--data-dir", str(folder), "check"]) == 0
    assert "Integriteit: in orde" in capsys.readouterr().out
    assert main(["--data-dir", str(folder), "list", "residents"]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    database = resolve_paths(folder).database
    assert len(listed) == 1 + len(_resident_names(database)) == 9  # header plus 8 residents
    assert [p.name for p in (tmp_path / "odd").iterdir()] == [ODD]
