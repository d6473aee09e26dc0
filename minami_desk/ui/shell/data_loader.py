"""The data layer, imported and opened on its own thread while the window's frame shows.

Importing SQLAlchemy, the models and the services costs about a second of CPU; done before
the first screen, the desk stared at nothing meanwhile. Imports hold Python's import lock per
module, so the UI thread keeps painting (it only waits if it imports one of those modules
itself). Only the parts that never ask the user anything run here: a database that needs a
migration is opened on the UI thread, as before (the migration may ask about a damaged file).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from minami_desk.config import Paths

if TYPE_CHECKING:
    from minami_desk.services.database import Database
    from minami_desk.ui.backup.guard import StartCheck

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal()


class DataLoader:
    """Starts at once; ``when_done`` calls back on the UI thread, ``opened`` waits."""

    def __init__(self, paths: Paths, demo: bool = False, start: bool = True) -> None:
        self.paths = paths
        self.demo = demo
        self.db: Database | None = None
        self.error: BaseException | None = None
        self._finished = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._signals = _Signals()  # made on the UI thread: the callback arrives there
        self._signals.done.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self._delivered = False
        self._thread = threading.Thread(target=self._run, name="data layer", daemon=True)
        if start:
            self._thread.start()

    def start(self) -> None:
        """For a loader made with ``start=False``: the importing is Python code, so it shares
        the GIL with the UI thread; the window's frame is built before it starts."""
        self._thread.start()

    def _run(self) -> None:
        try:
            from minami_desk.services import accounts  # noqa: F401  (signing in needs it next)
            from minami_desk.services.database import open_database
            from minami_desk.services.startup import remove_leftovers, schema_is_current
            from minami_desk.ui.backup import guard  # noqa: F401  (its services, for the check)

            if self.demo:
                self.db = open_database(self.paths)  # made just now by the demo generator
            elif schema_is_current(self.paths):
                remove_leftovers(self.paths)
                self.db = open_database(self.paths, migrate=False)
            from minami_desk.ui.shell import screens

            for name in screens.start_modules():
                importlib.import_module(name)
            if self.db is not None:
                self.db.warm_up()
        except BaseException as error:  # told on the UI thread, by ``opened``
            self.error = error
        finally:
            self._finished.set()
            self._signals.done.emit()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def when_done(self, callback: Callable[[], None]) -> None:
        """``callback()`` on the UI thread once the data layer is there (at once if it is)."""
        if self._delivered:
            callback()
        else:
            self._callbacks.append(callback)

    def deliver(self) -> None:
        """Run the ``when_done`` callbacks now (after ``wait``), not at the next turn of the
        event loop: someone is waiting for them."""
        self._arrived()

    def _arrived(self) -> None:
        if self._delivered or not self.done:
            return
        self._delivered = True
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def wait(self) -> None:
        """Until the thread is done, with a busy cursor (someone is waiting for it)."""
        if self.done:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._thread.join()
        finally:
            QApplication.restoreOverrideCursor()

    def opened(self) -> tuple[Database, StartCheck | None] | None:
        """The database and its background check, as ``backup_guard.open_at_start`` gives
        them (None: the window must not open; the user was told why). Waits when needed; a
        database that needs a migration is opened here, on the UI thread."""
        self.wait()
        if self.error is not None:
            raise self.error
        from minami_desk.ui.backup.guard import StartCheck, open_at_start

        if self.db is None:
            return open_at_start(self.paths)
        if self.demo:
            return self.db, None
        return self.db, StartCheck(self.db, self.paths)
