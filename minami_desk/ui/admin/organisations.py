"""Beheer → Instanties: the directory of agencies, searchable, with their contact details.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_organisations``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="organisations",
    title=N_("Agencies"),
    order=40,
    create=registry.lazy("minami_desk.ui.admin._organisations", "OrganisationsPage"),
    permission=Permission.MANAGE_REFERRALS,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._organisations"), name)
