"""File menu: new resident, register a walk-in (two clicks from anywhere), import, export."""

from __future__ import annotations

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec


def new_resident(context: AppContext) -> None:
    from minami_desk.ui.desk.registration_dialog import register_new

    register_new(context)


def walk_in(context: AppContext) -> None:
    from minami_desk.ui.desk.contact_dialog import register_walk_in

    register_walk_in(context)


def import_residents(context: AppContext) -> None:
    from minami_desk.ui.desk.import_dialog import ImportDialog

    ImportDialog(context).exec()


def export_residents(context: AppContext) -> None:
    from minami_desk.ui.desk.import_dialog import export_residents_dialog

    export_residents_dialog(context, context.window)


ACTIONS = [
    ActionSpec(
        menu="file",
        text=N_("&New resident…"),
        order=10,
        trigger=new_resident,
        shortcut="Ctrl+N",
        permission=Permission.REGISTER_RESIDENTS,
        tooltip=N_("Register a new resident"),
    ),
    ActionSpec(
        menu="file",
        text=N_("Register &walk-in…"),
        order=20,
        trigger=walk_in,
        shortcut="Ctrl+I",
        permission=Permission.RECORD_CONTACTS,
        tooltip=N_("Record a walk-in or call with its help request"),
    ),
    ActionSpec(
        menu="file",
        text=N_("&Import residents…"),
        order=200,
        trigger=import_residents,
        permission=Permission.IMPORT_EXPORT,
    ),
    ActionSpec(
        menu="file",
        text=N_("&Export residents…"),
        order=210,
        trigger=export_residents,
        permission=Permission.IMPORT_EXPORT,
    ),
]
