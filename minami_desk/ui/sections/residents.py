"""Bewoners: the searchable list of residents, and each resident's page.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_residents``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

SECTION = registry.SectionSpec(
    key="residents",
    title=N_("Residents"),
    order=20,
    create=registry.lazy("minami_desk.ui.sections._residents", "ResidentsSection"),
    permission=Permission.FIND_RESIDENTS,
)

install = registry.lazy("minami_desk.ui.sections._residents", "install")


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.sections._residents"), name)
