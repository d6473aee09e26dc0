"""Beheer → Postcodes en wijken: the table that suggests a wijk for a postcode."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from minami_desk.i18n import _, pgettext
from minami_desk.services.postcodes import delete_area, list_areas, save_area
from minami_desk.ui.editable_list import EditableListPage
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import confirm


class PostcodesPage(EditableListPage):
    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            title=_("Postcodes and neighbourhoods"),
            hint=_(
                "The registration form suggests the neighbourhood from this table. A longer start "
                "(1102 A) wins over a shorter one (1102)."
            ),
            columns=[_("Postcode starts with"), _("Neighbourhood")],
            list_name=_("Postcode areas"),
            topic="settings",
        )
        self.table.setColumnWidth(0, 190)
        self.prefix = QLineEdit(self)
        self.prefix.setAccessibleName(_("Start of the postcode"))
        self.prefix.setPlaceholderText("1102")
        self.wijk = QLineEdit(self)
        self.wijk.setAccessibleName(_("Name of the neighbourhood"))
        self.add_field(_("Postcode &starts with"), self.prefix)
        self.add_field(_("Neig&hbourhood"), self.wijk)
        self.add_button(_("&Delete"), self.delete, _("Delete the selected postcode area"))
        self.add_button(
            pgettext("Alt+O taken", "&Save"), self.save, _("Save the postcode area"), primary=True
        )

    def load(self) -> list[tuple[str, str]]:
        return list_areas(self.context.db)

    def cells(self, row: tuple[str, str]) -> tuple[str, ...]:
        return row

    def key(self, row: tuple[str, str]) -> object:
        return row[0]

    def fill(self, row: tuple[str, str]) -> None:
        self.prefix.setText(row[0])
        self.wijk.setText(row[1])

    def save(self) -> None:
        context = self.context
        self.attempt(
            lambda: save_area(context.db, context.actor, self.prefix.text(), self.wijk.text())
        )

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        prefix = row[0]
        if not confirm(self, _("Delete postcode area {prefix}?").format(prefix=prefix)):
            return
        self.attempt(lambda: delete_area(self.context.db, self.context.actor, prefix))
