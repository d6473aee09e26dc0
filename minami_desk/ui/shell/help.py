"""Help menu: keyboard shortcuts and About."""

from __future__ import annotations

from minami_desk.ui.shell.about import AboutDialog, ShortcutsDialog
from minami_desk.ui.shell.context import AppContext


def show_shortcuts(context: AppContext) -> None:
    ShortcutsDialog(context, context.window).exec()


def show_about(context: AppContext) -> None:
    AboutDialog(context, context.window).exec()
