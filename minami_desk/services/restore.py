"""Put a backup back in place of the current database, all or nothing.

Everything that can fail happens on a copy in a scratch folder inside the data folder (same
disk, so the final rename is atomic): decrypting, the integrity and foreign-key checks, bringing
an older schema up to date. The current database is saved as a safety copy while the checks run
(and that copy is removed again if the restore does not happen); then the checked file is
renamed over it. Until that rename, the current database is untouched; after it, the restored
one is complete.

The caller holds the instance lock (the window does; ``minami-desk restore`` takes it) and has
closed its own connections, so no one writes while the files change places.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from minami_desk.config import Paths
from minami_desk.data import sqlite_files
from minami_desk.data.db import Database
from minami_desk.data.lock import is_locked
from minami_desk.data.migrate import (
    MigrationFailedError,
    head_revision,
    known_revisions,
    upgrade,
)
from minami_desk.data.models import Staff
from minami_desk.i18n import _
from minami_desk.services import audit
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.backup import ProgressSteps, open_backup
from minami_desk.services.backup_errors import (
    BackupError,
    BackupTooNewError,
    DamagedBackupError,
    storage_error,
)

log = logging.getLogger(__name__)

Progress = Callable[[float], None]
SAFETY_COPY_PREFIX = "voor-terugzetten-"
_WRITE_ERRORS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG, errno.EROFS}


@dataclass(frozen=True)
class RestoreResult:
    safety_copy: Path | None  # the database as it was just before, in the backup folder
    schema_revision: str  # of the backup, before any migration
    migrated: bool
    row_counts: dict[str, int]


class LockNotHeldError(RuntimeError):
    """A programming error: restoring without the instance lock could race the window."""


def restore_backup(
    paths: Paths,
    source: Path,
    passphrase: str,
    actor: Actor,
    *,
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore an encrypted board backup (or a plain automatic backup) into ``paths``."""
    actor.require(Permission.BACKUP_RESTORE)
    source = Path(source)
    if sqlite_files.looks_like_sqlite(source):
        return restore_database_file(paths, source, actor, progress=progress)
    _require_lock(paths)
    steps = ProgressSteps(progress, [4, 1, 2, 1])
    with _scratch(paths) as scratch:
        try:
            size = source.stat().st_size
            candidate, manifest = open_backup(source, passphrase, scratch, steps.start(size))
        except OSError as error:
            if error.errno in _WRITE_ERRORS:  # the scratch copy in the data folder
                raise storage_error(error, paths.data_dir) from None
            raise _unreadable(source, error) from None
        steps.start(1)
        if manifest.schema_revision != sqlite_files.schema_revision(candidate):
            raise DamagedBackupError()
        result = _install(paths, candidate, scratch, actor, steps)
    steps.finish()
    return result


def restore_database_file(
    paths: Paths, source: Path, actor: Actor, *, progress: Progress | None = None
) -> RestoreResult:
    """Restore a plain SQLite copy, such as an automatic backup; it is copied, never moved."""
    actor.require(Permission.BACKUP_RESTORE)
    _require_lock(paths)
    source = Path(source)
    if not source.is_file():  # SQLite would quietly create an empty database there
        missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(source))
        raise _unreadable(source, missing)
    steps = ProgressSteps(progress, [2, 1, 2, 1])
    with _scratch(paths) as scratch:
        candidate = scratch / "restore.sqlite"
        steps.start(1)
        try:
            sqlite_files.snapshot(source, candidate)
        except sqlite3.OperationalError as error:
            disk_error = sqlite_files.as_os_error(error, paths.data_dir)
            if disk_error is not None and disk_error.errno in _WRITE_ERRORS:
                raise storage_error(disk_error, paths.data_dir) from None
            raise DamagedBackupError() from None
        except sqlite3.DatabaseError:
            raise DamagedBackupError() from None
        except OSError as error:
            if error.errno in _WRITE_ERRORS:
                raise storage_error(error, paths.data_dir) from None
            raise _unreadable(source, error) from None
        steps.start(1)
        result = _install(paths, candidate, scratch, actor, steps)
    steps.finish()
    return result


def is_plain_database(source: Path) -> bool:
    """An automatic backup (a plain SQLite copy) needs no passphrase; a board backup does."""
    return sqlite_files.looks_like_sqlite(Path(source))


def _unreadable(source: Path, error: OSError) -> BackupError:
    log.error("backup file unreadable: %s", error.strerror)
    return BackupError(
        _("The file {file} cannot be read ({reason}). Nothing has been changed.").format(
            file=source.name, reason=error.strerror or type(error).__name__
        )
    )


def _require_lock(paths: Paths) -> None:
    if not is_locked(paths.lock_file):
        raise LockNotHeldError(str(paths.lock_file))


@contextlib.contextmanager
def _scratch(paths: Paths) -> Iterator[Path]:
    paths.ensure()
    try:
        with tempfile.TemporaryDirectory(dir=paths.data_dir, prefix=".restore-") as folder:
            yield Path(folder)
    except OSError as error:
        raise storage_error(error, paths.data_dir) from None
    except sqlite3.OperationalError as error:
        disk_error = sqlite_files.as_os_error(error, paths.data_dir)
        if disk_error is None:
            raise
        raise storage_error(disk_error, paths.data_dir) from None


def _install(
    paths: Paths, candidate: Path, scratch: Path, actor: Actor, steps: ProgressSteps
) -> RestoreResult:
    # The safety copy of the current database (mostly disk work) is made while the candidate's
    # checks keep the processor busy; nobody writes meanwhile (the caller holds the lock). It is
    # removed again if anything fails, so a failed restore leaves no trace.
    with ThreadPoolExecutor(max_workers=2) as pool:
        saving = pool.submit(save_safety_copy, paths)
        try:
            _check_sound(candidate, pool)
        except BaseException:
            _discard(saving)
            raise
    safety_copy = saving.result()
    try:
        revision = sqlite_files.schema_revision(candidate)
        if revision is None:
            raise DamagedBackupError()
        if revision not in known_revisions():
            raise BackupTooNewError()
        steps.start(1)
        migrated = revision != head_revision()
        _bring_up_to_date(candidate, scratch, actor, revision, migrated)
        row_counts = sqlite_files.table_row_counts(candidate)
    except BaseException:
        if safety_copy is not None:
            sqlite_files.remove_quietly(safety_copy)
        raise
    steps.start(1)
    _swap(paths, candidate, scratch)  # past this point the safety copy is kept, come what may
    log.info("database restored (schema %s, migrated %s)", revision, migrated)
    return RestoreResult(safety_copy, revision, migrated, row_counts)


def _discard(saving: Future[Path | None]) -> None:
    """A safety copy made for a restore that did not happen is not kept."""
    try:
        made = saving.result()
    except Exception:  # its own failure counts for nothing beside the one being raised
        return
    if made is not None:
        sqlite_files.remove_quietly(made)


def _check_sound(candidate: Path, pool: ThreadPoolExecutor) -> None:
    """integrity_check and foreign_key_check, side by side: both only read, and take seconds
    on a large database."""
    links = pool.submit(sqlite_files.foreign_key_problems, candidate)
    try:
        if sqlite_files.integrity_problems(candidate):
            raise DamagedBackupError()
    finally:
        wait([links])
    try:
        broken = links.result()
    except sqlite3.DatabaseError:
        raise DamagedBackupError() from None
    if broken:
        raise DamagedBackupError()


def _bring_up_to_date(
    candidate: Path, scratch: Path, actor: Actor, revision: str, migrated: bool
) -> None:
    """Migrate an older schema and record the restore, then settle the file for the swap."""
    database = Database(candidate)
    try:
        if migrated:
            try:
                upgrade(database, scratch / "before-update")
            except MigrationFailedError:
                log.error("migrating the restored copy failed", exc_info=True)
                raise BackupError(
                    _(
                        "The backup could not be brought up to date for this version of the "
                        "program. Nothing has been changed."
                    )
                ) from None
        _record(database, actor, revision)
    finally:
        database.dispose()
    sqlite_files.settle(candidate)
    # The full checks ran above. A migration rewrites tables, so after one a quick_check (no
    # index cross-check) and the foreign keys are checked again; without one, only the audit
    # row was added (through a connection that enforces foreign keys), and that needs no
    # second pass over the whole file.
    if migrated and (
        sqlite_files.integrity_problems(candidate, quick=True)
        or sqlite_files.foreign_key_problems(candidate)
    ):
        raise DamagedBackupError()


def _record(database: Database, actor: Actor, revision: str) -> None:
    """The restored database's own audit log says it was restored (ids and codes only)."""
    with database.session() as session:
        staff_id = actor.staff_id
        if staff_id is not None and session.scalar(select(Staff.id).where(Staff.id == staff_id)):
            recorded = actor
        else:
            recorded = Actor(staff_id=None, role=actor.role, via=actor.via)
        audit.record(session, recorded, "restored", "database", None, f"schema={revision}")


def save_safety_copy(paths: Paths, prefix: str = SAFETY_COPY_PREFIX) -> Path | None:
    """The current database, as one file in the backup folder, before anything replaces it."""
    if not paths.database.exists():
        return None
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = paths.backup_dir / f"{prefix}{stamp}.sqlite"
    partial = target.with_name(target.name + ".part")
    try:
        try:
            sqlite_files.snapshot(paths.database, partial)
        except sqlite3.OperationalError as error:
            disk_error = sqlite_files.as_os_error(error, paths.backup_dir)
            if disk_error is not None:
                raise disk_error from None
            raise
        except sqlite3.DatabaseError:
            # Too damaged for SQLite to read: keep the raw bytes (and its log) instead.
            sqlite_files.remove_quietly(partial)
            shutil.copyfile(paths.database, partial)
            sqlite_files.fsync_file(partial)
            wal = Path(f"{paths.database}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{target}-wal"))
        os.replace(partial, target)
        sqlite_files.fsync_dir(paths.backup_dir)
    except OSError as error:
        sqlite_files.remove_quietly(partial)
        raise storage_error(error, paths.backup_dir) from None
    return target


def _swap(paths: Paths, candidate: Path, scratch: Path) -> None:
    """Rename the checked copy over the database; the old log files must not survive it.

    A WAL file left beside the new database would be replayed into it. The current database
    is settled first (its log folded in); what remains (a damaged file's log) is moved aside,
    and moved back if the rename fails, so a failure changes nothing.
    """
    target = paths.database
    if target.exists():
        try:
            sqlite_files.settle(target)
        except sqlite3.OperationalError:
            raise  # busy: someone still has it open, so swapping now would be unsafe
        except sqlite3.DatabaseError:
            pass  # damaged; the safety copy holds its raw bytes and log
    moved: list[tuple[Path, Path]] = []
    try:
        for side in sqlite_files.side_files(target):
            if side.exists():
                aside = scratch / f"old{side.name[len(target.name) :]}"
                os.replace(side, aside)
                moved.append((aside, side))
        os.replace(candidate, target)
    except OSError as error:
        for aside, side in reversed(moved):
            os.replace(aside, side)
        raise storage_error(error, paths.data_dir) from None
    sqlite_files.fsync_dir(target.parent)
