"""``make_demo_database``: a filled demo database in a fresh data dir, fast the second time.

Generating even a small demo takes a few seconds, so the first run of the day keeps a template
in the cache folder, keyed by program version, schema revision, size and day; later demos only
copy it. Templates of other days or versions are removed when a new one is made.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import platformdirs

from minami_desk import APP_ID, __version__, clock
from minami_desk.config import Paths
from minami_desk.data.migrate import copy_database, head_revision
from minami_desk.data.store import open_database
from minami_desk.services.demo.generator import generate_demo_data, not_empty_error

DEMO_RESIDENTS = 400
DEMO_MONTHS = 24
DEMO_SEED = 1
_PREFIX = "demo-template-"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def template_path(cache_dir: Path, day: date, residents: int, months: int, seed: int) -> Path:
    key = f"{__version__}-{head_revision()}-{residents}-{months}-{seed}-{day.isoformat()}"
    return cache_dir / f"{_PREFIX}{key}.sqlite"


def make_demo_database(
    paths: Paths,
    *,
    cache_dir: Path | None = None,
    today: date | None = None,
    residents: int = DEMO_RESIDENTS,
    months: int = DEMO_MONTHS,
    seed: int = DEMO_SEED,
) -> None:
    """Put a demo database into ``paths.data_dir``, which must hold no residents yet."""
    day = today or clock.today()
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    template = template_path(folder, day, residents, months, seed)
    if not template.exists():
        _build(template, day, residents, months, seed)
        _prune(folder, keep=template)
    paths.ensure()
    _clear(paths)
    copy_database(template, paths.database)


def _build(template: Path, day: date, residents: int, months: int, seed: int) -> None:
    """Generate in a private folder, then move the finished file into place in one step."""
    template.parent.mkdir(parents=True, exist_ok=True)
    work = template.parent / f".building-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    scratch = Paths(data_dir=work, log_dir=work / "logs", config_dir=work / "config")
    try:
        db = open_database(scratch)
        try:
            generate_demo_data(db, residents=residents, months=months, seed=seed, today=day)
        finally:
            db.dispose()
        partial = template.with_suffix(".partial")
        copy_database(scratch.database, partial)
        os.replace(partial, template)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _prune(folder: Path, keep: Path) -> None:
    for old in folder.glob(f"{_PREFIX}*.sqlite"):
        if old != keep:
            old.unlink(missing_ok=True)


def _clear(paths: Paths) -> None:
    """An empty database file (say, just migrated) may go; one with residents never."""
    if not paths.database.exists():
        return
    with closing(sqlite3.connect(paths.database)) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'resident'"
        ).fetchone()[0]
        holds = tables and connection.execute("SELECT count(*) FROM resident").fetchone()[0]
    if holds:
        raise not_empty_error()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
