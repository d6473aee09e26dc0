"""Search as you type: a lazy result model and the field + list that use it.

The model holds only the rows fetched so far and asks the service for the next page when the
view scrolls near the end (``canFetchMore``/``fetchMore``). Queries run off the UI thread after
a short pause in typing; an answer to an older query is dropped, so typing never stalls and
the list never shows stale results.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
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
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception

PAGE_SIZE = 100
DEBOUNCE_MS = 150
COLUMNS = (N_("No."), N_("Name"), N_("Date of birth"), N_("Phone"), N_("Postcode"))
COLUMN_WIDTHS = (70, 0, 120, 170, 90)  # pixels; the name column takes the rest
Index = QModelIndex | QPersistentModelIndex


class ResidentResultsModel(QAbstractTableModel):
    """Residents matching the current text, fetched a page at a time."""

    loaded = Signal()  # a page arrived (also when it was empty)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[ResidentHit] = []
        self.text = ""
        self.include_archived = False
        self.list_all = True  # empty text: everyone by name (the Bewoners list) or nobody
        self._generation = 0
        self._loading = False
        self._exhausted = True

    # -- queries ----------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        self.beginResetModel()
        self.rows = []
        self.text = text
        self._generation += 1
        self._exhausted = not text.strip() and not self.list_all
        self._loading = False
        self.endResetModel()
        if self._exhausted:
            self.loaded.emit()
        else:
            self._fetch()

    def refresh(self) -> None:
        self.set_query(self.text)

    @property
    def loading(self) -> bool:
        return self._loading

    def _fetch(self) -> None:
        if self._loading or self._exhausted:
            return
        self._loading = True
        generation, text, offset = self._generation, self.text, len(self.rows)
        db, actor, archived = self.context.db, self.context.actor, self.include_archived

        def work() -> list[ResidentHit]:
            return find_residents(db, actor, text, PAGE_SIZE, offset, archived)

        def done(hits: list[ResidentHit]) -> None:
            if generation != self._generation:
                return  # an answer to text that is no longer in the field
            self._loading = False
            self._exhausted = len(hits) < PAGE_SIZE
            if hits:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(hits) - 1)
                self.rows.extend(hits)
                self.endInsertRows()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._loading = False
                self._exhausted = True
                self.loaded.emit()
            show_exception(self.context.window, error)

        self.context.run_task(work, done, failed)

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        hit = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = hit.sort_name + (" " + _("(archived)") if hit.archived else "")
            values = (
                str(hit.number),
                name,
                hit.birth_date.strftime("%d-%m-%Y") if hit.birth_date else "",
                hit.phone,
                hit.postcode,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        return None

    def resident_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None


class ResidentSearch(QWidget):
    """A search field over a result list; Enter opens the first hit, arrows move."""

    opened = Signal(int)  # resident id

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
        self.model = ResidentResultsModel(context, self)
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
