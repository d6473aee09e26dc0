"""What every screen gets: the database handle, who is acting, and ways to reach the rest."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from minami_desk.config import Paths
from minami_desk.services.actor import Actor
from minami_desk.ui.shell import tasks

if TYPE_CHECKING:
    from minami_desk.services.database import Database

log = logging.getLogger(__name__)


class EventBus(QObject):
    """Screens announce what changed ("resident", "session", …) so others refresh."""

    changed = Signal(str)
    status_message = Signal(str)


class Navigator:
    """Open a record or a section by name, without screens knowing each other."""

    def __init__(self) -> None:
        self._handlers: dict[str, Callable[..., Any]] = {}

    def register(self, target: str, handler: Callable[..., Any]) -> None:
        self._handlers[target] = handler

    def can_open(self, target: str) -> bool:
        return target in self._handlers

    def open(self, target: str, record_id: int | None = None, **extra: Any) -> Any:
        handler = self._handlers.get(target)
        if handler is None:
            log.warning("no handler for navigation target %s", target)
            return None
        if record_id is None:
            return handler(**extra)
        return handler(record_id, **extra)


@dataclass
class AppContext:
    paths: Paths
    db: Database
    actor: Actor
    bus: EventBus = field(default_factory=EventBus)
    navigator: Navigator = field(default_factory=Navigator)
    window: QMainWindow | None = None
    demo: bool = False

    def run_task(
        self,
        function: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        tasks.run_task(parent or self.window, function, on_done, on_error, title)
