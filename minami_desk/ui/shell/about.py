"""Help → Over Mi na Mi Desk, and Help → Sneltoetsen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk import APP_NAME, __version__
from minami_desk.i18n import N_, _, pgettext
from minami_desk.ui.shell.context import AppContext


class AboutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Mi na Mi Desk"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_NAME}</h2>", self)
        layout.addWidget(title)
        text = QLabel(self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setText(
            _("Version {version}").format(version=__version__)
            + "\n\n"
            + _(
                "The desk program of neighbourhood centre Mi na Mi in Amsterdam Zuidoost. "
                "It works without internet."
            )
            + "\n\n"
            + _("Data folder: {folder}").format(folder=context.paths.data_dir)
            + "\n"
            + _("Database: {file}").format(file=context.paths.database)
            + "\n"
            + _("Log files: {folder}").format(folder=context.paths.log_dir)
        )
        text.setAccessibleName(_("About Mi na Mi Desk"))
        self.info = text
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


# Keys that work inside one screen or form rather than through the menus. The menus' own
# shortcuts are read from the window's actions below; a test checks that every QShortcut a
# screen creates is in this list.
SCREEN_SHORTCUTS: tuple[tuple[str, str], ...] = (
    (N_("Find a resident"), "Ctrl+K"),
    (N_("Search field: into the list of hits"), "↓"),
    (N_("List of hits: open the resident"), "Enter"),
    (N_("Sidebar: go into the section"), "Enter"),
    (N_("Form: save (new resident, walk-in)"), "Ctrl+S"),
    (N_("Go to a field or press a button: its underlined letter"), "Alt+…"),
    (N_("Date field: type the date as dd-mm-yyyy"), "0–9 -"),
    (N_("Close a form or the attendance screen"), "Esc"),
    (N_("Sessions: previous or next week"), "PgUp / PgDown"),
    (N_("Attendance: find someone to add"), "Ctrl+F"),
    (N_("Attendance: present"), "A"),
    (N_("Attendance: absent"), "F"),
    (N_("Attendance: cancelled"), "M"),
)


class ShortcutsDialog(QDialog):
    """Lists every shortcut the window actually has, so the list can never go stale."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        rows: list[tuple[str, str]] = [(_(text), keys) for text, keys in SCREEN_SHORTCUTS]
        window = context.window
        if window is not None:
            for action in window.findChildren(QAction):
                shortcut = action.shortcut()
                if not shortcut.isEmpty() and action.text():
                    rows.append(
                        (
                            action.text().replace("&", ""),
                            shortcut.toString(QKeySequence.SequenceFormat.NativeText),
                        )
                    )
        rows = sorted(set(rows), key=lambda r: r[0])
        self.rows = rows
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([pgettext("shortcut table", "Action"), _("Shortcut")])
        table.setAccessibleName(_("Keyboard shortcuts"))
        table.setToolTip(_("Every shortcut of the window, by action"))
        for row, (name, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
