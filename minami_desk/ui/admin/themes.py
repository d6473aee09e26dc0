"""Beheer → Thema's: the help-request themes; a theme in use is switched off, never deleted.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_themes``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="themes",
    title=N_("Themes"),
    order=40,
    create=registry.lazy("minami_desk.ui.admin._themes", "ThemesPage"),
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._themes"), name)
