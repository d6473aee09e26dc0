"""Beheer → Back-ups: the automatic backups with date and size; restore one from here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import _, format_date, format_time
from minami_desk.services.auto_backup import AutoBackup, list_auto_backups
from minami_desk.services.backup import format_size
from minami_desk.services.restore import restore_database_file
from minami_desk.ui.backup.dialogs import confirm_restore, make_backup, restore_in_window
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading


class BackupsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.backups: list[AutoBackup] = []
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Backups"), self, level=2))
        intro = QLabel(
            _(
                "Mi na Mi Desk makes a backup on this PC by itself: after changes at most every "
                "half hour, and when the program closes. It keeps one per day for the last 12 "
                "days, one per week for 10 weeks and one per month for 9 months. For the board, "
                "make an encrypted backup file with File → Make a backup."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([_("Made on"), _("Size")])
        self.table.setAccessibleName(_("Automatic backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.empty = EmptyState(
            _("There are no automatic backups yet. The first one is made after a change."), self
        )
        layout.addWidget(self.empty, 1)  # takes the table's place, not half the page
        buttons = QHBoxLayout()
        board = QPushButton(_("Make a backup &file…"), self)
        board.setAccessibleName(_("Make an encrypted backup file for the board"))
        board.clicked.connect(lambda: make_backup(self.context))
        self.restore_button = QPushButton(_("&Restore this backup…"), self)
        self.restore_button.setAccessibleName(_("Restore the selected automatic backup"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addWidget(board)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        context.bus.changed.connect(self._changed)
        self.activated()

    def _changed(self, what: str) -> None:
        if what in ("database", "backups"):
            self.activated()

    def activated(self) -> None:
        self.backups = list_auto_backups(self.context.paths)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            moment = clock.local(backup.created_at)
            when = QTableWidgetItem(
                _("{date} at {time}").format(
                    date=format_date(moment.date()), time=format_time(moment)
                )
            )
            size = QTableWidgetItem(format_size(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, size)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> AutoBackup | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.backups:
            return None
        return self.backups[rows[0].row()]

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not confirm_restore(self):
            return
        paths, actor = self.context.paths, self.context.actor
        restore_in_window(
            self.context,
            lambda progress: restore_database_file(paths, backup.path, actor, progress=progress),
        )
