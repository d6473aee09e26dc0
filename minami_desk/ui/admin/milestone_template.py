"""Beheer → Trajecten: the steps every new trajectory gets, when each is due, and how many

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_milestone_template``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="milestone_template",
    title=N_("Trajectories"),
    order=40,
    create=registry.lazy("minami_desk.ui.admin._milestone_template", "MilestoneTemplatePage"),
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._milestone_template"), name)
