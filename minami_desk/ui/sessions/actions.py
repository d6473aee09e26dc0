"""Bestand → Bijeenkomst plannen…: planning from anywhere, with its own shortcut.

Ctrl+N stays "new resident" everywhere: a second Ctrl+N inside Bijeenkomsten made the key
ambiguous there, so Qt did neither.
"""

from __future__ import annotations

from minami_desk.ui.shell.context import AppContext


def plan_session(context: AppContext) -> None:
    if context.navigator.can_open("plan_session"):
        context.navigator.open("plan_session")
