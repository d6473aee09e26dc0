"""Vandaag, first panel: the search field in focus, "Nieuwe bewoner" and "Inloop registreren"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

from minami_desk.i18n import _
from minami_desk.services.actor import Permission
from minami_desk.ui.desk.search import ResidentSearch
from minami_desk.ui.shell.context import AppContext


class DeskPanel(QFrame):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = ResidentSearch(context, self, list_all=False, compact=True)
        self.search.opened.connect(lambda rid: context.navigator.open("resident", rid))
        self.new = QPushButton(_("&New resident"), self)
        self.new.setObjectName("primary")
        self.new.setAccessibleName(_("Register a new resident"))
        self.new.setToolTip(_("Register a new resident (Ctrl+N)"))
        self.new.setVisible(context.actor.can(Permission.REGISTER_RESIDENTS))
        self.new.clicked.connect(self._new)
        self.walk_in = QPushButton(_("Register &walk-in"), self)
        self.walk_in.setObjectName("primary")
        self.walk_in.setAccessibleName(_("Register a walk-in"))
        self.walk_in.setToolTip(_("Register a walk-in (Ctrl+I)"))
        self.walk_in.setVisible(context.actor.can(Permission.RECORD_CONTACTS))
        self.walk_in.clicked.connect(self._walk_in)
        row.addWidget(self.search.field, 1)
        row.addWidget(self.new)
        row.addWidget(self.walk_in)
        layout.addLayout(row)
        layout.addWidget(self.search, 1)
        self.setFocusProxy(self.search.field)
        # Only as tall as needed: an empty result list must not push the panels below down.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _new(self) -> None:
        from minami_desk.ui.desk.registration_dialog import register_new

        register_new(self.context, self, search_text=self.search.field.text())

    def _walk_in(self) -> None:
        from minami_desk.ui.desk.contact_dialog import register_walk_in

        register_walk_in(self.context)

    def activated(self) -> None:
        self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.field.selectAll()
