"""What every subcommand shares: the parser's Dutch errors, the context, exit codes, output."""

from __future__ import annotations

import argparse
import csv
import logging
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NoReturn

from sqlalchemy.exc import OperationalError

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.lock import AlreadyOpenError, InstanceLock, is_locked
from minami_desk.data.migrate import MigrationFailedError, SchemaTooNewError
from minami_desk.data.store import open_database
from minami_desk.errors import UserError
from minami_desk.i18n import _
from minami_desk.logging_setup import configure_logging
from minami_desk.services.actor import Actor

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

log = logging.getLogger(__name__)


class CommandFailed(Exception):
    """Raised by a handler with a Dutch message; becomes exit code 1."""


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE, _("{prog}: error: {message}\n").format(prog=self.prog, message=message)
        )


def already_open_message() -> str:
    return _(
        "Mi na Mi Desk is already open with this data folder. "
        "Close the other window first, or use that one."
    )


@dataclass
class CommandContext:
    """Paths plus a database opened on first use; writers also hold the instance lock."""

    paths: Paths
    actor: Actor = field(default_factory=Actor.command_line)
    _db: Database | None = None
    _lock: InstanceLock | None = None

    def database(self, write: bool = False) -> Database:
        """Readers work while the window is open; writers refuse, with the window's message."""
        if write:
            self.hold_lock()
        if self._db is None:
            if not write and not self.paths.database.exists():
                self.paths.ensure()
            migrate = write or not is_locked(self.paths.lock_file)
            self._db = open_database(self.paths, migrate=migrate)
        return self._db

    def hold_lock(self) -> None:
        """The instance lock alone, for commands that replace the database file (restore)."""
        if self._lock is not None:
            return
        self.paths.ensure()
        lock = InstanceLock(self.paths.lock_file)
        try:
            lock.acquire()
        except AlreadyOpenError:
            raise CommandFailed(already_open_message()) from None
        self._lock = lock

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


Handler = Callable[[argparse.Namespace, CommandContext], int | None]


def run_command(handler: Handler, args: argparse.Namespace, context: CommandContext) -> int:
    """Run one subcommand and turn every failure into a Dutch message and exit code 1."""
    configure_logging(context.paths, "cli")
    try:
        result = handler(args, context)
        return EXIT_OK if result is None else result
    except BrokenPipeError:
        # The reader went away (``minami-desk list … | head``): that is not a failure.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        message = _("Stopped.")
    except Exception as error:  # every failure ends as a message, never as a traceback
        message = failure_message(error, context.paths)
    finally:
        context.close()
    print(message, file=sys.stderr)
    return EXIT_FAILURE


def failure_message(error: Exception, paths: Paths) -> str:
    """The Dutch sentence for a failure; unexpected ones are logged (type and traceback only)."""
    if isinstance(error, CommandFailed | UserError):
        return str(error)
    if isinstance(error, SchemaTooNewError):
        return _(
            "This database was made by a newer version of Mi na Mi Desk. Install that version."
        )
    if isinstance(error, MigrationFailedError):
        log.error("migration failed: %s", type(error.__cause__).__name__)
        return _(
            "Updating the database failed. A copy from before the update is at: {path}"
        ).format(path=error.backup_path)
    if isinstance(error, OperationalError | sqlite3.OperationalError):
        log.error("database error: %s", type(error).__name__)
        if "locked" in str(error) or "busy" in str(error):
            return _("The database is busy. Try again in a moment.")
        return _("The database could not be read or written. Run 'minami-desk check'.")
    if isinstance(error, sqlite3.DatabaseError):
        log.error("database error: %s", type(error).__name__)
        return _("The database file is damaged. Run 'minami-desk check' or restore a backup.")
    if isinstance(error, OSError):
        log.error("file error: %s", error.strerror)
        return _("A file could not be read or written: {reason}").format(reason=error.strerror)
    log.error("unexpected error", exc_info=error)
    return _("Something went wrong. The details are in the log file in {folder}.").format(
        folder=paths.log_dir
    )


def say(message: str) -> None:
    print(message)


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """';'-separated lines with a header row, as DESIGN.md fixes for ``list``."""
    writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
