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
from minami_desk.i18n import _
from minami_desk.ui.context import AppContext


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


class ShortcutsDialog(QDialog):
    """Lists every shortcut the window actually has, so the list can never go stale."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(520, 480)
        layout = QVBoxLayout(self)
        rows: list[tuple[str, str]] = [(_("Find a resident"), "Ctrl+K")]
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
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([_("Action"), _("Shortcut")])
        table.setAccessibleName(_("Keyboard shortcuts"))
        table.setToolTip(_("Every shortcut of the window, by action"))
        for row, (name, keys) in enumerate(sorted(set(rows), key=lambda r: r[0])):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
