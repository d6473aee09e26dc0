"""Timing helpers shared by the benchmark modules: medians, p95, ratios to a baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"


@dataclass
class Result:
    """One measured line of the table in ``benchmarks/README.md``."""

    name: str
    median_ms: float
    p95_ms: float
    baseline_name: str = ""
    baseline_ms: float | None = None
    budget_ms: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline_ms:
            return None
        return self.median_ms / self.baseline_ms

    @property
    def within_budget(self) -> bool | None:
        if self.budget_ms is None:
            return None
        return (
            self.p95_ms < self.budget_ms if "p95" in self.note else self.median_ms < self.budget_ms
        )


def timings(function: Callable[[], object], repeat: int = 7, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of ``repeat`` calls after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        function()
    measured = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        measured.append((time.perf_counter() - start) * 1000)
    return measured


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(
    name: str,
    function: Callable[[], object],
    *,
    repeat: int = 7,
    baseline: tuple[str, Callable[[], object]] | None = None,
    budget_ms: float | None = None,
    note: str = "",
) -> Result:
    values = timings(function, repeat)
    result = Result(name, median(values), p95(values), budget_ms=budget_ms, note=note)
    if baseline is not None:
        base_values = timings(baseline[1], repeat)
        result.baseline_name = baseline[0]
        result.baseline_ms = median(base_values)
    return result
