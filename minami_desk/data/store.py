"""Open the database of a data dir: create folders, migrate (after a safety copy), hand back."""

from __future__ import annotations

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.migrate import upgrade


def open_database(paths: Paths, migrate: bool = True) -> Database:
    paths.ensure()
    db = Database(paths.database)
    if migrate:
        try:
            upgrade(db, paths.backup_dir)
        except BaseException:
            db.dispose()
            raise
    return db
