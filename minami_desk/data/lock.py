"""One window per data dir, enforced by an OS file lock.

The operating system drops the lock when the process dies, however it dies, so a stale lock
file from a killed program never blocks the next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO


class AlreadyOpenError(RuntimeError):
    """Another Mi na Mi Desk holds the lock on this data dir."""


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class InstanceLock:
    """Held by the window and by commands that write, for as long as they run."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        if not _try_lock(handle):
            handle.close()
            raise AlreadyOpenError(str(self.path))
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        _unlock(self._handle)
        self._handle.close()
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def is_locked(path: Path) -> bool:
    """True while another process holds the lock (used to refuse writing commands)."""
    if not Path(path).exists():
        return False
    probe = InstanceLock(path)
    try:
        probe.acquire()
    except AlreadyOpenError:
        return True
    probe.release()
    return False
