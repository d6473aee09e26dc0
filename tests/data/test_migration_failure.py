"""A migration that fails half-way: the file is rolled back, and the copy made before it is
whole and can be restored (issue 8, point 5)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from minami_desk.config import Paths
from minami_desk.data import migrate
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from minami_desk.data.migrate import MigrationFailedError, alembic_config, current_revision
from minami_desk.services.actor import Actor
from minami_desk.services.restore import restore_database_file


def test_failed_migration_keeps_the_data_and_a_restorable_copy(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database(paths.database)
    with database.engine.connect() as connection, connection.begin():
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO resident (id, number, first_name, infix, last_name, sort_key,"
                " languages, found_via, note, registered_on, minor_free_help, created_at,"
                " updated_at) VALUES (1, 1, 'Kwame', '', 'Asante', 'asante kwame', '', '', '',"
                " '2025-06-01', 0, '2025-06-01 10:00:00', '2025-06-01 10:00:00')"
            )
        )
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):  # type: ignore[no-untyped-def]
        real_upgrade(config, revision)  # every step runs, then the disk "fails"
        raise OSError("disk I/O error")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(MigrationFailedError) as caught:
        migrate.upgrade(database, paths.backup_dir)
    copy = caught.value.backup_path
    assert copy is not None and copy.exists()
    assert current_revision(database) == "0001"  # the half-done migration was rolled back
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT last_name FROM resident")).scalar() == "Asante"
    database.dispose()

    monkeypatch.setattr(command, "upgrade", real_upgrade)
    paths.database.unlink()
    with InstanceLock(paths.lock_file):
        result = restore_database_file(paths, copy, Actor.command_line())
    assert result.migrated and result.schema_revision == "0001"
    restored = Database(paths.database)
    with restored.engine.connect() as connection:
        assert connection.execute(text("SELECT last_name FROM resident")).scalar() == "Asante"
    restored.dispose()
