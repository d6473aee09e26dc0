"""Cold start to an idle main window, and peak memory, each in a fresh process.

Baseline: a bare PySide6 ``QMainWindow`` in a fresh process, measured the same way.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Result, median, p95

_WINDOW = r"""
import os, sys, json, resource
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from minami_desk.app import make_application, build_window
from minami_desk.config import resolve_paths
app = make_application()
window = build_window(resolve_paths(sys.argv[1]))
window.show()
def idle():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss_mb": rss}), flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
window.context.db.dispose()
"""

_BARE = r"""
import os, json, resource
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 780)
window.show()
def idle():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss_mb": rss}), flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""


def _spawn(code: str, *args: str) -> tuple[float, float]:
    start = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    ).stdout
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, json.loads(output.strip().splitlines()[-1])["rss_mb"]


def run(data_dir: Path, repeat: int = 5) -> list[Result]:
    _spawn(_WINDOW, str(data_dir))  # warm the file cache and run any migration once
    window = [_spawn(_WINDOW, str(data_dir)) for _ in range(repeat)]
    bare = [_spawn(_BARE) for _ in range(repeat)]
    window_ms = [w[0] for w in window]
    bare_ms = [b[0] for b in bare]
    start = Result(
        "cold start to idle main window (10-year DB)",
        median(window_ms),
        p95(window_ms),
        baseline_name="bare PySide6 window, fresh process",
        baseline_ms=median(bare_ms),
        budget_ms=1500,
    )
    rss = max(w[1] for w in window)
    memory = Result(
        "peak RSS of the window (MB, not ms)",
        rss,
        rss,
        baseline_name="bare window RSS (MB)",
        baseline_ms=max(b[1] for b in bare),
        budget_ms=350,
        note="values are megabytes",
    )
    return [start, memory]
