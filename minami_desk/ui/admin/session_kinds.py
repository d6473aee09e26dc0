"""Beheer → Soorten bijeenkomsten: the editable list of session kinds.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_session_kinds``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="session_kinds",
    title=N_("Kinds of session"),
    order=40,
    create=registry.lazy("minami_desk.ui.admin._session_kinds", "SessionKindsPage"),
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._session_kinds"), name)
