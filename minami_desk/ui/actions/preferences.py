"""Beeld → Taal en weergave…"""

from __future__ import annotations

from minami_desk.i18n import N_
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec


def open_preferences(context: AppContext) -> None:
    from minami_desk.ui.preferences import open_preferences as show

    show(context)


ACTIONS = [
    ActionSpec(
        menu="view",
        text=N_("&Language and appearance…"),
        order=900,
        trigger=open_preferences,
        tooltip=N_("Dutch or English, light or dark: for this PC"),
    )
]
