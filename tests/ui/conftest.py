"""UI fixtures: one QApplication (pytest-qt's), a main window on a real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minami_desk.config import Paths


@pytest.fixture
def main_window(qtbot, paths: Paths) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from minami_desk.app import build_window, make_application

    make_application()
    window = build_window(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    from minami_desk.ui.shell.tasks import wait_for_tasks

    wait_for_tasks()
    window.context.db.dispose()


@pytest.fixture
def demo_window(qtbot, paths: Paths, tmp_path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window on a (small) demo database, as ``minami-desk --demo`` opens it."""
    from minami_desk.app import build_window, make_application
    from minami_desk.services.demo import make_demo_database

    make_application()
    make_demo_database(paths, cache_dir=tmp_path / "cache", residents=120, months=6)
    window = build_window(paths, demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    from minami_desk.ui.shell.tasks import wait_for_tasks

    wait_for_tasks()
    window.context.db.dispose()
