"""``minami-desk check`` exits non-zero on each kind of fault (issue 8, point 4)."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command

from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.migrate import alembic_config
from tests.services.backup_helpers import populate


def _check(paths: Paths) -> int:
    return main(["--data-dir", str(paths.data_dir), "check"])


def test_sound_database_passes(db: Database, paths: Paths) -> None:
    populate(db, residents=3)
    assert _check(paths) == 0


def test_broken_links_fail(db: Database, paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    populate(db, residents=3)
    db.dispose()
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("UPDATE attendance SET resident_id = 9999")
    connection.commit()
    connection.close()
    assert _check(paths) == 1
    output = capsys.readouterr().out
    assert "3" in output.splitlines()[1]  # three broken links are counted


def test_damaged_pages_fail(db: Database, paths: Paths) -> None:
    populate(db, residents=40)
    db.dispose()
    with open(paths.database, "r+b") as handle:
        handle.seek(4096 * 4)
        handle.write(b"\xff\x00" * 2048)
    assert _check(paths) == 1


def test_an_old_schema_revision_fails(paths: Paths) -> None:
    """``check`` only reads: it reports the old revision instead of migrating it."""
    old = Database(paths.database)
    with old.engine.connect() as connection, connection.begin():
        command.upgrade(alembic_config(connection), "0001")
    old.dispose()
    assert _check(paths) == 1
