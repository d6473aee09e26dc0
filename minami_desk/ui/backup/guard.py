"""The window's side of data safety: the check at start, and automatic backups while open
and on closing (the work itself is in ``services.startup`` and ``services.auto_backup``)."""

from __future__ import annotations

import contextlib
import logging
import os
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from minami_desk import clock
from minami_desk.config import Paths
from minami_desk.i18n import _, format_date, format_time
from minami_desk.services.actor import Actor
from minami_desk.services.auto_backup import auto_backup_on_close, maybe_auto_backup
from minami_desk.services.database import Database, open_database
from minami_desk.services.startup import (
    BackgroundCheck,
    StartupCheck,
    remove_leftovers,
    schema_is_current,
    startup_check,
)
from minami_desk.ui.shell import tasks
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import confirm, show_error, show_exception, show_info

log = logging.getLogger(__name__)

# The service decides whether a backup is due (30 minutes, and only after changes); the
# timer merely asks often enough that "due" is noticed soon.
CHECK_EVERY_MS = 5 * 60 * 1000
# Signing in writes (the audit log); it waits this long at most for the start-up check.
WAIT_AT_SIGN_IN_SECONDS = 120


def check_at_start(paths: Paths, parent: QWidget | None = None) -> bool:
    """The check before a migration, on the UI thread (the migration writes, so it must wait
    for the verdict). True when the window may open."""
    result = startup_check(paths)
    if result.ok:
        return True
    return offer_restore(paths, result, parent)


def offer_restore(paths: Paths, result: StartupCheck, parent: QWidget | None = None) -> bool:
    """The database is damaged: offer the newest sound automatic backup. True when it was
    restored (and the window may open on it); nothing is written unless the user chooses so."""
    if result.suggested_backup is None:
        _tell_no_backup(parent, result)
        return False
    if not _ask_restore(parent, result):
        return False
    from minami_desk.services.restore import restore_database_file  # brings the crypto along

    try:
        restore_database_file(paths, result.suggested_backup.path, Actor.system())
    except Exception as error:
        show_exception(parent, error)
        return False
    return True


def open_at_start(paths: Paths) -> tuple[Database, StartCheck | None] | None:
    """The database for the window, and its check. None when the window must not open (the
    user was told why). ``SchemaTooNewError`` and ``MigrationFailedError`` pass through.

    A current schema (the normal start) is opened at once and checked in the background;
    a migration waits for the check, as it writes.
    """
    if schema_is_current(paths):
        remove_leftovers(paths)
        db = open_database(paths, migrate=False)
        return db, StartCheck(db, paths)
    if not check_at_start(paths):
        return None
    return open_database(paths), None


def _yield_to_the_window() -> None:
    """Run the calling thread (the check's own) at a lower priority: on a busy two-core PC
    the window being built must not wait for the check. Linux only (per-thread nice);
    elsewhere the check runs at normal priority."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class _CheckSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class StartCheck:
    """The window's side of ``BackgroundCheck``: it starts the check, lets the sign-in wait
    for the verdict (a busy cursor instead of a refusal), tells the status bar, and runs
    the damaged-database flow when the verdict is bad and the window is open."""

    def __init__(self, db: Database, paths: Paths) -> None:
        self.paths = paths
        self.check = BackgroundCheck(db, paths)
        self.check.wait_for_verdict = self._wait_with_busy_cursor
        self.context: AppContext | None = None
        # Set when the start-up flow itself dealt with the verdict (before the window).
        self.handled = False
        self._label: QLabel | None = None
        self._arrived: StartupCheck | None = None  # the verdict, once it reached this thread
        # Its own thread, not the task pool: the check takes seconds, and the pool's two
        # threads are for Vandaag's panels meanwhile. The answer comes back as a queued signal.
        self._signals = _CheckSignals()
        self._signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="start-up check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _yield_to_the_window()
        try:
            result = self.check.run()
        except Exception as error:  # not a verdict on the file; told on the UI thread
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)

    @property
    def damaged(self) -> bool:
        return self.check.damaged

    def wait(self) -> StartupCheck | None:
        """The full verdict (with the copy kept and the backup to offer), waiting for it."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.check.wait(WAIT_AT_SIGN_IN_SECONDS)
        finally:
            QApplication.restoreOverrideCursor()
        return self.check.result

    def _wait_with_busy_cursor(self) -> None:
        """Before the window opens (signing in writes), wait for the verdict: the check
        started with the program and is usually done by the time the password is typed."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.check.wait_for_sound_or_damaged(WAIT_AT_SIGN_IN_SECONDS)
        finally:
            QApplication.restoreOverrideCursor()

    def attach(self, context: AppContext) -> None:
        """The window is there: from now on a write during the check is refused with a
        message (the window must not freeze), and the status bar says what is going on."""
        self.context = context
        self.check.wait_for_verdict = None
        if self._arrived is not None:  # the verdict came while the window was being built
            self._finished(self._arrived)
            return
        window = context.window
        if window is not None and not self.handled:
            self._label = QLabel(_("Checking the database…"), window)
            self._label.setObjectName("muted")
            self._label.setAccessibleName(_("Checking the database…"))
            window.statusBar().addPermanentWidget(self._label)

    def cancel(self) -> None:
        """Closing before the verdict: stop reading the file (SQLite stops within moments)."""
        self.check.cancel()
        self._thread.join(timeout=10)

    def _finished(self, result: StartupCheck) -> None:
        self._arrived = result
        if self._label is not None:
            self._label.deleteLater()
            self._label = None
        if self.handled or self.check.cancelled:
            return
        context = self.context
        if context is None:
            if not result.ok:
                # Still signing in: close that dialog; the start goes on with ``offer_restore``.
                for widget in QApplication.topLevelWidgets():
                    if isinstance(widget, QDialog) and widget.isVisible():
                        widget.reject()
            return  # otherwise ``attach`` tells the window
        self.handled = True
        if result.ok:
            context.bus.status_message.emit(_("The database has been checked: it is sound."))
            return
        self._damaged_in_window(context, result)

    def _failed(self, error: BaseException) -> None:
        # The check itself could not finish (not a verdict on the file): writes stay refused.
        log.error("start-up check failed: %s", type(error).__name__)
        if self._label is not None:
            self._label.setText(_("The database could not be checked; nothing can be saved."))

    def _damaged_in_window(self, context: AppContext, result: StartupCheck) -> None:
        """The window is open on a damaged file and has written nothing to it. Restore the
        newest sound automatic backup into the open window, or close the window."""
        from minami_desk.services.restore import restore_database_file
        from minami_desk.ui.backup import dialogs as backup_dialogs

        window = context.window
        context.bus.status_message.emit(_("The database is damaged; nothing is saved."))
        backup = result.suggested_backup
        if backup is None:
            _tell_no_backup(window, result)
        elif _ask_restore(window, result):
            backup_dialogs.restore_in_window(
                context,
                lambda progress: restore_database_file(
                    self.paths, backup.path, Actor.system(), progress=progress
                ),
            )
            return
        if window is not None:
            window.close()


def _kept(result: StartupCheck) -> str:
    return _("A copy of the damaged file is kept at:\n{path}").format(path=result.corrupt_copy)


def _ask_restore(parent: QWidget | None, result: StartupCheck) -> bool:
    backup = result.suggested_backup
    assert backup is not None
    moment = clock.local(backup.created_at)
    question = (
        _(
            "The database is damaged. The newest good automatic backup is from {date} at "
            "{time}. Restore it? Work done after that moment is not in it."
        ).format(date=format_date(moment.date()), time=format_time(moment))
        + "\n\n"
        + _kept(result)
    )
    if confirm(parent, question, _("&Restore"), _("Database damaged")):
        return True
    show_info(
        parent,
        _("Mi na Mi Desk closes without changing anything.") + "\n\n" + _kept(result),
        _("Database damaged"),
    )
    return False


def _tell_no_backup(parent: QWidget | None, result: StartupCheck) -> None:
    show_error(
        parent,
        _(
            "The database is damaged and there is no automatic backup to go back to. "
            "Nothing has been changed. Restore a backup file with "
            "'minami-desk restore FILE', or ask the administrator for help."
        )
        + "\n\n"
        + _kept(result),
        _("Database damaged"),
    )


def install_auto_backup(context: AppContext) -> QTimer | None:
    if context.demo:
        return None  # a throw-away database needs no backups
    timer = QTimer(context.window)
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(lambda: backup_if_due(context))
    timer.start()
    return timer


def backup_if_due(context: AppContext) -> None:
    from minami_desk.ui.backup import dialogs as backup_dialogs

    if backup_dialogs.restoring or context.db.write_gate is not None:
        return  # a restore runs, or the start-up check has no (good) verdict yet
    paths = context.paths

    def done(made: object) -> None:
        if made is not None:
            context.bus.changed.emit("backups")

    tasks.run_task(None, lambda: maybe_auto_backup(paths), on_done=done, on_error=_log_only)


def backup_on_close(context: AppContext) -> None:
    """After the window's tasks ended and its connections closed. Not when writes were
    refused (a damaged file, or closed before the check's verdict): nothing changed."""
    if not context.demo and context.db.write_gate is None:
        auto_backup_on_close(context.paths)


def _log_only(error: BaseException) -> None:
    log.error("automatic backup task failed: %s", type(error).__name__)
