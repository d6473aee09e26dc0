"""Long work off the UI thread: a ``QThreadPool`` worker whose results arrive on the UI thread.

The function runs in a pool thread and must not touch widgets; it may take a ``progress``
keyword (a callable taking a fraction 0..1) and is then shown with a cancellable dialog.
Cancelling makes the next ``progress`` call raise ``TaskCancelled``, so services stop at a
safe point and roll back their unit of work.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from minami_desk.i18n import _

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised inside a task's ``progress`` callback once the user pressed Cancel."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(float)


class _Runnable(QRunnable):
    def __init__(self, function: Callable[..., Any], wants_progress: bool) -> None:
        super().__init__()
        self.function = function
        self.wants_progress = wants_progress
        self.signals = _Signals()
        self.cancelled = threading.Event()

    def _progress(self, fraction: float) -> None:
        if self.cancelled.is_set():
            raise TaskCancelled
        self.signals.progressed.emit(fraction)

    def run(self) -> None:
        try:
            if self.wants_progress:
                result = self.function(progress=self._progress)
            else:
                result = self.function()
        except BaseException as error:  # delivered to the UI thread, which decides
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


_running: set[_Runnable] = set()  # keeps runnables (and their signals) alive until done


def run_task(
    parent: QWidget | None,
    function: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    title: str | None = None,
) -> None:
    """Run ``function`` in the pool; ``on_done``/``on_error`` are called on the UI thread."""
    wants_progress = "progress" in inspect.signature(function).parameters
    runnable = _Runnable(function, wants_progress)
    runnable.setAutoDelete(False)
    dialog: QProgressDialog | None = None
    if title:
        dialog = QProgressDialog(title, _("Cancel"), 0, 100 if wants_progress else 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(runnable.cancelled.set)
        runnable.signals.progressed.connect(lambda f: dialog.setValue(int(f * 100)))

    def finish() -> None:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        _running.discard(runnable)

    def done(result: Any) -> None:
        finish()
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        finish()
        if isinstance(error, TaskCancelled):
            return
        if on_error is not None:
            on_error(error)
        else:
            from minami_desk.ui.widgets import show_exception

            show_exception(parent, error)

    runnable.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    runnable.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _running.add(runnable)
    QThreadPool.globalInstance().start(runnable)


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Used at closing and in tests: let running tasks end before the database closes."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
