"""``python -m benchmarks``: build (or reuse) the 10-year database, run every ``bench_*``
module, and write the results table into ``benchmarks/README.md``.

Each ``bench_*.py`` module has ``run(data_dir: Path) -> list[Result]``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import ROOT, Result

START = "<!-- results:start -->"
END = "<!-- results:end -->"


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {cpu}{memory}, {platform.system()} {platform.release()}"


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _fmt(value: float | None, unit: str = "ms") -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def table(results: list[Result]) -> str:
    lines = [
        "| what | median | p95 | baseline | baseline median | ratio | budget | within |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        unit = "MB" if "megabytes" in r.note else "ms"
        ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "—"
        within = {True: "yes", False: "**NO**", None: "—"}[r.within_budget]
        lines.append(
            f"| {r.name} | {_fmt(r.median_ms, unit)} | {_fmt(r.p95_ms, unit)} | "
            f"{r.baseline_name or '—'} | {_fmt(r.baseline_ms, unit)} | {ratio} | "
            f"{_fmt(r.budget_ms, unit)} | {within} |"
        )
    return "\n".join(lines)


def write_readme(results: list[Result]) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    block = (
        f"{START}\n"
        f"Machine: {machine()}. Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. "
        f"Commit: {commit()}.\n\n{table(results)}\n{END}"
    )
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Latest results (`python -m benchmarks`)\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the 10-year data dir (default: build or reuse benchmarks/data/10y)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run only these bench modules (e.g. --only startup)",
    )
    parser.add_argument("--no-write", action="store_true", help="print, don't touch README.md")
    args = parser.parse_args(argv)
    if args.data_dir is None:
        from benchmarks.make_10y_db import ensure_10y_database

        args.data_dir = ensure_10y_database()
    modules = sorted(
        info.name for info in pkgutil.iter_modules([str(ROOT)]) if info.name.startswith("bench_")
    )
    if args.only:
        modules = [m for m in modules if m.removeprefix("bench_") in args.only]
    results: list[Result] = []
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"… {name}", file=sys.stderr, flush=True)
        results.extend(module.run(args.data_dir))
    print(table(results))
    if not args.no_write:
        write_readme(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
