"""The kit's paged list model in a real table view: pages as the view scrolls, no stale rows."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from minami_desk.i18n import N_
from minami_desk.ui.kit.paged_list import PagedListModel
from minami_desk.ui.shell import tasks

NAMES = [f"Bewoner {number:03d}" for number in range(250)]


class Source:
    """A list of invented names, counting how often it was asked for a page."""

    def __init__(self, names: list[str], gate: threading.Event | None = None) -> None:
        self.names = names
        self.asked: list[tuple[int, int]] = []
        self.gate = gate

    def __call__(self, offset: int, limit: int) -> Sequence[tuple[int, str]]:
        self.asked.append((offset, limit))
        if self.gate is not None:
            self.gate.wait(5)
        return [(offset + i, name) for i, name in enumerate(self.names[offset : offset + limit])]


def _model(runner=None) -> PagedListModel:  # type: ignore[no-untyped-def]
    return PagedListModel(
        (N_("No."), N_("Name")),
        lambda row: (str(row[0]), row[1]),
        key=lambda row: row[0],
        page_size=100,
        runner=runner,
    )


def _run(work, done, failed) -> None:  # type: ignore[no-untyped-def]
    tasks.run_task(None, work, done, failed)


def test_pages_arrive_as_the_view_scrolls(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN 250 names shown in a table, 100 a page
    source = Source(NAMES)
    model = _model()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    model.set_source(source)
    # THEN only the first page was fetched, with Dutch headers
    assert model.rowCount() == 100
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Naam"
    assert model.index(5, 1).data() == "Bewoner 005"
    assert model.key_at(5) == 5
    # WHEN the view scrolls to the end, twice
    for _ in range(3):
        view.scrollToBottom()
        qtbot.wait(10)
    # THEN all 250 are there, fetched in three pages, and nothing more is asked
    assert model.rowCount() == 250
    assert source.asked == [(0, 100), (100, 100), (200, 100)]
    assert not model.canFetchMore()
    assert model.key_at(250) is None


def test_an_answer_for_an_older_source_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a model that fetches off the UI thread, and a slow first source
    gate = threading.Event()
    slow = Source(["Oud 1", "Oud 2"], gate)
    model = _model(_run)
    loaded: list[int] = []
    model.loaded.connect(lambda: loaded.append(model.rowCount()))
    model.set_source(slow)
    assert model.loading
    # WHEN a newer source replaces it before the slow answer came
    model.set_source(Source(["Nieuw 1"]))
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    gate.set()
    tasks.wait_for_tasks()
    qtbot.wait(50)
    # THEN only the newer rows are shown
    assert [model.index(row, 1).data() for row in range(model.rowCount())] == ["Nieuw 1"]
    assert loaded == [1]


def test_a_failing_page_is_reported_and_stops_fetching(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a source that fails
    def broken(offset: int, limit: int) -> Sequence[object]:
        raise OSError("schijf vol")

    model = _model()
    errors: list[BaseException] = []
    model.failed.connect(errors.append)
    # WHEN it is shown
    model.set_source(broken)
    # THEN the error reaches the screen once, the list is empty and asks no more
    assert len(errors) == 1 and isinstance(errors[0], OSError)
    assert model.rowCount() == 0
    assert not model.canFetchMore()


def test_no_source_is_an_empty_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a model with rows
    model = _model()
    model.set_source(Source(NAMES[:3]))
    assert model.rowCount() == 3
    # WHEN its source is taken away THEN it is empty and says it loaded
    with qtbot.waitSignal(model.loaded, timeout=1000):
        model.set_source(None)
    assert model.rowCount() == 0
