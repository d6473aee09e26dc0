"""The engine's pragmas, the single-instance lock, and migrations that match the models."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.lock import AlreadyOpenError, InstanceLock, is_locked
from minami_desk.data.migrate import alembic_config, current_revision, head_revision, upgrade
from minami_desk.data.models import Attendance, Base, Resident, Session, Theme


def test_every_connection_has_the_safety_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(
            text(
                "INSERT INTO attendance (session_id, resident_id, status, registered_at, walk_in,"
                " note, created_at, updated_at) VALUES (999, 999, 'registered',"
                " '2026-01-01', 0, '', '2026-01-01', '2026-01-01')"
            )
        )


def test_a_failed_unit_of_work_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Theme(code="tmp", name="Tijdelijk"))
        session.flush()
        raise RuntimeError("boom")
    with db.read_session() as session:
        assert session.scalar(select(Theme).where(Theme.code == "tmp")) is None


def test_status_values_are_checked(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(text("UPDATE session_kind SET audience = 'martians'"))


def test_one_attendance_row_per_resident_and_session() -> None:
    names = {constraint.name for constraint in Attendance.__table__.constraints}
    assert "uq_attendance_session_id_resident_id" in names
    indexed = {index.name for index in Session.__table__.indexes}
    assert "ix_session_starts_at" in indexed
    assert any(index.name == "ix_resident_sort_key" for index in Resident.__table__.indexes)


def test_second_lock_on_the_same_folder_is_refused(paths: Paths) -> None:
    with InstanceLock(paths.lock_file):
        assert is_locked(paths.lock_file)
        with pytest.raises(AlreadyOpenError):
            InstanceLock(paths.lock_file).acquire()
    assert not is_locked(paths.lock_file)


def test_lock_of_a_killed_process_is_cleared(paths: Paths) -> None:
    code = (
        "import sys, time\n"
        "from minami_desk.data.lock import InstanceLock\n"
        f"lock = InstanceLock({str(paths.lock_file)!r})\n"
        "lock.acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        assert is_locked(paths.lock_file)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert paths.lock_file.exists()  # the stale file stays, but it no longer blocks
    with InstanceLock(paths.lock_file) as lock:
        assert lock.held


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrade_from_first_revision_keeps_rows(paths: Paths) -> None:
    database = Database(paths.database)
    with database.engine.connect() as connection, connection.begin():
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO resident (id, number, first_name, infix, last_name, sort_key,"
                " languages, found_via, note, registered_on, minor_free_help, created_at,"
                " updated_at) VALUES (1, 1, 'Ama', '', 'Mensah', 'mensah ama', '', '', '',"
                " '2026-01-05', 0, '2026-01-05 10:00:00', '2026-01-05 10:00:00')"
            )
        )
    assert current_revision(database) == "0001"
    saved_copy = upgrade(database, paths.backup_dir)
    assert current_revision(database) == head_revision()
    assert saved_copy is not None and saved_copy.exists()
    with database.read_session() as session:
        resident = session.get(Resident, 1)
        assert resident is not None
        assert (resident.first_name, resident.last_name) == ("Ama", "Mensah")
        assert resident.registered_on == date(2026, 1, 5)
    database.dispose()


def test_a_fresh_database_needs_no_safety_copy(tmp_path: Path) -> None:
    database = Database(tmp_path / "fresh.sqlite")
    assert upgrade(database, tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()
    database.dispose()


def test_schema_head_constant_matches_the_migrations() -> None:
    from minami_desk.data.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD, "update SCHEMA_HEAD in data/migrate.py"
