"""Vandaag: today's walk-ins, and follow-ups due today or overdue.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_desk_contacts``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PANEL = registry.TodayPanelSpec(
    key="desk_contacts",
    order=20,
    create=registry.lazy("minami_desk.ui.today._desk_contacts", "ContactsPanel"),
    permission=Permission.RECORD_CONTACTS,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.today._desk_contacts"), name)
