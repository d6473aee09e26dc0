"""Verwijzingen: every referral, filtered by status, agency, theme and period.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_referrals``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

SECTION = registry.SectionSpec(
    key="referrals",
    title=N_("Referrals"),
    order=50,
    create=registry.lazy("minami_desk.ui.sections._referrals", "ReferralsSection"),
    permission=Permission.VIEW_REFERRALS,
)

install = registry.lazy("minami_desk.ui.sections._referrals", "install")


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.sections._referrals"), name)
