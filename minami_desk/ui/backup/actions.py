"""Bestand → Back-up maken… and Back-up terugzetten…"""

from __future__ import annotations

from minami_desk.ui.shell.context import AppContext


# The dialogs (and the encryption behind them) load when first used, not at every start.
def make_backup(context: AppContext) -> None:
    from minami_desk.ui.backup.dialogs import make_backup

    make_backup(context)


def restore_from_file(context: AppContext) -> None:
    from minami_desk.ui.backup.dialogs import restore_from_file

    restore_from_file(context)
