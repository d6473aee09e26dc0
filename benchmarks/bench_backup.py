"""Board backup and restore of the 10-year database, with the production Argon2id settings.

Baselines: SQLite's own online backup to a plain file (what any copy must at least cost), and
for restore a file copy of that plain backup. The difference is the price of compression,
encryption, the read-back check, the integrity and foreign-key checks and the atomic swap.

    python -m benchmarks --only backup             # with the runner (the 10-year database)
    python -m benchmarks.bench_backup --data-dir D # on its own, printing the table
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Result, measure, median, p95
from minami_desk.config import resolve_paths
from minami_desk.data.lock import InstanceLock
from minami_desk.data.store import open_database
from minami_desk.services.actor import Actor
from minami_desk.services.auto_backup import auto_backup_dir, make_auto_backup
from minami_desk.services.backup import create_backup
from minami_desk.services.restore import restore_backup

PASSPHRASE = "benchmark wachtwoordzin lang genoeg"
BACKUP_BUDGET_MS = 5000


def _with_cpu(result: Result, name: str, cpu_ms: list[float]) -> list[Result]:
    """The measured runs' process CPU time too (every thread: the checks and the hashing run
    beside the main work). On a shared machine wall-clock time is mostly waiting for a core.
    No budget on this line: two threads' CPU seconds add up to more than the wall-clock time."""
    return [result, Result(name, median(cpu_ms), p95(cpu_ms))]


def _cpu_recorded(function: Callable[[], object], cpu_ms: list[float]) -> Callable[[], None]:
    def timed() -> None:
        start = time.process_time()
        function()
        cpu_ms.append((time.process_time() - start) * 1000)

    return timed


def _raw_backup(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def run(data_dir: Path, repeat: int = 3) -> list[Result]:
    paths = resolve_paths(data_dir)
    db = open_database(paths, migrate=False)
    actor = Actor.command_line()
    with tempfile.TemporaryDirectory(prefix="minami-bench-backup-") as scratch:
        work = Path(scratch)
        board_file = work / "bestuur.mnb"
        raw_file = work / "raw.sqlite"
        made = []

        def backup() -> None:
            made.append(create_backup(db, board_file, PASSPHRASE, actor))

        backup_cpu: list[float] = []
        backup_result = measure(
            "backup: encrypted board file (10-year DB, Argon2id 64 MiB/t=3)",
            _cpu_recorded(backup, backup_cpu),
            repeat=repeat,
            baseline=("raw SQLite online backup", lambda: _raw_backup(db.path, raw_file)),
            budget_ms=BACKUP_BUDGET_MS,
        )
        db.dispose()
        auto_dir = auto_backup_dir(paths)
        existed = auto_dir.exists()

        def automatic() -> None:
            for old in auto_dir.glob("auto-*.sqlite"):
                old.unlink()  # otherwise "nothing changed" skips the copy
            make_auto_backup(paths, respect_interval=False)

        auto_result = measure(
            "automatic backup (copy, hash, integrity_check), as on closing",
            automatic,
            repeat=repeat,
            baseline=("raw SQLite online backup", lambda: _raw_backup(paths.database, raw_file)),
        )
        if not existed:
            shutil.rmtree(auto_dir, ignore_errors=True)
        target = resolve_paths(work / "restore-target")
        target.ensure()

        def restore() -> None:
            with InstanceLock(target.lock_file):
                restore_backup(target, board_file, PASSPHRASE, actor)
            for old in target.backup_dir.glob("voor-terugzetten-*"):
                old.unlink()  # keep the scratch disk from filling up between repeats

        def raw_restore() -> None:
            shutil.copyfile(raw_file, work / "raw-restored.sqlite")

        restore_cpu: list[float] = []
        restore_result = measure(
            "restore: board file into a data dir (checks, safety copy, swap)",
            _cpu_recorded(restore, restore_cpu),
            repeat=repeat,
            baseline=("copy of the raw SQLite backup", raw_restore),
        )
        database_mb = paths.database.stat().st_size / 1e6
        backup_mb = board_file.stat().st_size / 1e6
        size = Result(
            "board backup file size (MB, not ms)",
            backup_mb,
            backup_mb,
            baseline_name="database file (MB)",
            baseline_ms=database_mb,
            note="values are megabytes",
        )
    return [
        *_with_cpu(
            backup_result, "backup: encrypted board file, CPU time (all threads)", backup_cpu[1:]
        ),
        *_with_cpu(restore_result, "restore: board file, CPU time (all threads)", restore_cpu[1:]),
        auto_result,
        size,
    ]


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import table

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_backup")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(table(run(args.data_dir, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
