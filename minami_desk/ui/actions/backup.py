"""Bestand → Back-up maken… and Back-up terugzetten…"""

from __future__ import annotations

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec


# The dialogs (and the encryption behind them) load when first used, not at every start.
def make_backup(context: AppContext) -> None:
    from minami_desk.ui.backup_dialogs import make_backup

    make_backup(context)


def restore_from_file(context: AppContext) -> None:
    from minami_desk.ui.backup_dialogs import restore_from_file

    restore_from_file(context)


ACTIONS = [
    ActionSpec(
        menu="file",
        text=N_("&Make a backup…"),
        order=800,
        trigger=make_backup,
        permission=Permission.BACKUP_RESTORE,
        tooltip=N_("An encrypted backup file for the board, checked after writing"),
    ),
    ActionSpec(
        menu="file",
        text=N_("&Restore a backup…"),
        order=810,
        trigger=restore_from_file,
        permission=Permission.BACKUP_RESTORE,
        tooltip=N_("Replace all data by a backup; the current data is saved first"),
    ),
]
