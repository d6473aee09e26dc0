"""One populated database for all report tests (read-only), and the clock after November."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from minami_desk import clock
from minami_desk.config import resolve_paths
from minami_desk.data.db import Database
from minami_desk.data.store import open_database
from tests.reporting.data import at, populate

MADE_AT = at(date(2026, 12, 2), 9)


@pytest.fixture(scope="session")
def report_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, set[str]]]:
    paths = resolve_paths(Path(tmp_path_factory.mktemp("report")) / "data")
    database = open_database(paths)
    names = populate(database)
    yield database, names
    database.dispose()


@pytest.fixture
def report_db(report_data: tuple[Database, set[str]]) -> Database:
    return report_data[0]


@pytest.fixture
def resident_names(report_data: tuple[Database, set[str]]) -> set[str]:
    return report_data[1]


@pytest.fixture(autouse=True)
def _after_november() -> None:
    """Reports are made on 2 December 2026 unless a test says otherwise."""
    clock.fix(MADE_AT)
