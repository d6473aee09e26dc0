"""The check on every start: is the database sound, and if not, what can bring it back.

It only reads the database. When ``quick_check`` fails, the window must not write: it keeps
a copy of the damaged file as ``*.corrupt`` (for an expert, or for a later rescue) and offers
the newest automatic backup that passes ``integrity_check``.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from minami_desk.config import Paths
from minami_desk.data import sqlite_files
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
