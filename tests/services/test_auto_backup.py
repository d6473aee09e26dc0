"""Automatic local backups (fake clock), their thinning out, and the check at start."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from minami_desk import clock
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from minami_desk.data.sqlite_files import integrity_problems
from minami_desk.services.actor import Actor
from minami_desk.services.auto_backup import (
    auto_backup_dir,
    auto_backup_on_close,
    backups_to_keep,
    list_auto_backups,
    make_auto_backup,
    maybe_auto_backup,
)
from minami_desk.services.restore import restore_database_file
from minami_desk.services.startup import startup_check
from tests.services.backup_helpers import populate, row_hashes

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_backups_follow_changes_at_most_every_half_hour(db: Database, paths: Paths) -> None:
    populate(db, residents=3)
    first = maybe_auto_backup(paths, now=START)
    assert first is not None and integrity_problems(first.path) == []
    populate(db, residents=1, start=50)
    assert maybe_auto_backup(paths, now=START + timedelta(minutes=29)) is None  # too soon
    second = maybe_auto_backup(paths, now=START + timedelta(minutes=30))
    assert second is not None
    assert row_hashes(second.path) == row_hashes(db.path)
    assert maybe_auto_backup(paths, now=START + timedelta(hours=3)) is None  # nothing changed
    listed = list_auto_backups(paths)
    assert [backup.path for backup in listed] == [second.path]  # same day: newest kept
    assert listed[0].size == second.path.stat().st_size > 0
    assert listed[0].created_at == START + timedelta(minutes=30)


def test_closing_backs_up_recent_changes_too(db: Database, paths: Paths) -> None:
    populate(db, residents=2)
    assert maybe_auto_backup(paths, now=START) is not None
    assert auto_backup_on_close(paths, now=START + timedelta(minutes=5)) is None  # unchanged
    populate(db, residents=1, start=80)
    closing = auto_backup_on_close(paths, now=START + timedelta(minutes=6))
    assert closing is not None
    assert row_hashes(closing.path) == row_hashes(db.path)


def test_the_clock_module_drives_the_schedule(db: Database, paths: Paths) -> None:
    clock.fix(START)
    populate(db, residents=1)
    made = maybe_auto_backup(paths)
    assert made is not None and made.created_at == START


def test_retention_keeps_12_daily_10_weekly_9_monthly() -> None:
    """Two years of a backup every 30 minutes from 9:00 to 17:00 on weekdays."""
    moments = []
    day = date(2025, 1, 6)
    while day <= date(2026, 12, 31):
        if day.weekday() < 5:
            for half_hours in range(17):
                local = datetime(day.year, day.month, day.day, 9, tzinfo=clock.AMSTERDAM)
                moments.append(local + timedelta(minutes=30 * half_hours))
        day += timedelta(days=1)
    kept = sorted(backups_to_keep([(moment, moment) for moment in moments]), reverse=True)
    newest = max(moments)
    assert kept[0] == newest
    local_days = {clock.local(moment).date() for moment in kept}
    last_12_days = sorted({clock.local(m).date() for m in moments}, reverse=True)[:12]
    assert set(last_12_days) <= local_days
    for day in last_12_days:  # the last backup of each of those days
        assert max(m for m in moments if clock.local(m).date() == day) in kept
    weeks = {clock.local(moment).isocalendar()[:2] for moment in kept}
    months = {(clock.local(m).year, clock.local(m).month) for m in kept}
    assert len(weeks) >= 10 and len(months) == 9
    assert len(kept) <= 12 + 10 + 9
    assert min(kept) < newest - timedelta(days=240)  # the monthly ones reach far back


def test_retention_with_few_backups_keeps_them_all() -> None:
    moments = [START + timedelta(days=index * 3) for index in range(5)]
    assert backups_to_keep([(m, m) for m in moments]) == set(moments)
    assert backups_to_keep([]) == set()


def test_a_year_of_automatic_backups_is_pruned_on_disk(db: Database, paths: Paths) -> None:
    moment = START
    for index in range(40):
        populate(db, residents=1, start=1000 + index)
        assert maybe_auto_backup(paths, now=moment) is not None
        moment += timedelta(days=9)
    listed = list_auto_backups(paths)
    expected = backups_to_keep([(b.created_at, b.created_at) for b in listed])
    assert {b.created_at for b in listed} == expected
    assert len(listed) < 40
    assert listed[0].created_at == moment - timedelta(days=9)
    assert not list(auto_backup_dir(paths).glob("*.part"))


def test_an_automatic_backup_of_a_damaged_database_is_not_kept(db: Database, paths: Paths) -> None:
    populate(db, residents=30)
    db.dispose()
    _damage(paths.database)
    assert maybe_auto_backup(paths, now=START) is None  # logged, never raised at the window
    with pytest.raises(sqlite3.DatabaseError):
        make_auto_backup(paths, now=START)
    assert list_auto_backups(paths) == []
    assert not list(auto_backup_dir(paths).glob("*.part"))


def _damage(database: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk would."""
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    assert pages > 6
    with open(database, "r+b") as handle:
        for page in range(2, pages - 1, 2):
            handle.seek(page * page_size + 8)
            handle.write(b"\xde\xad\xbe\xef" * 64)


def test_start_up_finds_damage_keeps_it_and_offers_the_newest_good_backup(
    db: Database, paths: Paths
) -> None:
    populate(db, residents=30)
    good = maybe_auto_backup(paths, now=START)
    assert good is not None
    db.dispose()
    assert startup_check(paths).ok
    _damage(paths.database)
    damaged_bytes = paths.database.read_bytes()

    result = startup_check(paths)
    assert not result.ok
    assert result.corrupt_copy is not None and result.corrupt_copy.name.endswith(".corrupt")
    assert result.corrupt_copy.read_bytes() == damaged_bytes
    assert paths.database.read_bytes() == damaged_bytes  # the check itself wrote nothing
    assert result.suggested_backup is not None and result.suggested_backup.path == good.path

    with InstanceLock(paths.lock_file):
        restored = restore_database_file(paths, good.path, Actor.system())
    assert restored.safety_copy is not None
    assert startup_check(paths).ok
    assert row_hashes(paths.database, skip_restore_audit=True) == row_hashes(good.path)
    assert good.path.exists()  # restoring copies, it never moves the backup


def test_start_up_skips_a_damaged_automatic_backup(db: Database, paths: Paths) -> None:
    populate(db, residents=30)
    older = maybe_auto_backup(paths, now=START - timedelta(days=3))
    populate(db, residents=1, start=500)
    newer = maybe_auto_backup(paths, now=START)
    assert older is not None and newer is not None
    db.dispose()
    _damage(newer.path)
    _damage(paths.database)
    result = startup_check(paths)
    assert not result.ok
    assert result.suggested_backup is not None and result.suggested_backup.path == older.path


@pytest.mark.parametrize("exists", [False, True])
def test_start_up_with_a_sound_or_missing_database_is_ok(paths: Paths, exists: bool) -> None:
    if exists:
        Database(paths.database).dispose()
        from minami_desk.data.store import open_database

        open_database(paths).dispose()
    assert startup_check(paths).ok


def test_restoring_a_missing_copy_creates_nothing(paths: Paths, tmp_path: Path) -> None:
    from minami_desk.services.backup_errors import BackupError

    missing = tmp_path / "weg.sqlite"
    with InstanceLock(paths.lock_file), pytest.raises(BackupError) as caught:
        restore_database_file(paths, missing, Actor.system())
    assert "kan niet worden gelezen" in str(caught.value)
    assert not missing.exists()


def test_an_idle_desk_is_not_copied_again_and_again(
    db: Database, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the window keeps its connection and nobody changes anything, not even a
    snapshot is taken; a change is noticed at the next chance."""
    from minami_desk.data import sqlite_files
    from minami_desk.services import auto_backup

    populate(db, residents=2)  # the window's engine keeps a pooled connection open
    assert maybe_auto_backup(paths, now=START) is not None
    snapshots: list[Path] = []
    real_snapshot = sqlite_files.snapshot

    def counting(source: Path, target: Path) -> None:
        snapshots.append(target)
        real_snapshot(source, target)

    monkeypatch.setattr(auto_backup.sqlite_files, "snapshot", counting)
    for hours in (1, 2, 3):
        assert maybe_auto_backup(paths, now=START + timedelta(hours=hours)) is None
    assert auto_backup_on_close(paths, now=START + timedelta(hours=4)) is None
    assert snapshots == []
    populate(db, residents=1, start=90)
    made = maybe_auto_backup(paths, now=START + timedelta(hours=5))
    assert made is not None and len(snapshots) == 1
    assert row_hashes(made.path) == row_hashes(db.path)
