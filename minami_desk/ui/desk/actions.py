"""File menu: new resident, register a walk-in (two clicks from anywhere), import, export."""

from __future__ import annotations

from minami_desk.ui.shell.context import AppContext


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
