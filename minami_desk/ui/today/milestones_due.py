"""Vandaag → milestones due this week and overdue, filterable by coach; each opens its page.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_milestones_due``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PANEL = registry.TodayPanelSpec(
    key="milestones_due",
    order=40,
    create=registry.lazy("minami_desk.ui.today._milestones_due", "_create"),
    permission=Permission.VIEW_TRAJECTORIES,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.today._milestones_due"), name)
