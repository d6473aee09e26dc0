"""The one paged list model: rows arrive a page at a time as the view scrolls near the end.

A list of thousands (every resident, the audit log) must open at once and stay light, so the
model holds only the rows fetched so far and asks for the next page through Qt's
``canFetchMore``/``fetchMore``. With a runner (``AppContext.run_task``) a page is fetched off
the UI thread; an answer to an older source (the search text changed meanwhile) is dropped, so
the list never shows stale rows. Without a runner a page is fetched at once, for lists whose
pages are cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from minami_desk.i18n import _

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], Sequence[Any]]  # (offset, limit) -> rows
Runner = Callable[
    [Callable[[], Sequence[Any]], Callable[[Sequence[Any]], None], Callable[[BaseException], None]],
    None,
]
_ROOT = QModelIndex()  # a flat list has only the root


class PagedListModel(QAbstractTableModel):
    """Rows of any kind; ``cells`` turns one into its column texts, ``key`` into its id."""

    loaded = Signal()  # a page arrived (also when it was empty)
    failed = Signal(object)  # fetching a page raised; the error, for the screen to show

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[Any], Sequence[str]],
        key: Callable[[Any], object] | None = None,
        page_size: int = 100,
        runner: Runner | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``headers`` are msgids, translated when shown (the language can change live)."""
        super().__init__(parent)
        self.headers = tuple(headers)
        self.cells = cells
        self.key = key
        self.page_size = page_size
        self.runner = runner
        self.rows: list[Any] = []
        self._fetch_page: Fetch | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True

    # -- the source ------------------------------------------------------------------------
    def set_source(self, fetch: Fetch | None) -> None:
        """Start again from the first page of ``fetch``; None empties the list."""
        self.beginResetModel()
        self.rows = []
        self._fetch_page = fetch
        self._generation += 1
        self._loading = False
        self._exhausted = fetch is None
        self.endResetModel()
        if fetch is None:
            self.loaded.emit()
        else:
            self._fetch()

    def refresh(self) -> None:
        self.set_source(self._fetch_page)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def _fetch(self) -> None:
        fetch = self._fetch_page
        if self._loading or self._exhausted or fetch is None:
            return
        self._loading = True
        generation, offset, limit = self._generation, len(self.rows), self.page_size

        def work() -> Sequence[Any]:
            return fetch(offset, limit)

        def done(page: Sequence[Any]) -> None:
            if generation != self._generation:
                return  # an answer for a source that is no longer shown
            self._loading = False
            self._exhausted = len(page) < limit
            if page:
                first = len(self.rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self.rows.extend(page)
                self.endInsertRows()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._loading = False
                self._exhausted = True
                self.loaded.emit()
            self.failed.emit(error)

        if self.runner is None:
            try:
                page = work()
            except Exception as error:
                failed(error)
            else:
                done(page)
        else:
            self.runner(work, done, failed)

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not parent.isValid():
            self._fetch()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.UserRole and self.key is not None:
            return self.key(row)
        return None

    def key_at(self, row: int) -> Any:
        """The id of the row at ``row``; None past the end (or without ``key``)."""
        if self.key is None or not 0 <= row < len(self.rows):
            return None
        return self.key(self.rows[row])
