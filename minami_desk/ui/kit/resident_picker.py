"""The one resident picker: a search field over a list of residents, searched as you type.

Used wherever a person is chosen: the Bewoners list, the desk's search on Vandaag, and the
dialogs that link a contact, a merge, a trajectory or a story to somebody. The list is a paged
model (``ui.kit.paged_list``) fetched off the UI thread after a short pause in typing; an
answer to older text is dropped, so typing never stalls and the list never shows stale names.
Enter opens (``opened``) the top hit, the arrow keys move through the list; ``picked`` says
which resident is selected, for dialogs that choose rather than open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _
from minami_desk.services.residents import ResidentHit, find_residents
from minami_desk.ui.kit.paged_list import PagedListModel
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception

PAGE_SIZE = 100
DEBOUNCE_MS = 150
COLUMNS = (N_("No."), N_("Name"), N_("Date of birth"), N_("Phone"), N_("Postcode"))
COLUMN_WIDTHS = (70, 0, 120, 170, 90)  # pixels; the name column takes the rest


def hit_cells(hit: ResidentHit) -> Sequence[str]:
    name = hit.sort_name + (" " + _("(archived)") if hit.archived else "")
    return (
        str(hit.number),
        name,
        hit.birth_date.strftime("%d-%m-%Y") if hit.birth_date else "",
        hit.phone,
        hit.postcode,
    )


class ResidentResults(PagedListModel):
    """Residents matching the current text, a page at a time."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(
            COLUMNS,
            hit_cells,
            key=lambda hit: hit.id,
            page_size=PAGE_SIZE,
            runner=lambda work, done, failed: context.run_task(work, done, failed),
            parent=parent,
        )
        self.context = context
        self.text = ""
        self.include_archived = False
        self.list_all = True  # empty text: everyone by name (the Bewoners list) or nobody
        self.failed.connect(lambda error: show_exception(context.window, error))

    def set_query(self, text: str) -> None:
        self.text = text
        if not text.strip() and not self.list_all:
            self.set_source(None)
            return
        db, actor, archived = self.context.db, self.context.actor, self.include_archived

        def fetch(offset: int, limit: int) -> list[ResidentHit]:
            return find_residents(db, actor, text, limit, offset, archived)

        self.set_source(fetch)

    def refresh(self) -> None:
        self.set_query(self.text)

    def resident_id(self, row: int) -> int | None:
        return self.key_at(row)


class ResidentPicker(QWidget):
    """A search field over a result list; Enter opens the first hit, arrows move."""

    opened = Signal(int)  # resident id: Enter or a double click
    picked = Signal(object)  # the selected resident's id, or None

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        list_all: bool = True,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._open_when_loaded = False
        self._focus_when_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit(self)
        self.field.setObjectName("residentSearch")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(_("Name, phone, resident number or postcode"))
        self.field.setAccessibleName(_("Find a resident"))
        self.field.setToolTip(
            _("Type a few letters; Enter opens the first hit, the arrow keys move through the list")
        )
        layout.addWidget(self.field)
        self.model = ResidentResults(context, self)
        self.model.list_all = list_all
        self.view = QTableView(self)
        self.view.setObjectName("residentResults")
        self.view.setAccessibleName(_("Residents found"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fixed starting widths: rows arrive a page at a time, so sizing to contents would
        # jump (or truncate) while the list fills.
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                self.view.setColumnWidth(column, width)
        self._hide_when_empty = compact and not list_all
        if compact:
            self.view.setMaximumHeight(220)
            self.view.setVisible(not self._hide_when_empty)
        layout.addWidget(self.view, 1)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.hide()
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_query)
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.field.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.activated.connect(lambda index: self._open_row(index.row()))
        self.model.loaded.connect(self._after_load)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.picked.emit(self.model.resident_id(current.row()))
        )
        self.model.modelReset.connect(lambda: self.picked.emit(None))
        self.setFocusProxy(self.field)

    # -- behaviour --------------------------------------------------------------------------
    def search(self, text: str) -> None:
        """Show ``text`` in the field and search after the typing pause (the global search
        calls this on every keystroke, so it is debounced like the field itself)."""
        if self.field.text() != text:
            self.field.setText(text)
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.model.refresh()

    def _run_query(self) -> None:
        self._open_when_loaded = False
        self._focus_when_loaded = False
        self.model.set_query(self.field.text())

    def open_first(self) -> None:
        """Enter: open the top hit; when the answer is still on its way, open it on arrival."""
        if self._timer.isActive() or self.model.text != self.field.text():
            self._timer.stop()
            self._run_query()
            self._open_when_loaded = True
        elif self.model.loading:
            self._open_when_loaded = True
        else:
            self._open_row(0)

    def focus_results(self) -> None:
        """Down from a search field: into the list, on the top hit (once the answer is in)."""
        if self._timer.isActive() or self.model.text != self.field.text():
            self._timer.stop()
            self._run_query()
            self._focus_when_loaded = True
        elif self.model.loading:
            self._focus_when_loaded = True
        elif self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.selectRow(0)

    def current_id(self) -> int | None:
        """The selected resident, for a dialog that chooses somebody."""
        index: QModelIndex = self.view.currentIndex()
        return self.model.resident_id(index.row()) if index.isValid() else None

    def set_include_archived(self, on: bool) -> None:
        self.model.include_archived = on
        self.refresh()

    def _open_row(self, row: int) -> None:
        resident_id = self.model.resident_id(row)
        if resident_id is not None:
            self.opened.emit(resident_id)

    def _after_load(self) -> None:
        count = len(self.model.rows)
        if self._hide_when_empty:
            self.view.setVisible(bool(self.model.text.strip()))
        nobody = count == 0 and (bool(self.model.text.strip()) or self.model.list_all)
        self.status.setText(
            _("Nobody found. Check the spelling, or register a new resident.") if nobody else ""
        )
        self.status.setVisible(nobody)
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._open_row(0)
        elif self._focus_when_loaded:
            self._focus_when_loaded = False
            self.focus_results()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.field and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_first()  # consumed, so a dialog's default button is not pressed
                return True
            if watched is self.field and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.focus_results()
                return True
            if watched is self.view:
                current = self.view.currentIndex().row()
                if key == Qt.Key.Key_Up and current <= 0:
                    self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._open_row(max(current, 0))
                    return True
        return super().eventFilter(watched, event)
