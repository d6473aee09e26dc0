"""Bring a database file to the newest schema, saving a copy first when it holds data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from minami_desk.data.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision, so a start-up on an up-to-date database need not import alembic
# (a test keeps this equal to the migration scripts' head).
SCHEMA_HEAD = "0070"


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the program; we must not touch it."""


class MigrationFailedError(RuntimeError):
    """A migration failed; the copy saved before it is named in ``backup_path``."""

    def __init__(self, backup_path: Path | None) -> None:
        super().__init__(str(backup_path) if backup_path else "")
        self.backup_path = backup_path


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def current_revision(db: Database) -> str | None:
    """Read ``alembic_version`` directly: cheaper than starting alembic on every start."""
    with db.engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if exists is None:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others read)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def upgrade(db: Database, backup_dir: Path) -> Path | None:
    """Migrate to head. Returns the path of the pre-migration copy, if one was made."""
    revision = current_revision(db)
    if revision == SCHEMA_HEAD:
        return None
    from alembic import command

    head = head_revision()
    if revision == head:
        return None
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNewError(revision)
    backup_path = None
    if revision is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup_path = copy_database(db.path, backup_dir / f"voor-update-{revision}-{stamp}.sqlite")
    try:
        with db.engine.connect() as connection:
            # Table rebuilds in batch mode would trip foreign keys half-way; check them after.
            # The pragma only works outside a transaction, so it goes to the driver directly.
            driver = connection.connection.driver_connection
            if not isinstance(driver, sqlite3.Connection):
                raise RuntimeError(f"not a sqlite3 connection: {type(driver).__name__}")
            driver.execute("PRAGMA foreign_keys = OFF")
            try:
                with connection.begin():
                    command.upgrade(alembic_config(connection), "head")
                    problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                    if problems:
                        raise RuntimeError(f"foreign_key_check: {len(problems)} problems")
            finally:
                driver.execute("PRAGMA foreign_keys = ON")
    except Exception as error:
        raise MigrationFailedError(backup_path) from error
    return backup_path
