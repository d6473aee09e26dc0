"""Trajecten: every trajectory, filtered by status, coach and period; one opens as its page.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_trajectories``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

SECTION = registry.SectionSpec(
    key="trajectories",
    title=N_("Trajectories"),
    order=40,
    create=registry.lazy("minami_desk.ui.sections._trajectories", "TrajectoriesSection"),
    permission=Permission.VIEW_TRAJECTORIES,
)

install = registry.lazy("minami_desk.ui.sections._trajectories", "install")


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.sections._trajectories"), name)
