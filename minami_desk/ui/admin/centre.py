"""Beheer → Centrum: the centre's name, address, coordinator and logo, as printed.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_centre``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="centre",
    title=N_("The centre"),
    order=10,
    create=registry.lazy("minami_desk.ui.admin._centre", "CentrePage"),
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._centre"), name)
