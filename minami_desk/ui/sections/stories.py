"""Verhalen: the centre's success stories, their sharing consent, and printing them.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_stories``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

SECTION = registry.SectionSpec(
    key="stories",
    title=N_("Stories"),
    order=55,
    create=registry.lazy("minami_desk.ui.sections._stories", "StoriesSection"),
    permission=Permission.MANAGE_STORIES,
)

install = registry.lazy("minami_desk.ui.sections._stories", "install")


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.sections._stories"), name)
