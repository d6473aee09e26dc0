"""The check on every start: is the database sound, and if not, what can bring it back.

It only reads the database. When ``quick_check`` fails, the window must not write: it keeps
a copy of the damaged file as ``*.corrupt`` (for an expert, or for a later rescue) and offers
the newest automatic backup that passes ``integrity_check``.

``quick_check`` reads the whole file: seconds on ten years of data. On a normal start (the
schema is current) it runs in the background (``BackgroundCheck``) while the window opens;
until its verdict every write is refused with a clear message, so nothing is written to a
file that might be damaged. When a migration is due, the check runs first (``startup_check``),
as the migration writes.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from minami_desk.config import Paths
from minami_desk.data import sqlite_files
from minami_desk.data.db import Database
from minami_desk.data.migrate import SCHEMA_HEAD
from minami_desk.errors import UserError, WritesPausedError
from minami_desk.i18n import _
from minami_desk.services.auto_backup import AutoBackup, list_auto_backups

log = logging.getLogger(__name__)

LEFTOVER_AGE_SECONDS = 6 * 3600


@dataclass(frozen=True)
class StartupCheck:
    ok: bool
    corrupt_copy: Path | None = None  # where the damaged file was kept
    suggested_backup: AutoBackup | None = None  # the newest sound automatic backup


def startup_check(paths: Paths) -> StartupCheck:
    remove_leftovers(paths)
    if not paths.database.exists():
        return StartupCheck(ok=True)
    problems = sqlite_files.integrity_problems(paths.database, quick=True)
    if not problems:
        return StartupCheck(ok=True)
    log.error("quick_check failed at start: %d problems", len(problems))
    corrupt = keep_corrupt_copy(paths)
    return StartupCheck(ok=False, corrupt_copy=corrupt, suggested_backup=newest_good_backup(paths))


def newest_good_backup(paths: Paths) -> AutoBackup | None:
    for backup in list_auto_backups(paths):
        if not sqlite_files.integrity_problems(backup.path):
            return backup
        log.error("automatic backup %s fails integrity_check", backup.path.name)
    return None


def keep_corrupt_copy(paths: Paths) -> Path:
    """Copy (never move: the window must not lose its only file) the database and its log."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = paths.data_dir / f"{paths.database.name}.{stamp}.corrupt"
    shutil.copyfile(paths.database, target)
    wal = Path(f"{paths.database}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))
    return target


def remove_leftovers(paths: Paths) -> None:
    """Scratch folders and partial files of killed backups; old ones only, as a backup from the
    command line may be running right now."""
    limit = time.time() - LEFTOVER_AGE_SECONDS
    candidates: list[Path] = []
    if paths.data_dir.is_dir():
        candidates += list(paths.data_dir.glob(".backup-work-*"))
        candidates += list(paths.data_dir.glob(".restore-*"))
    for folder in (paths.backup_dir, paths.backup_dir / "auto"):
        if folder.is_dir():
            candidates += list(folder.glob("*.part"))
    for leftover in candidates:
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime > limit:
                continue
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink()


def schema_is_current(paths: Paths) -> bool:
    """True when the file exists and needs no migration: its check may then run in the
    background. A file that cannot even be read counts as not current (checked first)."""
    if not paths.database.exists():
        return False
    try:
        return sqlite_files.schema_revision(paths.database) == SCHEMA_HEAD
    except sqlite3.DatabaseError:
        return False


class DatabaseDamagedError(UserError):
    """A write after the start-up check found damage: nothing may be written any more."""


class BackgroundCheck:
    """``quick_check`` on its own read-only connection, off the UI thread; ``db`` refuses
    writes until the verdict, and for good when the file is damaged."""

    def __init__(self, db: Database, paths: Paths) -> None:
        self.db = db
        self.paths = paths
        self.result: StartupCheck | None = None
        self.cancelled = False
        self._done = threading.Event()
        self._verdict = threading.Event()  # sooner than done: before the copy and backup search
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        # Set by the UI while nobody can see a refusal yet (signing in): a write then waits
        # for the verdict instead of being refused.
        self.wait_for_verdict: Callable[[], None] | None = None
        self._deferred: list[Callable[[], None]] | None = []  # None once the verdict is in
        db.write_gate = self._refuse

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def damaged(self) -> bool:
        return self.result is not None and not self.result.ok

    def wait(self, timeout: float | None = None) -> bool:
        """Until everything is known (on damage: the copy kept and the backup to offer)."""
        return self._done.wait(timeout)

    def wait_for_sound_or_damaged(self, timeout: float | None = None) -> bool:
        """Until the verdict alone is known."""
        return self._verdict.wait(timeout)

    def _refuse(self) -> None:
        if self.result is None and self.wait_for_verdict is not None:
            self.wait_for_verdict()
        if self.result is not None and self.result.ok:
            return  # the verdict came in while this write was on its way
        if self.damaged:
            raise DatabaseDamagedError(
                _(
                    "The database is damaged, so nothing can be saved. Restore a backup, "
                    "or ask the administrator for help."
                )
            )
        raise WritesPausedError(
            _(
                "The database is still being checked, which takes a few seconds after "
                "starting. Nothing was saved; try again in a moment."
            ),
            defer=self.defer,
        )

    def defer(self, write: Callable[[], None]) -> None:
        """Do ``write`` once the file is found sound (now, if it already is); never on a
        damaged file."""
        with self._lock:
            if self._deferred is not None:
                self._deferred.append(write)
                return
        if self.result is not None and self.result.ok:
            write()

    def _flush(self, sound: bool) -> None:
        with self._lock:
            writes, self._deferred = self._deferred or [], None
        if not sound:
            if writes:
                log.error("%d deferred writes dropped: the database is damaged", len(writes))
            return
        for write in writes:
            try:
                write()
            except Exception:  # one lost audit row must not stop the others
                log.exception("a deferred write failed")

    def run(self) -> StartupCheck:
        """The whole check (in a worker thread): the verdict, and on damage the copy kept
        and the backup to offer. Writes stay refused after damage, and after ``cancel``."""
        try:
            problems = self._quick_check()
            if problems is None:  # cancelled while closing: no verdict, writes stay refused
                return StartupCheck(ok=True)
            if not problems:
                self.result = StartupCheck(ok=True)
                if self.db.write_gate == self._refuse:
                    self.db.write_gate = None
                self._verdict.set()
                self._flush(sound=True)
                return self.result
            log.error("quick_check failed at start: %d problems", len(problems))
            # Refuse writes as "damaged" from here on, before the slow copy and backup search.
            self.result = StartupCheck(ok=False)
            self._verdict.set()
            self._flush(sound=False)
            self.result = StartupCheck(
                ok=False,
                corrupt_copy=keep_corrupt_copy(self.paths),
                suggested_backup=newest_good_backup(self.paths),
            )
            return self.result
        finally:
            self._verdict.set()
            self._done.set()

    def _quick_check(self) -> list[str] | None:
        """The problems found (empty when sound), or None when cancelled."""
        try:
            with sqlite_files.connect(self.paths.database, read_only=True) as connection:
                with self._lock:
                    if self.cancelled:
                        return None
                    self._connection = connection
                try:
                    connection.execute(f"PRAGMA cache_size = -{sqlite_files.CHECK_CACHE_KIB}")
                    rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
                finally:
                    with self._lock:  # before the connection closes: no interrupt after that
                        self._connection = None
        except sqlite3.DatabaseError as error:
            if self.cancelled:
                return None
            return [type(error).__name__]
        return [] if rows == ["ok"] else rows

    def cancel(self) -> None:
        """Closing before the verdict: stop reading (writes stay refused)."""
        with self._lock:
            self.cancelled = True
            if self._connection is not None:
                self._connection.interrupt()
