"""Beheer → Back-ups: the automatic backups with date and size; restore one from here.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_backups``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="backups",
    title=N_("Backups"),
    order=80,
    create=registry.lazy("minami_desk.ui.admin._backups", "BackupsPage"),
    permission=Permission.BACKUP_RESTORE,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._backups"), name)
