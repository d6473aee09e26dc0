"""Vandaag: today's walk-ins, and follow-ups due today or overdue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import _, pgettext
from minami_desk.services.contacts import (
    ContactRow,
    complete_follow_up,
    contacts_on,
    follow_ups_due,
)
from minami_desk.services.labels import CHANNEL_LABELS, label
from minami_desk.ui.panel_loading import LatestAnswer
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception


def _tree(parent: QWidget, headers: list[str], accessible: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAccessibleName(accessible)
    tree.setMinimumHeight(140)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class ContactsPanel(QFrame):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        title = QLabel(_("Walk-ins today"), self)
        title.setObjectName("subheading")
        layout.addWidget(title)
        self.today = _tree(
            self, [_("Time"), _("Resident"), _("How"), _("Themes")], _("Walk-ins today")
        )
        layout.addWidget(self.today)
        follow_title = QLabel(_("Follow-ups due today and overdue"), self)
        follow_title.setObjectName("subheading")
        layout.addWidget(follow_title)
        self.follow = _tree(
            self,
            [pgettext("follow-up", "Due"), _("Resident"), _("Contact on"), _("Themes")],
            _("Follow-ups due today and overdue"),
        )
        layout.addWidget(self.follow)
        row = QHBoxLayout()
        row.addStretch(1)
        self.done = QPushButton(_("Follow-up &done"), self)
        self.done.setAccessibleName(_("Mark the selected follow-up as done"))
        self.done.clicked.connect(self._done)
        row.addWidget(self.done)
        layout.addLayout(row)
        for tree in (self.today, self.follow):
            tree.itemActivated.connect(self._open)
        self.loader = LatestAnswer(context, self)
        context.bus.changed.connect(
            lambda what: self.refresh() if what in ("contact", "resident") else None
        )

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        db, actor = self.context.db, self.context.actor
        self.loader.load(lambda: (contacts_on(db, actor), follow_ups_due(db, actor)), self._fill)

    def _fill(self, result: tuple[list[ContactRow], list[ContactRow]]) -> None:
        contacts, due = result
        walk_ins = [
            self._item(row, row.contact_at.strftime("%H:%M"), label(CHANNEL_LABELS, row.channel))
            for row in contacts
        ] or [QTreeWidgetItem(["", _("No walk-ins yet today."), "", ""])]
        today = clock.today()
        follow_ups = []
        for row in due:
            when = row.follow_up_on.strftime("%d-%m-%Y") if row.follow_up_on else ""
            if row.follow_up_on and row.follow_up_on < today:
                when = _("{date} (overdue)").format(date=when)
            follow_ups.append(self._item(row, when, row.contact_at.strftime("%d-%m-%Y")))
        if not due:
            follow_ups.append(QTreeWidgetItem(["", _("Nothing to follow up."), "", ""]))
        # Added in one go: one by one, each item re-measured every column (ResizeToContents),
        # which made a list of 200 follow-ups take a noticeable moment at start.
        for tree, items in ((self.today, walk_ins), (self.follow, follow_ups)):
            tree.clear()
            tree.addTopLevelItems(items)

    def _item(self, row: ContactRow, first: str, third: str) -> QTreeWidgetItem:
        themes = ", ".join(row.themes)
        name = _("{name} (no. {number})").format(name=row.resident_name, number=row.resident_number)
        item = QTreeWidgetItem([first, name, third, themes])
        item.setData(0, Qt.ItemDataRole.UserRole, (row.resident_id, row.id))
        if row.help_request:
            item.setToolTip(3, row.help_request)
        return item

    def _open(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.context.navigator.open("resident", data[0])

    def _done(self) -> None:
        item = self.follow.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not data:
            return
        try:
            complete_follow_up(self.context.db, self.context.actor, data[1])
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("contact")
