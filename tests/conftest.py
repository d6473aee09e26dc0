"""Shared fixtures: offscreen Qt, a data dir in tmp_path, a migrated real SQLite database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MINAMI_DESK_DATA_DIR", None)

from collections.abc import Iterator
from pathlib import Path

import pytest

from minami_desk import clock, i18n
from minami_desk.config import Paths, resolve_paths
from minami_desk.data.db import Database
from minami_desk.data.store import open_database
from minami_desk.services.actor import Actor


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test may touch the real user folders: config and data both point into tmp_path."""
    monkeypatch.setenv("MINAMI_DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("MINAMI_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    i18n.set_language("nl")
    yield
    clock.fix(None)
    i18n.set_language("nl")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    result = resolve_paths(tmp_path / "data")
    result.ensure()
    return result


@pytest.fixture
def db(paths: Paths) -> Iterator[Database]:
    database = open_database(paths)
    yield database
    database.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor(staff_id=None, role="beheerder", via="ui")


@pytest.fixture
def staff_actor() -> Actor:
    return Actor(staff_id=None, role="medewerker", via="ui")


@pytest.fixture
def volunteer() -> Actor:
    return Actor(staff_id=None, role="vrijwilliger", via="ui")
