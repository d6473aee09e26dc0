"""Cold start to an idle main window, and peak memory, each in a fresh process.

The window is started the way ``minami-desk`` starts it (``app.start_window`` without an
actor): the frame opens at once behind the start cover, the sign-in dialog comes up over it
while the data layer loads on its own thread (``ui/shell/data_loader.py``), and the child
types a name and password into that dialog the moment it is there and presses "Aanmelden"
(a person takes seconds to type; the benchmark takes none, so the data layer has less time
to load in the background than at a real desk: the numbers are the pessimistic end). The
schema check, the background integrity check and Vandaag with its data follow as at a desk.
"On screen" is the first turn of the event loop after the frame was shown. "Idle" means:
signed in, Vandaag's panels show their data and the event loop has nothing left to do.
The integrity check may still be running then (writes wait for it); how long it takes until
writes are allowed is measured on its own line.

Baseline: a bare PySide6 ``QMainWindow`` in a fresh process, measured the same way. The
clock runs from starting the process until it reports idle (closing is not timed); the CPU
time printed alongside is the whole process's, closing included.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Result, median, p95

_PEAK = r"""
def peak_mb():
    # Linux keeps ru_maxrss across exec, so a child started by a large benchmark process
    # would report the parent's peak; VmHWM belongs to this program alone.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_WINDOW = (
    r"""
import os, sys, json, resource
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from minami_desk.app import choose_language, install_qt_translations, make_application, start_window
from minami_desk.config import resolve_paths
from minami_desk.data.lock import InstanceLock
from minami_desk.logging_setup import configure_logging
from minami_desk.ui.shell.sign_in import SignInDialog
from minami_desk.ui.shell.tasks import wait_for_tasks
"""
    + _PEAK
    + r"""
wait_for = sys.argv[2]  # "idle" or "checked"
paths = resolve_paths(sys.argv[1])
paths.ensure()
configure_logging(paths, "window")
language = choose_language(paths, None)
app = make_application()
install_qt_translations(app, language)
lock = InstanceLock(paths.lock_file)
lock.acquire()
frame_shown = []

def at_the_desk():  # the sign-in dialog over the covered frame: type and press "Aanmelden"
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, SignInDialog) or dialog.property("answered"):
        QTimer.singleShot(1, at_the_desk)
        return
    dialog.setProperty("answered", True)
    if dialog.parentWidget() is not None and dialog.parentWidget().isVisible():
        frame_shown.append(True)
        print(json.dumps({"shown": True}), flush=True)
    dialog.form.name_input.setText(sys.argv[3])
    dialog.form.password_input.setText(sys.argv[4])
    dialog.form.submit()

QTimer.singleShot(0, at_the_desk)
window = start_window(paths)
if isinstance(window, int) or window.context.actor.staff_id is None:
    raise SystemExit("the benchmark could not sign in")

def ready():
    if not window.data_ready:  # the frame is shown; the data layer still loads
        return False
    if wait_for == "checked":
        return window.start_check is None or window.start_check.check.done
    today = window.section_widget("today")
    loaders = [p.loader for p in today.panels if hasattr(p, "loader")]
    return window.isVisible() and not any(loader.busy for loader in loaders)

def shown():
    if not frame_shown:  # the frame must have been on screen behind the sign-in dialog
        raise SystemExit("the sign-in dialog came before the window")
    if window.data_ready:
        poll()
    else:  # no polling meanwhile: it would take the GIL from the thread loading the data layer
        window.data_attached.connect(poll, Qt.ConnectionType.QueuedConnection)

def poll():
    if not ready():
        QTimer.singleShot(2, poll)
        return
    rss = peak_mb()
    created = [key for key in window.section_keys if window.section_created(key)]
    print(json.dumps({"rss_mb": rss, "sections": created}), flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
if window.start_check is not None:
    window.start_check.cancel()  # as closing the window does
wait_for_tasks()
window.context.db.dispose()
lock.release()
"""
)

_BARE = (
    r"""
import os, json, resource
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
"""
    + _PEAK
    + r"""
app = QApplication([])
window = QMainWindow()
window.resize(1200, 780)
window.show()
def idle():
    rss = peak_mb()
    print(json.dumps({"rss_mb": rss}), flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""
)


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _spawn(code: str, *args: str) -> tuple[float, float, float, float]:
    """From starting a fresh process: wall ms until it reports idle, its peak RSS in MB, its
    CPU ms (user + system, the whole process, closing included), and wall ms until the
    window was first on screen. The clock stops at the reports, not at the exit: closing
    the program is not part of starting it (for the baseline alike)."""
    cpu = _cpu_children()
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        assert child.stdout is not None
        shown = idle = 0.0
        report: dict[str, object] = {}
        for line in child.stdout:
            moment = (time.perf_counter() - start) * 1000
            answer = json.loads(line)
            if "shown" in answer:
                shown = moment
            else:
                idle, report = moment, answer
        if child.wait() != 0 or not report:
            raise RuntimeError(f"the start-up child failed (exit {child.returncode})")
    if "sections" in report and report["sections"] != ["today"]:
        raise RuntimeError(f"sections built at start: {report['sections']}")
    rss = float(report["rss_mb"])  # type: ignore[arg-type]
    return idle, rss, (_cpu_children() - cpu) * 1000, shown or idle


BENCH_USERNAME = "balie-benchmark"
BENCH_PASSWORD = "benchmark-balie-2026"  # a fictional account in the generated benchmark data


def ensure_bench_account(data_dir: Path) -> None:
    """An administrator to sign in with; created once (after any migration) in the bench DB."""
    from minami_desk.config import resolve_paths
    from minami_desk.data.store import open_database
    from minami_desk.services import accounts
    from minami_desk.services.accounts import SignInError
    from minami_desk.services.actor import Actor

    db = open_database(resolve_paths(data_dir))  # migrates, as the first start would
    try:
        try:
            accounts.sign_in(db, BENCH_USERNAME, BENCH_PASSWORD)
        except SignInError:
            if accounts.needs_first_admin(db):
                accounts.create_first_admin(db, BENCH_USERNAME, "Balie Benchmark", BENCH_PASSWORD)
            else:
                accounts.create_staff(
                    db,
                    Actor.system(),
                    BENCH_USERNAME,
                    "Balie Benchmark",
                    "beheerder",
                    BENCH_PASSWORD,
                )
    finally:
        db.dispose()


def run(data_dir: Path, repeat: int = 5) -> list[Result]:
    account = (BENCH_USERNAME, BENCH_PASSWORD)
    ensure_bench_account(data_dir)
    _spawn(_WINDOW, str(data_dir), "checked", *account)  # warm the file cache
    window = [_spawn(_WINDOW, str(data_dir), "idle", *account) for _ in range(repeat)]
    checked = [_spawn(_WINDOW, str(data_dir), "checked", *account) for _ in range(repeat)]
    bare = [_spawn(_BARE) for _ in range(repeat)]
    window_ms = [w[0] for w in window]
    bare_ms = [b[0] for b in bare]
    print(
        f"  cold start CPU (user+sys) median {median([w[2] for w in window]):,.0f} ms, "
        f"bare window {median([b[2] for b in bare]):,.0f} ms; "
        f"until the check's verdict {median([c[2] for c in checked]):,.0f} ms",
        file=sys.stderr,
    )
    shown_ms = [w[3] for w in window]
    on_screen = Result(
        "cold start until the window is on screen (10-year DB)",
        median(shown_ms),
        p95(shown_ms),
        baseline_name="bare PySide6 window, fresh process",
        baseline_ms=median(bare_ms),
        note="the frame (sidebar, menus, search); the data layer still loads on its own thread",
    )
    start = Result(
        "cold start to idle main window, Vandaag filled (10-year DB)",
        median(window_ms),
        p95(window_ms),
        baseline_name="bare PySide6 window, fresh process",
        baseline_ms=median(bare_ms),
        budget_ms=1500,
    )
    checked_ms = [c[0] for c in checked]
    verdict = Result(
        "start until the background integrity check allows writes (10-year DB)",
        median(checked_ms),
        p95(checked_ms),
        note="no budget: the window is usable meanwhile",
    )
    rss = max(w[1] for w in window + checked)
    memory = Result(
        "peak RSS of the window (MB, not ms)",
        rss,
        rss,
        baseline_name="bare window RSS (MB)",
        baseline_ms=max(b[1] for b in bare),
        budget_ms=350,
        note="values are megabytes",
    )
    return [on_screen, start, verdict, memory]
