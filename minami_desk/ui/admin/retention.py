"""Beheer → Bewaartermijnen: the periods, what is due now, and removing it in one action.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_retention``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="retention",
    title=N_("Retention periods"),
    order=85,
    create=registry.lazy("minami_desk.ui.admin._retention", "RetentionPage"),
    permission=Permission.ERASE_PERSONAL_DATA,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._retention"), name)
