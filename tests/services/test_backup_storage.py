"""A full disk and a read-only folder: a clear message, no partial file, the database intact.

The real thing where the kernel allows it: a child process in its own user and mount
namespace (``unshare -Urm``, no root needed on the host) mounts a tiny or read-only tmpfs and
makes the backup there. Where that is not possible those tests are skipped, and a simulated
disk (a file object whose ``write`` raises ENOSPC after a few bytes, patched into the backup
module) still checks the clean-up path on every platform.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.sqlite_files import integrity_problems
from minami_desk.services import backup as backup_service
from minami_desk.services.actor import Actor
from minami_desk.services.backup import create_backup
from minami_desk.services.backup_errors import BackupNotVerifiedError, BackupStorageError
from tests.services.backup_helpers import FAST_KDF, populate, row_hashes

PASSPHRASE = "ijsvogel dijk zomer 7"
ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, shutil, sys
from pathlib import Path
from minami_desk import i18n
from minami_desk.data.backup_format import KdfParameters
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.backup import create_backup

i18n.set_language("nl")
args = json.loads(sys.argv[1])
database = Path(args["database"])
if args.get("copy_database_to"):
    moved = Path(args["copy_database_to"]) / database.name
    shutil.copyfile(database, moved)
    database = moved
db = Database(database)
outcome = {"error": None, "message": None}
try:
    create_backup(db, Path(args["target"]), args["passphrase"], Actor.system(),
                  kdf=KdfParameters(memory_kib=64, iterations=1, lanes=1))
except Exception as error:
    outcome = {"error": type(error).__name__, "message": str(error)}
db.dispose()
outcome["target_listing"] = sorted(p.name for p in Path(args["target"]).parent.iterdir())
outcome["data_listing"] = sorted(p.name for p in database.parent.iterdir())
from minami_desk.data.sqlite_files import integrity_problems
# Checked on a copy outside the tiny disk: on a full disk SQLite cannot even open it to read.
check = Path(args["check_dir"]) / database.name
for suffix in ("", "-wal"):
    if Path(f"{database}{suffix}").exists():
        shutil.copyfile(f"{database}{suffix}", f"{check}{suffix}")
outcome["integrity"] = integrity_problems(check)
print(json.dumps(outcome))
"""


def _namespaces_work() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=8k tmpfs /mnt 2>/dev/null"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not _namespaces_work(), reason="no user+mount namespaces here to mount a small tmpfs"
)


def _in_namespace(mount_point: Path, options: str, args: dict[str, object]) -> dict:
    mount_point.mkdir(exist_ok=True)
    check_dir = mount_point.parent / f"check-{mount_point.name}"
    check_dir.mkdir()
    args = {**args, "check_dir": str(check_dir)}
    script = 'mount -t tmpfs -o "$1" tmpfs "$2" && exec "$3" -c "$4" "$5"'
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    completed = subprocess.run(
        [
            "unshare",
            "-Urm",
            "sh",
            "-c",
            script,
            "sh",
            options,
            str(mount_point),
            sys.executable,
            CHILD,
            json.dumps(args),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.fixture
def big_db(db: Database) -> Database:
    populate(db, residents=200)
    return db


@needs_namespaces
def test_full_target_disk(big_db: Database, tmp_path: Path) -> None:
    before = row_hashes(big_db.path)
    stick = tmp_path / "stick"
    outcome = _in_namespace(
        stick,
        "size=8k",
        {"database": str(big_db.path), "target": str(stick / "b.mnb"), "passphrase": PASSPHRASE},
    )
    assert outcome["error"] == "BackupStorageError"
    assert "niet genoeg vrije ruimte" in outcome["message"] and str(stick) in outcome["message"]
    assert outcome["target_listing"] == []  # not even the temporary file
    assert outcome["integrity"] == []
    assert row_hashes(big_db.path) == before


@needs_namespaces
def test_read_only_target(big_db: Database, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    outcome = _in_namespace(
        stick,
        "ro,size=1m",
        {"database": str(big_db.path), "target": str(stick / "b.mnb"), "passphrase": PASSPHRASE},
    )
    assert outcome["error"] == "BackupStorageError"
    assert "mag niet schrijven" in outcome["message"]
    assert outcome["target_listing"] == []
    assert outcome["integrity"] == []


@needs_namespaces
def test_full_data_disk_while_packing(big_db: Database, tmp_path: Path) -> None:
    """The snapshot and zip are made in the data folder: when that disk is full, say so."""
    big_db.dispose()
    size_kib = big_db.path.stat().st_size // 1024 + 24  # the database fits, its copy does not
    data_disk = tmp_path / "datadisk"
    stick = tmp_path / "stick"
    stick.mkdir()
    outcome = _in_namespace(
        data_disk,
        f"size={size_kib}k",
        {
            "database": str(big_db.path),
            "copy_database_to": str(data_disk),
            "target": str(stick / "b.mnb"),
            "passphrase": PASSPHRASE,
        },
    )
    assert outcome["error"] == "BackupStorageError", outcome
    assert "niet genoeg vrije ruimte" in outcome["message"]
    assert str(data_disk) in outcome["message"]
    assert outcome["target_listing"] == []
    assert [name for name in outcome["data_listing"] if name.startswith(".")] == []
    assert outcome["integrity"] == []


class _FullDisk:
    """A file object that takes ``room`` bytes, then fails as a full disk does."""

    def __init__(self, handle, room: int) -> None:
        self._handle = handle
        self._room = room

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def test_simulated_full_disk_leaves_no_partial_file(
    big_db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: ``os.fdopen`` in the backup module hands out a writer that raises ENOSPC."""
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        backup_service.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k), 4096)
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    old = stick / "b.mnb"
    old.write_bytes(b"the previous backup")
    with pytest.raises(BackupStorageError) as caught:
        create_backup(big_db, old, PASSPHRASE, admin, kdf=FAST_KDF)
    assert "niet genoeg vrije ruimte" in str(caught.value)
    assert sorted(p.name for p in stick.iterdir()) == ["b.mnb"]
    assert old.read_bytes() == b"the previous backup"  # the old backup is still whole
    assert integrity_problems(big_db.path) == []


def test_read_only_folder_for_an_ordinary_user(
    big_db: Database, admin: Actor, paths: Paths, tmp_path: Path
) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("root may write in a read-only folder; the namespace test covers this")
    stick = tmp_path / "stick"
    stick.mkdir()
    stick.chmod(0o555)
    try:
        with pytest.raises(BackupStorageError) as caught:
            create_backup(big_db, stick / "b.mnb", PASSPHRASE, admin, kdf=FAST_KDF)
    finally:
        stick.chmod(0o755)
    assert "mag niet schrijven" in str(caught.value)
    assert list(stick.iterdir()) == []


RESTORE_CHILD = r"""
import hashlib, json, shutil, sys
from pathlib import Path
from minami_desk import i18n
from minami_desk.config import resolve_paths
from minami_desk.data.lock import InstanceLock
from minami_desk.data.sqlite_files import integrity_problems
from minami_desk.services.actor import Actor
from minami_desk.services.restore import restore_backup

i18n.set_language("nl")
args = json.loads(sys.argv[1])
paths = resolve_paths(args["data_dir"])
paths.ensure()
shutil.copyfile(args["database"], paths.database)
before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
outcome = {"error": None, "message": None}
with InstanceLock(paths.lock_file):
    try:
        restore_backup(paths, Path(args["backup"]), args["passphrase"], Actor.system())
    except Exception as error:
        outcome = {"error": type(error).__name__, "message": str(error)}
outcome["unchanged"] = hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
outcome["listing"] = sorted(
    str(p.relative_to(paths.data_dir)) for p in paths.data_dir.rglob("*") if "logs" not in p.parts
)
check = Path(args["check_dir"]) / "copy.sqlite"
shutil.copyfile(paths.database, check)
outcome["integrity"] = integrity_problems(check)
print(json.dumps(outcome))
"""


@needs_namespaces
def test_restore_onto_a_full_data_disk_changes_nothing(
    big_db: Database, admin: Actor, tmp_path: Path
) -> None:
    """The restore works on a scratch copy next to the database: no room, no change."""
    backup = create_backup(big_db, tmp_path / "b.mnb", PASSPHRASE, admin, kdf=FAST_KDF).path
    big_db.dispose()
    data_disk = tmp_path / "datadisk"
    size_kib = big_db.path.stat().st_size // 1024 + 48
    data_disk.mkdir()
    check_dir = tmp_path / "check-restore"
    check_dir.mkdir()
    script = 'mount -t tmpfs -o "$1" tmpfs "$2" && exec "$3" -c "$4" "$5"'
    args = {
        "data_dir": str(data_disk),
        "database": str(big_db.path),
        "backup": str(backup),
        "passphrase": PASSPHRASE,
        "check_dir": str(check_dir),
    }
    completed = subprocess.run(
        [
            "unshare",
            "-Urm",
            "sh",
            "-c",
            script,
            "sh",
            f"size={size_kib}k",
            str(data_disk),
            sys.executable,
            RESTORE_CHILD,
            json.dumps(args),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome["error"] == "BackupStorageError", outcome
    assert "niet genoeg vrije ruimte" in outcome["message"]
    assert outcome["unchanged"] and outcome["integrity"] == []
    assert [name for name in outcome["listing"] if name.startswith((".", "backups/"))] == [], (
        outcome["listing"]
    )


class _FlakyDisk(_FullDisk):
    """Stores one byte wrong, as a failing USB stick may: only reading back can tell."""

    def __init__(self, handle, flip_at: int) -> None:
        super().__init__(handle, room=1 << 40)
        self._flip_at = flip_at
        self._written = 0

    def write(self, data: bytes) -> int:
        if self._written <= self._flip_at < self._written + len(data):
            changed = bytearray(data)
            changed[self._flip_at - self._written] ^= 0x01
            data = bytes(changed)
        self._written += len(data)
        return super().write(data)


def test_a_backup_that_does_not_read_back_is_not_kept(
    big_db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: the file object under ``os.fdopen`` alters one byte on its way to disk."""
    real_fdopen = os.fdopen
    for flip_at in (20, 5000):  # in the header, and in the body
        monkeypatch.setattr(
            backup_service.os,
            "fdopen",
            lambda *a, flip_at=flip_at, **k: _FlakyDisk(real_fdopen(*a, **k), flip_at),
        )
        with pytest.raises(BackupNotVerifiedError):
            create_backup(big_db, tmp_path / "b.mnb", PASSPHRASE, admin, kdf=FAST_KDF)
        assert not list(tmp_path.glob("*b.mnb*"))
