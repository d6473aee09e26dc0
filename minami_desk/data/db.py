"""The database engine, its pragmas, and one short-lived ORM session per unit of work."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, CursorResult, Engine, Result, create_engine, event
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 32_000


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """Every connection gets the same safety settings; SQLite does not remember them."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    # Deleted or overwritten text (a help request, a name) is zeroed on disk, not left in
    # free pages: privacy by design for a file that holds notes about vulnerable people.
    cursor.execute("PRAGMA secure_delete = ON")
    # 32 MB page cache (the default is 2 MB): with 50,000 residents the name search touches
    # the resident rows of every match; kept in memory, a prefix search stays a few ms.
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()


def _on_connect(dbapi_connection: sqlite3.Connection, record: object) -> None:
    _apply_pragmas(dbapi_connection, record)
    # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins, so that DDL
    # in migrations and every unit of work is really atomic.
    dbapi_connection.isolation_level = None


def _on_begin(connection: Connection) -> None:
    """Writers take the write lock up front; waiting then respects the busy timeout."""
    if connection.get_execution_options().get("write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def affected_rows(result: Result[*tuple[Any, ...]]) -> int:
    """How many rows an UPDATE or DELETE touched. ``Session.execute`` is typed to give a plain
    Result; for DML it is a CursorResult, the one that knows its row count."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of an UPDATE or DELETE: {type(result).__name__}")
    return int(result.rowcount or 0)


def database_url(path: Path) -> URL:
    """The SQLite URL for a file anywhere: built from parts, never by pasting the path into a
    string, where a ``?``, ``#`` or ``%`` in a folder name would be read as URL syntax (and
    ``sqlite:///C:/a?b/x.sqlite`` silently opens a file called ``a``)."""
    return URL.create("sqlite", database=str(path))


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        database_url(path),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """One SQLite file. Services open a session per unit of work; the UI never holds one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self._sessions = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Called before every unit of work that writes; it raises to refuse the write. The
        # start-up check sets it while ``quick_check`` runs in the background, and for good
        # when that check finds damage (the services layer provides the Dutch message).
        self.write_gate: Callable[[], None] | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Commit when the block succeeds, roll back (and re-raise) when it fails."""
        gate = self.write_gate
        if gate is not None:
            gate()
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only: nothing is committed, whatever the block does."""
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def warm_up(self) -> None:
        """The first connection (SQLAlchemy's dialect set-up, the pragmas) and the mappers'
        configuration, done by whoever calls this instead of by the first screen's query:
        the window's data loader does it on its own thread."""
        configure_mappers()
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with the same pragmas, for the online backup API."""
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        _apply_pragmas(connection, None)
        return connection

    def dispose(self) -> None:
        self.engine.dispose()
