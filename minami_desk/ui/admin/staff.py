"""Beheer → Medewerkers: who may sign in, with which role; passwords reset; the idle lock.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_staff``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="staff",
    title=N_("Staff"),
    order=20,
    create=registry.lazy("minami_desk.ui.admin._staff", "StaffPage"),
    permission=Permission.MANAGE_ACCOUNTS,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._staff"), name)
