"""Automatic local backups: after changes, at most every 30 minutes and on closing.

They are plain SQLite copies in the data folder's ``backups/auto`` (the same protection as the
database itself), each checked with ``integrity_check`` before it is kept, thinned out to
12 daily, 10 weekly and 9 monthly copies. They are the way back after a damaged disk or a bad
mistake, so ``startup_check`` and the Beheer list offer them for restoring.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from minami_desk import clock
from minami_desk.config import Paths
from minami_desk.data import sqlite_files

log = logging.getLogger(__name__)

INTERVAL = timedelta(minutes=30)
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
_NAME = re.compile(r"^auto-(\d{8}T\d{6}Z)\.sqlite$")
_STAMP = "%Y%m%dT%H%M%SZ"
_STATE = "state.json"
_PARTIAL = ".part"

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    created_at: datetime  # aware, UTC
    size: int


def auto_backup_dir(paths: Paths) -> Path:
    return paths.backup_dir / "auto"


def list_auto_backups(paths: Paths) -> list[AutoBackup]:
    """Newest first, for the Beheer list and for choosing one to restore."""
    folder = auto_backup_dir(paths)
    found: list[AutoBackup] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        with contextlib.suppress(OSError):
            moment = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append(AutoBackup(entry, moment, entry.stat().st_size))
    found.sort(key=lambda backup: backup.created_at, reverse=True)
    return found


def backups_to_keep(
    backups: Sequence[tuple[datetime, T]],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[T]:
    """The newest backup of each of the last ``daily`` days that have one, of the last
    ``weekly`` ISO weeks and of the last ``monthly`` months (days as Amsterdam has them).

    Counting periods that have a backup, not calendar periods, means a centre closed for the
    summer still keeps 12 days of backups from before the break.
    """
    ordered = sorted(backups, key=lambda item: item[0], reverse=True)
    keep: set[T] = set()
    rules: list[tuple[int, Callable[[datetime], object]]] = [
        (daily, lambda moment: moment.date()),
        (weekly, lambda moment: moment.isocalendar()[:2]),
        (monthly, lambda moment: (moment.year, moment.month)),
    ]
    for count, period in rules:
        seen: set[object] = set()
        for moment, item in ordered:
            key = period(clock.local(moment))
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(item)
    if ordered:
        keep.add(ordered[0][1])
    return keep


def maybe_auto_backup(paths: Paths, now: datetime | None = None) -> AutoBackup | None:
    """Call after changes or on a timer: a backup when the newest is 30 minutes old and the
    database changed since. Never raises: a failed automatic backup is logged, not shown."""
    return _guarded(paths, now, respect_interval=True)


def auto_backup_on_close(paths: Paths, now: datetime | None = None) -> AutoBackup | None:
    """On closing the window: a backup whenever something changed, however recent the last."""
    return _guarded(paths, now, respect_interval=False)


def _guarded(paths: Paths, now: datetime | None, respect_interval: bool) -> AutoBackup | None:
    try:
        return make_auto_backup(paths, now, respect_interval)
    except (OSError, sqlite3.Error) as error:
        log.error("automatic backup failed: %s", type(error).__name__)
        return None


def make_auto_backup(
    paths: Paths, now: datetime | None = None, respect_interval: bool = True
) -> AutoBackup | None:
    """The work behind both entry points; raises on disk errors (tests look at those).

    "Changed since the newest backup" is decided by the SHA-256 of a fresh snapshot. A cheap
    look at the files first (sizes and modification times of the database and its log, as
    they were when the newest backup was taken) skips even the snapshot while the desk is
    idle, so a large database is not copied every few minutes for nothing.
    """
    moment = (now or clock.now()).astimezone(UTC).replace(microsecond=0)
    if not paths.database.exists():
        return None
    existing = list_auto_backups(paths)
    if respect_interval and existing and moment - existing[0].created_at < INTERVAL:
        return None
    folder = auto_backup_dir(paths)
    state = _load_state(folder)
    newest = existing[0] if existing else None
    fingerprint = _fingerprint(paths.database)
    if newest and state.get("name") == newest.path.name and state.get("files") == fingerprint:
        return None  # not a byte of the database files changed
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"auto-{moment.strftime(_STAMP)}.sqlite"
    if target.exists():
        return None
    partial = target.with_name(target.name + _PARTIAL)
    try:
        sqlite_files.snapshot(paths.database, partial)
        digest = sqlite_files.sha256_file(partial)
        if newest and digest == _last_digest(state, newest):
            _save_state(folder, newest.path.name, digest, fingerprint)
            return None  # the files were touched, but the contents are the same
        problems = sqlite_files.integrity_problems(partial)
        if problems:
            log.error("automatic backup refused: integrity_check found %d problems", len(problems))
            return None
        os.replace(partial, target)
        sqlite_files.fsync_dir(folder)
    finally:
        sqlite_files.remove_quietly(partial)
    _save_state(folder, target.name, digest, fingerprint)
    made = AutoBackup(target, moment, target.stat().st_size)
    prune(paths)
    return made


def _fingerprint(database: Path) -> list[int]:
    """Taken before the snapshot: a commit after it changes the log, so it is never missed."""
    values: list[int] = []
    for path in (database, Path(f"{database}-wal")):
        try:
            stat = path.stat()
            values += [stat.st_size, stat.st_mtime_ns]
        except FileNotFoundError:
            values += [-1, -1]
    return values


def prune(paths: Paths) -> list[Path]:
    """Delete the automatic backups the retention rule no longer keeps; returns them."""
    backups = list_auto_backups(paths)
    keep = backups_to_keep([(backup.created_at, backup.path) for backup in backups])
    removed = []
    for backup in backups:
        if backup.path not in keep:
            sqlite_files.remove_quietly(backup.path)
            removed.append(backup.path)
    return removed


def _load_state(folder: Path) -> dict[str, object]:
    try:
        state = json.loads((folder / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _last_digest(state: dict[str, object], newest: AutoBackup) -> str:
    if state.get("name") == newest.path.name and isinstance(state.get("sha256"), str):
        return str(state["sha256"])
    return sqlite_files.sha256_file(newest.path)


def _save_state(folder: Path, name: str, digest: str, fingerprint: list[int]) -> None:
    """Only a shortcut for the change check; losing it costs one extra snapshot, nothing more."""
    partial = folder / (_STATE + _PARTIAL)
    try:
        state = {"name": name, "sha256": digest, "files": fingerprint}
        partial.write_text(json.dumps(state), encoding="utf-8")
        os.replace(partial, folder / _STATE)
    except OSError:
        sqlite_files.remove_quietly(partial)
