"""Help menu: keyboard shortcuts and About."""

from __future__ import annotations

from minami_desk.i18n import N_
from minami_desk.ui.about import AboutDialog, ShortcutsDialog
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec


def show_shortcuts(context: AppContext) -> None:
    ShortcutsDialog(context, context.window).exec()


def show_about(context: AppContext) -> None:
    AboutDialog(context, context.window).exec()


ACTIONS = [
    ActionSpec(
        menu="help", text=N_("&Keyboard shortcuts"), order=10, trigger=show_shortcuts, shortcut="F1"
    ),
    ActionSpec(menu="help", text=N_("&About Mi na Mi Desk"), order=100, trigger=show_about),
]
