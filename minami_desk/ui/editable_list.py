"""The Beheer page for a short editable list (postcodes, themes, kinds of session).

Each of those pages is the same thing: a heading and a hint, a table of rows, a form for the
selected row, a Dutch error line and a row of buttons. The pages configure this one widget
with their service calls, so the keyboard, the messages and the refresh work the same on all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import ValidationError
from minami_desk.ui.kit.form_row import FormErrorLabel, add_row
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, show_exception


class EditableListPage(QWidget):
    """A list of rows with a form under it. Subclasses say how rows load, show and fill.

    ``topic`` is what ``context.bus.changed`` announces after a change, so the screens that
    offer these rows (the registration form, the planning dialog) refresh themselves.
    """

    def __init__(
        self,
        context: AppContext,
        title: str,
        hint: str,
        columns: list[str],
        list_name: str,
        topic: str,
    ) -> None:
        super().__init__()
        self.context = context
        self.topic = topic
        self.rows: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(title, self, level=2))
        if hint:
            label = QLabel(hint, self)
            label.setWordWrap(True)
            label.setObjectName("muted")
            layout.addWidget(label)
        self.table = QTableWidget(0, len(columns), self)
        self.table.setAccessibleName(list_name)
        self.table.setHorizontalHeaderLabels(columns)
        self.table.horizontalHeader().setVisible(len(columns) > 1)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the form
        self.table.horizontalHeader().setSectionResizeMode(
            len(columns) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = FormErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)

    # -- what a page configures -------------------------------------------------------------
    def add_field(self, label: str, field: QWidget) -> None:
        """A form row whose caption (with its &-mnemonic) moves the focus to ``field``."""
        add_row(self.form, label, field, owner=self)  # the page shows one message, under all

    def add_option(self, field: QWidget) -> None:
        """A form row without a caption, e.g. a check box that says itself what it means."""
        self.form.addRow("", field)

    def add_button(
        self,
        text: str,
        handler: Callable[[], object],
        accessible_name: str = "",
        primary: bool = False,
    ) -> QPushButton:
        button = QPushButton(text, self)
        if accessible_name:
            button.setAccessibleName(accessible_name)
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(lambda _checked=False: handler())
        self.buttons.addWidget(button)
        return button

    def load(self) -> list[Any]:
        """The rows, fresh from the service."""
        raise NotImplementedError

    def cells(self, row: Any) -> tuple[str, ...]:
        """The text of each column for ``row``."""
        raise NotImplementedError

    def key(self, row: Any) -> object:
        """What identifies ``row`` across a reload (so the selection stays on it)."""
        raise NotImplementedError

    def fill(self, row: Any) -> None:
        """Put ``row`` into the form."""
        raise NotImplementedError

    # -- shared behaviour ---------------------------------------------------------------------
    def activated(self) -> None:
        chosen = self.current()
        wanted = self.key(chosen) if chosen is not None else None
        self.rows = self.load()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            for column, text in enumerate(self.cells(row)):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        keys = [self.key(row) for row in self.rows]
        if wanted is not None and wanted in keys:
            self.select(wanted)

    def current(self) -> Any | None:
        """The selected row, or None."""
        index = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.rows[index] if selected and 0 <= index < len(self.rows) else None

    def select(self, key: object) -> None:
        keys = [self.key(row) for row in self.rows]
        if key in keys:
            self.table.selectRow(keys.index(key))

    def clear_selection(self) -> None:
        self.table.clearSelection()

    def _selected(self) -> None:
        row = self.current()
        if row is not None:
            self.error.clear_message()
            self.fill(row)

    def attempt(self, action: Callable[[], object], status: str = "") -> object | None:
        """Run a service call: its Dutch message under the form when the input is refused,
        else reload, tell the other screens, and return what the call returned.

        A call that returns a row's key (a new id, the normalised prefix) selects that row.
        """
        self.error.clear_message()
        try:
            result = action()
        except ValidationError as error:
            self.error.show_message(str(error))
            return None
        except Exception as error:
            show_exception(self, error)
            return None
        self.activated()
        if result is not None:
            self.select(result)
        self.context.bus.changed.emit(self.topic)
        if status:
            self.context.bus.status_message.emit(status)
        return result if result is not None else True
