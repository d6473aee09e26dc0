"""Whole-file operations on SQLite databases: snapshots, checks, durable writes.

Backups, restores and the start-up check all need the same few guarantees: a copy that is
consistent even while the window writes, a file that is on the disk (not in a cache) before it
is renamed into place, and checks that never write to the file they inspect.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.request import pathname2url

from minami_desk.data.db import BUSY_TIMEOUT_MS

SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
_CHUNK = 1024 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
CHECK_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain connection that is always closed (``sqlite3``'s own ``with`` only commits)."""
    if read_only:
        # pathname2url escapes "#", "?" and spaces, and writes Windows drive letters right.
        uri = f"file:{pathname2url(str(Path(path).absolute()))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.isolation_level = None
    try:
        yield connection
    finally:
        connection.close()


def side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in SIDE_FILE_SUFFIXES]


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def snapshot(source: Path, target: Path, *, durable: bool = True) -> None:
    """A consistent copy of ``source`` through SQLite's online backup API.

    One step copies every page inside a single read transaction, so the copy is one moment of
    the database even while another process keeps committing (WAL readers never block writers).
    The copy is switched to a rollback journal so that it is one self-contained file.
    ``durable=False`` skips the fsync for a scratch copy that is read once and deleted (on a
    ten-year database that is 350 MB the disk need never write).
    """
    with connect(source) as src, connect(target) as dst:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not durable:
            dst.execute("PRAGMA synchronous = OFF")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    if durable:
        fsync_file(target)


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """SQLite's own verdict; an empty list means the file is sound.

    A file that is not a database at all (or cannot be opened) counts as one problem.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with connect(path, read_only=True) as connection:
            # The index cross-checks revisit pages; a larger cache saves ~10 % on big files.
            connection.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
            rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as error:
        return [type(error).__name__]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(path: Path) -> int:
    with connect(path, read_only=True) as connection:
        return len(connection.execute("PRAGMA foreign_key_check").fetchall())


def schema_revision(path: Path) -> str | None:
    """The alembic revision stored in the file, or None for a file without one."""
    with connect(path, read_only=True) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return str(row[0]) if row else None


def table_row_counts(path: Path) -> dict[str, int]:
    with connect(path, read_only=True) as connection:
        names = [
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names
        }


def settle(path: Path) -> None:
    """Fold the write-ahead log into the main file and leave it in rollback-journal mode.

    Afterwards the database is one self-contained file that can be copied or replaced; the
    next normal open switches it back to WAL.
    """
    with connect(path) as connection:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    fsync_file(path)


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows has no directory handles, and NTFS journals renames."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_quietly(path: Path) -> None:
    """Cleanup after a failure must not hide the failure itself."""
    with contextlib.suppress(OSError):
        path.unlink()


def _nearly_full(path: Path) -> bool:
    """SQLite often reports a full disk as a plain I/O error; the free space tells them apart."""
    try:
        return shutil.disk_usage(path).free < 1024 * 1024
    except OSError:
        return False


def as_os_error(error: sqlite3.OperationalError, path: Path) -> OSError | None:
    """SQLite reports a full disk or an unwritable folder as an OperationalError."""
    text = str(error).lower()
    if "full" in text or ("i/o error" in text and _nearly_full(path)):
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    if "i/o error" in text:
        return OSError(errno.EIO, os.strerror(errno.EIO), str(path))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return None
