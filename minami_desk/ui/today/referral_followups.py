"""Vandaag → referrals to follow up: the follow-up date is today or already past.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_referral_followups``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PANEL = registry.TodayPanelSpec(
    key="referral_followups",
    order=50,
    create=registry.lazy("minami_desk.ui.today._referral_followups", "ReferralFollowUpsPanel"),
    permission=Permission.VIEW_REFERRALS,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.today._referral_followups"), name)
