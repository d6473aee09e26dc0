"""Bestand → Bijeenkomst plannen…: planning from anywhere, with its own shortcut.

Ctrl+N stays "new resident" everywhere: a second Ctrl+N inside Bijeenkomsten made the key
ambiguous there, so Qt did neither.
"""

from __future__ import annotations

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec


def plan_session(context: AppContext) -> None:
    if context.navigator.can_open("plan_session"):
        context.navigator.open("plan_session")


ACTIONS = [
    ActionSpec(
        menu="file",
        text=N_("&Plan a session…"),
        order=30,
        trigger=plan_session,
        shortcut="Ctrl+Shift+N",
        permission=Permission.MANAGE_SESSIONS,
        tooltip=N_("Plan a session or a series in Bijeenkomsten"),
    )
]
