"""A second start on an open data dir: the open window comes forward, or the desk reads why."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from minami_desk.cli.common import already_open_message
from minami_desk.config import Paths
from minami_desk.data.lock import InstanceLock
from minami_desk.ui.shell.front_door import FrontDoor, door_name


def _second_start(paths: Paths) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "minami_desk", "--data-dir", str(paths.data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def held(paths: Paths) -> Iterator[InstanceLock]:
    lock = InstanceLock(paths.lock_file)
    lock.acquire()
    yield lock
    lock.release()


def test_a_second_start_brings_the_open_window_forward(qtbot, paths, held) -> None:  # type: ignore[no-untyped-def]
    # GIVEN the program open on this data dir, its window minimised
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.setWindowState(Qt.WindowState.WindowMinimized)
    door = FrontDoor(paths)
    assert door.open()
    # WHEN the desk starts the program a second time
    second = _second_start(paths)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    door.close()
    # THEN the open window is back on screen and the second start ends quietly
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert not window.isMinimized()
    assert already_open_message() not in err


def test_without_an_answer_the_second_start_says_why_and_never_waits_on_a_dialog(
    qtbot, paths, held
) -> None:  # type: ignore[no-untyped-def]
    # GIVEN the data dir locked by a program that does not answer (no screen to raise)
    # WHEN the program starts a second time, with no screen of its own
    second = _second_start(paths)
    # THEN it does not sit behind an invisible message box: the reason on stderr, exit 1
    _out, err = second.communicate(timeout=60)
    assert second.returncode == 1
    assert already_open_message() in err


def test_each_data_dir_has_its_own_door(tmp_path: Path) -> None:
    from minami_desk.config import resolve_paths

    first, second = resolve_paths(tmp_path / "a"), resolve_paths(tmp_path / "b")
    assert door_name(first) != door_name(second)
    assert door_name(first) == door_name(resolve_paths(tmp_path / "a" / ".." / "a"))
