"""The board's encrypted backup file: make one from the live database, and check it.

The file is written next to its final name under a temporary name, flushed to the disk, read
back and checked, and only then renamed into place. A failure at any point (a full USB stick, a
read-only folder, a killed process) leaves the old file or no file at that name, never half a
file. The zip is encrypted as it is made, so the board's stick only ever holds ciphertext; the
snapshot and the decrypted read-back copy stay in the data folder, beside the database.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from minami_desk import __version__
from minami_desk.data import backup_format, backup_payload, sqlite_files
from minami_desk.data.backup_format import DEFAULT_KDF, KdfParameters
from minami_desk.data.backup_payload import Manifest
from minami_desk.data.db import Database
from minami_desk.errors import ValidationError
from minami_desk.i18n import _, format_number
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.backup_errors import (
    BackupError,
    BackupNotVerifiedError,
    LiveDatabaseDamagedError,
    format_error,
    storage_error,
)

log = logging.getLogger(__name__)

Progress = Callable[[float], None]
MIN_PASSPHRASE_LENGTH = 10
PARTIAL_SUFFIX = ".part"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    manifest: Manifest


class ProgressSteps:
    """Turns byte counts of the successive phases into one fraction for a progress bar.

    The callback may raise (a cancel button): the caller's cleanup then runs as for any error.
    """

    def __init__(self, progress: Progress | None, weights: list[float]) -> None:
        self._progress = progress
        self._weights = weights
        self._phase = -1
        self._total = 1
        self._done = 0

    def start(self, total: int) -> Callable[[int], None]:
        self._phase += 1
        self._total = max(total, 1)
        self._done = 0
        self._report()
        return self.advance

    def advance(self, amount: int) -> None:
        self._done = min(self._total, self._done + amount)
        self._report()

    def finish(self) -> None:
        """The work is done: a cancel pressed now comes too late to undo anything."""
        if self._progress is not None:
            with contextlib.suppress(Exception):
                self._progress(1.0)

    def _report(self) -> None:
        if self._progress is None:
            return
        before = sum(self._weights[: self._phase])
        share = self._weights[self._phase] * self._done / self._total
        self._progress(min(1.0, (before + share) / sum(self._weights)))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            "passphrase",
            _("The passphrase needs at least {count} characters.").format(
                count=MIN_PASSPHRASE_LENGTH
            ),
        )


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A score 0–4 and a hint for the person typing. Length counts most: several words beat
    a short word with symbols, and are easier for the treasurer to keep."""
    length = len(passphrase)
    words = len(passphrase.split())
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() and not c.isspace() for c in passphrase),
        )
    )
    if length < MIN_PASSPHRASE_LENGTH:
        return 0, _("Too short: use at least {count} characters.").format(
            count=MIN_PASSPHRASE_LENGTH
        )
    if len(set(passphrase)) <= 3:
        return 1, _("Weak: too many repeated characters.")
    score = 1 + (length >= 14) + (length >= 20 or words >= 4) + (kinds >= 3 and length >= 12)
    score = min(score, 4)
    hints = {
        1: _("Weak: make it longer, for example four unrelated words."),
        2: _("Fair: a few more words make it much stronger."),
        3: _("Good."),
        4: _("Strong."),
    }
    return score, hints[score]


def format_size(size: int) -> str:
    """ "12,3 MB": the unit a treasurer recognises on a USB stick."""
    if size < 1024 * 1024:
        return _("{size} kB").format(size=format_number(max(1, round(size / 1024))))
    return _("{size} MB").format(size=format_number(size / (1024 * 1024), decimals=1))


def _remove_stale_parts(target: Path) -> None:
    """Temporary files a killed earlier attempt left beside the target."""
    for stale in target.parent.glob(f".{target.name}.*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def manifest_for(snapshot: Path) -> Callable[[str, int], Manifest]:
    """What the manifest says apart from the database digest, which packing computes."""
    revision = sqlite_files.schema_revision(snapshot)
    row_counts = sqlite_files.table_row_counts(snapshot)
    created_at = datetime.now(UTC).isoformat(timespec="seconds")

    def describe(sha256: str, size: int) -> Manifest:
        return Manifest(
            program_version=__version__,
            schema_revision=revision,
            created_at=created_at,
            row_counts=row_counts,
            database_sha256=sha256,
            database_size=size,
        )

    return describe


def create_backup(
    db: Database,
    out_path: Path,
    passphrase: str,
    actor: Actor,
    *,
    progress: Progress | None = None,
    kdf: KdfParameters = DEFAULT_KDF,
) -> BackupResult:
    """Write an encrypted, verified backup of ``db`` to ``out_path``; only reads the database,
    so it works while the window is open."""
    actor.require(Permission.BACKUP_RESTORE)
    check_passphrase(passphrase)
    target = Path(out_path).expanduser().absolute()
    if target.is_dir():
        raise ValidationError("out", _("Choose a file name, not a folder."))
    live = [db.path.absolute(), *(side.absolute() for side in sqlite_files.side_files(db.path))]
    if target in live or (target.exists() and any(_same_file(target, f) for f in live)):
        raise ValidationError(
            "out", _("That is the database itself. Choose another name for the backup.")
        )
    if not target.parent.is_dir():
        missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
        raise storage_error(missing, target.parent)
    steps = ProgressSteps(progress, [2, 5, 2])
    work_folder = db.path.parent
    try:
        with (
            tempfile.TemporaryDirectory(dir=work_folder, prefix=".backup-work-") as scratch,
            ThreadPoolExecutor(max_workers=1) as pool,
        ):
            work = Path(scratch)
            # The key derivation needs nothing from the database: it runs while SQLite copies.
            keying = pool.submit(backup_format.new_header, passphrase, kdf)
            snapshot = work / backup_payload.DATABASE_NAME
            steps.start(1)
            sqlite_files.snapshot(db.path, snapshot, durable=False)  # scratch: never kept
            # quick_check (the page structure; integrity_check's index cross-check would
            # triple the time) runs beside the packing: both only read the snapshot, neither
            # holds the GIL. The automatic backups keep the full integrity_check.
            sound = pool.submit(sqlite_files.integrity_problems, snapshot, quick=True)
            try:
                describe = manifest_for(snapshot)
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError:  # too damaged even to count rows
                raise LiveDatabaseDamagedError() from None
            header, keys = keying.result()

            def confirm_sound() -> None:
                if sound.result():
                    raise LiveDatabaseDamagedError()  # never hand out a damaged copy

            size, manifest = _write_and_verify(
                header, keys, snapshot, describe, target, work, steps, confirm_sound
            )
    except backup_format.BackupFormatError:
        raise BackupNotVerifiedError() from None  # what we just wrote does not read back
    except _DiskFailed as failed:
        where = "data" if failed.folder == work_folder else "target"
        log.error("backup failed in the %s folder: %s", where, failed.error.strerror)
        raise storage_error(failed.error, failed.folder) from None
    except OSError as error:  # in the data folder: the snapshot
        log.error("backup failed in the data folder: %s", error.strerror)
        raise storage_error(error, work_folder) from None
    except sqlite3.OperationalError as error:
        disk_error = sqlite_files.as_os_error(error, work_folder)
        if disk_error is None:
            raise
        log.error("backup failed in the data folder: %s", disk_error.strerror)
        raise storage_error(disk_error, work_folder) from None
    except sqlite3.DatabaseError:  # SQLite could not even copy it
        raise LiveDatabaseDamagedError() from None
    steps.finish()
    log.info("backup written (%d bytes, schema %s)", size, manifest.schema_revision)
    return BackupResult(path=target, size=size, manifest=manifest)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False


class _DiskFailed(Exception):
    """An OSError with the folder whose disk refused: the target's or the data folder's."""

    def __init__(self, error: OSError, folder: Path) -> None:
        super().__init__(error.strerror)
        self.error = error
        self.folder = folder


def _write_and_verify(
    header: backup_format.Header,
    keys: backup_format.Keys,
    snapshot: Path,
    describe: Callable[[str, int], Manifest],
    target: Path,
    work: Path,
    steps: ProgressSteps,
    confirm_sound: Callable[[], None],
) -> tuple[int, Manifest]:
    """Zip and encrypt in one stream into a temporary file beside ``target``, fsync it, read
    it back as a restore would, and only then rename it into place.

    The plaintext never touches the target's disk: the zip is encrypted as it is made.
    """
    _remove_stale_parts(target)
    partial: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent
        )
        partial = Path(name)
        advance = steps.start(snapshot.stat().st_size)
        with os.fdopen(descriptor, "wb") as out:
            writer = backup_format.EncryptingWriter(header, keys, out)
            manifest = backup_payload.pack(snapshot, describe, writer, advance)
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
            _drop_from_cache(out.fileno())
        confirm_sound()
        _verify(header, keys, partial, manifest, work, steps.start(partial.stat().st_size))
        os.replace(partial, target)
        partial = None
        sqlite_files.fsync_dir(target.parent)
        return target.stat().st_size, manifest
    except OSError as error:
        raise _DiskFailed(error, target.parent) from None
    finally:
        if partial is not None:
            sqlite_files.remove_quietly(partial)


def _drop_from_cache(descriptor: int) -> None:
    """After fsync, forget the cached pages so the read-back comes from the stick itself."""
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)


def _verify(
    header: backup_format.Header,
    keys: backup_format.Keys,
    written: Path,
    manifest: Manifest,
    work: Path,
    advance: Callable[[int], None],
) -> None:
    """Open what is on the disk the way a restore does: decrypt it (the GCM tag covers every
    byte), then the manifest must be the one we wrote and the database inside must have the
    snapshot's SHA-256. The decrypted zip goes to the data folder, beside the snapshot."""
    readback = work / "readback.zip"
    try:
        with open(written, "rb") as handle, _ScratchFile(readback, work.parent) as scratch:
            if backup_format.read_header(handle).raw != header.raw:
                raise BackupNotVerifiedError()
            backup_format.decrypt(header, keys, handle, scratch.write, advance)
        if backup_payload.read_manifest(readback) != manifest:
            raise BackupNotVerifiedError()
        if backup_payload.database_digest(readback) != manifest.database_sha256:
            raise BackupNotVerifiedError()
    finally:
        sqlite_files.remove_quietly(readback)


class _ScratchFile:
    """The decrypted read-back copy; a full data disk is reported as the data folder's."""

    def __init__(self, path: Path, folder: Path) -> None:
        self._path = path
        self._folder = folder
        self._handle: BinaryIO | None = None

    def __enter__(self) -> _ScratchFile:
        try:
            self._handle = open(self._path, "wb")
        except OSError as error:
            raise _DiskFailed(error, self._folder) from None
        return self

    def write(self, chunk: bytes) -> None:
        assert self._handle is not None
        try:
            self._handle.write(chunk)
        except OSError as error:
            raise _DiskFailed(error, self._folder) from None

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError as error:
                raise _DiskFailed(error, self._folder) from None


def open_backup(
    source: Path,
    passphrase: str,
    scratch: Path,
    progress: Callable[[int], None] | None = None,
) -> tuple[Path, Manifest]:
    """Decrypt ``source`` into ``scratch`` and return the checked database file and manifest.

    Raises the Dutch ``BackupError``s: wrong passphrase, damaged, unknown version. Nothing
    outside ``scratch`` is touched.
    """
    payload = scratch / "payload.zip"
    try:
        with open(source, "rb") as handle:
            header = backup_format.read_header(handle)
            keys = backup_format.unlock(header, passphrase)
            with open(payload, "wb") as out:
                backup_format.decrypt(header, keys, handle, out.write, progress)
        manifest = backup_payload.read_manifest(payload)
        database = scratch / backup_payload.DATABASE_NAME
        backup_payload.extract_database(payload, database, manifest)
    except backup_format.BackupFormatError as error:
        raise format_error(error) from None
    finally:
        sqlite_files.remove_quietly(payload)
    return database, manifest


__all__ = [
    "BackupError",
    "BackupResult",
    "ProgressSteps",
    "check_passphrase",
    "create_backup",
    "format_size",
    "open_backup",
    "passphrase_strength",
]
