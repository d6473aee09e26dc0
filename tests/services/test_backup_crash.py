"""Crash safety: child processes killed with SIGKILL at random moments while they write.

The children are forked from the test process (so each starts in milliseconds instead of
re-importing everything) and then really killed by the kernel, with no chance to clean up.
Each reports a commit only after ``commit()`` returned; after every kill the database must pass
``integrity_check`` and hold every reported commit, and the backup file's name must hold either
nothing or a complete, decryptable backup.
"""

from __future__ import annotations

import os
import random
import signal
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from minami_desk.config import Paths, resolve_paths
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from minami_desk.data.models import Attendance, Resident, Session
from minami_desk.data.sqlite_files import integrity_problems
from minami_desk.data.store import open_database
from minami_desk.services.actor import Actor
from minami_desk.services.backup import create_backup, open_backup
from minami_desk.services.restore import restore_backup
from tests.services.backup_helpers import FAST_KDF, populate, row_hashes

PASSPHRASE = "kraanvogel gracht 2026"
ROUNDS = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)"),
]


def _write_residents(db: Database, out: int, first_number: int, session_id: int) -> None:
    number = first_number
    started = False
    while True:
        with db.session() as session:
            resident = Resident(
                number=number, first_name="Yaw", last_name="Boakye", registered_on=_today()
            )
            session.add(resident)
            session.flush()
            session.add(
                Attendance(
                    session_id=session_id,
                    resident_id=resident.id,
                    status="present",
                    registered_at=_now(),
                    walk_in=True,
                )
            )
        os.write(out, f"committed {number}\n".encode())
        number += 1
        if not started:  # the parent's random wait starts once work is really going on
            os.write(out, b"ready\n")
            started = True


def _make_backups(db: Database, out: int, first_number: int, target: Path) -> None:
    number = first_number
    while True:
        with db.session() as session:
            session.add(
                Resident(
                    number=number, first_name="Abena", last_name="Ofori", registered_on=_today()
                )
            )
        os.write(out, f"committed {number}\n".encode())
        if number == first_number:
            os.write(out, b"ready\n")
        number += 1
        create_backup(db, target, PASSPHRASE, Actor.system(), kdf=FAST_KDF)
        os.write(out, b"backup\n")


def _restore_again(paths: Paths, out: int, source: Path) -> None:
    with InstanceLock(paths.lock_file):
        os.write(out, b"ready\n")
        while True:
            restore_backup(paths, source, PASSPHRASE, Actor.system())
            os.write(out, b"restored\n")


def _today():
    from minami_desk.clock import today

    return today()


def _now():
    from minami_desk.clock import now

    return now()


def _run_child(work, rng: random.Random) -> list[str]:
    """Fork, let the child work, kill it at a random moment; return the lines it reported."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read_end)
        try:
            work(write_end)
        except BaseException as error:  # reported to the parent
            os.write(write_end, f"error {type(error).__name__}: {error}\n".encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        early = []
        while (line := reader.readline()) != b"ready\n":
            assert line, f"the child ended before it was ready: {early}"
            early.append(line.decode().strip())
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        lines = early + reader.read().decode().splitlines()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, lines
    assert not [line for line in lines if line.startswith("error")], lines
    return lines


def test_killed_writers_lose_no_reported_commit(paths: Paths, tmp_path: Path) -> None:
    db = open_database(paths)
    populate(db, residents=5)
    with db.read_session() as session:
        session_id = session.scalars(select(Session.id)).first()
    db.dispose()
    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / "bestuur.mnb"
    restore_paths = resolve_paths(tmp_path / "restore-target")
    rng = random.Random(20261127)
    reported: set[int] = set()
    kills = {"write": 0, "backup": 0, "restore": 0}
    expected_restored: dict[str, list[str]] | None = None

    for round_number in range(ROUNDS):
        mode = ("write", "write", "backup", "write", "backup", "restore")[round_number % 6]
        first = 10_000 * (round_number + 1)
        if mode == "restore":
            if not target.exists():
                continue
            if expected_restored is None:
                with InstanceLock(restore_paths.lock_file):
                    restore_backup(restore_paths, target, PASSPHRASE, Actor.system())
                source = tmp_path / "fixed.mnb"
                source.write_bytes(target.read_bytes())
                expected_restored = row_hashes(restore_paths.database, skip_restore_audit=True)

            def work(out: int, source: Path = source) -> None:
                _restore_again(restore_paths, out, source)

            _run_child(work, rng)
            assert integrity_problems(restore_paths.database) == []
            assert row_hashes(restore_paths.database, skip_restore_audit=True) == expected_restored
            kills[mode] += 1
            continue

        def work(out: int, mode: str = mode, first: int = first) -> None:
            database = Database(paths.database)
            if mode == "write":
                _write_residents(database, out, first, session_id)
            else:
                _make_backups(database, out, first, target)

        lines = _run_child(work, rng)
        kills[mode] += 1
        reported |= {int(line.split()[1]) for line in lines if line.startswith("committed")}
        assert integrity_problems(paths.database) == []
        check = Database(paths.database)
        with check.read_session() as session:
            present = set(session.scalars(select(Resident.number)))
        check.dispose()
        assert reported <= present
        if target.exists():  # the name holds a complete backup, never a partial one
            with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
                database, manifest = open_backup(target, PASSPHRASE, Path(scratch))
                assert integrity_problems(database) == []
                assert manifest.row_counts["resident"] >= 5
        assert [p.name for p in stick.iterdir() if not p.name.endswith(".part")] in (
            [],
            ["bestuur.mnb"],
        )

    assert sum(kills.values()) >= 50
    assert all(kills.values()), kills
    # Every writing child had committed before its random kill, so each left a trace.
    assert len(reported) >= kills["write"] + kills["backup"]
