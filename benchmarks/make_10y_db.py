"""Build, or reuse, the 10-year database the benchmarks run against.

    python -m benchmarks.make_10y_db            # build when missing, else reuse
    python -m benchmarks.make_10y_db --rebuild  # throw the old one away first

It is exactly what ``minami-desk demo-data --residents 50000 --months 120 --seed 1`` makes,
in ``benchmarks/data/10y`` (git-ignored). A ``build.json`` beside it records its size and row
counts, so a benchmark can tell which data it measured.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import DATA

TEN_YEARS = DATA / "10y"
RESIDENTS = 50_000
MONTHS = 120
SEED = 1
_COUNTED = ("resident", "session", "attendance", "contact", "referral", "trajectory")


def ensure_10y_database(data_dir: Path = TEN_YEARS, rebuild: bool = False) -> Path:
    """The data dir of the 10-year database, generated first when it is not there yet."""
    database = data_dir / "minami-desk.sqlite"
    if rebuild or not database.exists():
        shutil.rmtree(data_dir, ignore_errors=True)
        build(data_dir)
    elif not (data_dir / "build.json").exists():
        describe(data_dir, seconds=None)  # made by hand with ``minami-desk demo-data``
    return data_dir


def build(data_dir: Path) -> dict[str, object]:
    from minami_desk.cli import main

    started = time.perf_counter()
    arguments = ["--data-dir", str(data_dir), "demo-data", "--residents", str(RESIDENTS)]
    code = main([*arguments, "--months", str(MONTHS), "--seed", str(SEED)])
    if code != 0:
        raise SystemExit(f"demo-data failed with exit code {code}")
    return describe(data_dir, round(time.perf_counter() - started, 1))


def describe(data_dir: Path, seconds: float | None) -> dict[str, object]:
    """Write ``build.json``: when, how long, how big, how many rows."""
    database = data_dir / "minami-desk.sqlite"
    with closing(sqlite3.connect(database)) as connection:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in _COUNTED
        }
    info: dict[str, object] = {
        "described_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": seconds,
        "residents": RESIDENTS,
        "months": MONTHS,
        "seed": SEED,
        "file_bytes": database.stat().st_size,
        "rows": counts,
    }
    (data_dir / "build.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.make_10y_db")
    parser.add_argument("--rebuild", action="store_true", help="make it again from scratch")
    parser.add_argument("--data-dir", type=Path, default=TEN_YEARS)
    args = parser.parse_args(argv)
    data_dir = ensure_10y_database(args.data_dir, rebuild=args.rebuild)
    print((data_dir / "build.json").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
