"""Beheer → Postcodes en wijken: the table that suggests a wijk for a postcode.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_postcodes``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="postcodes",
    title=N_("Postcodes and neighbourhoods"),
    order=30,
    create=registry.lazy("minami_desk.ui.admin._postcodes", "PostcodesPage"),
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._postcodes"), name)
