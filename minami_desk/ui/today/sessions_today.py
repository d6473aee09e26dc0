"""Vandaag: today's sessions, each opening its attendance screen.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_sessions_today``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PANEL = registry.TodayPanelSpec(
    key="sessions_today",
    order=30,
    create=registry.lazy("minami_desk.ui.today._sessions_today", "TodaysSessions"),
    permission=Permission.TAKE_ATTENDANCE,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.today._sessions_today"), name)
