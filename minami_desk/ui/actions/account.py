"""Bestand → Wissel gebruiker and Vergrendelen: the desk PC is shared.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_account``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry
from minami_desk.ui.registry import ActionSpec

ACTIONS = [
    ActionSpec(
        menu="file",
        text=N_("S&witch user…"),
        order=800,
        trigger=registry.lazy("minami_desk.ui.actions._account", "switch_user"),
        tooltip=N_("Another person signs in; the window opens for their role"),
    ),
    ActionSpec(
        menu="file",
        text=N_("Change &password…"),
        order=805,
        trigger=registry.lazy("minami_desk.ui.actions._account", "change_password"),
        tooltip=N_("Replace your password by one only you know"),
    ),
    ActionSpec(
        menu="file",
        text=N_("&Lock"),
        order=810,
        trigger=registry.lazy("minami_desk.ui.actions._account", "lock_now"),
        shortcut="Ctrl+L",
        tooltip=N_("Cover the screen until you sign in again; what you typed is kept"),
    ),
]


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.actions._account"), name)
