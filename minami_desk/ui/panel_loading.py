"""Vandaag's panels read their data off the UI thread, so the window shows at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception


class LatestAnswer:
    """Runs a panel's read in the task pool; when questions overlap (a refresh while the
    previous one still runs), only the answer to the newest one is shown."""

    def __init__(self, context: AppContext, panel: QWidget) -> None:
        self.context = context
        self.panel = panel
        self._asked = 0
        self._shown = 0

    @property
    def busy(self) -> bool:
        """True until the newest question's answer is on screen (tests wait for it)."""
        return self._shown != self._asked

    def load(self, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        self._asked += 1
        asked = self._asked

        def done(result: Any) -> None:
            if asked == self._asked:
                self._shown = asked
                show(result)

        def failed(error: BaseException) -> None:
            if asked == self._asked:
                self._shown = asked
                show_exception(self.panel, error)

        self.context.run_task(work, done, failed, parent=self.panel)
