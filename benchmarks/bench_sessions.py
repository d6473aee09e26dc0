"""Bijeenkomsten on the 10-year database: the week view and a 60-registration attendance screen.

Both are measured as the user waits for them: the service query plus filling the widgets.
The attendance screen needs a session with 60 registrations; the demo data's sessions are
smaller, so one is added to a copy of the database (the shared 10-year file stays untouched).

Baselines: the same widgets filled from data already in memory, so the ratio shows what the
database part costs.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from datetime import date, time, timedelta
from pathlib import Path
from time import process_time

from benchmarks.common import Result, measure, median, p95

WEEK_BUDGET_MS = 150
ATTENDANCE_BUDGET_MS = 150
REGISTRATIONS = 60


def _copy_database(source: Path, target_dir: Path) -> None:
    """SQLite's online backup: a consistent copy even of a database in WAL mode."""
    target_dir.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(source / "minami-desk.sqlite")) as origin,
        closing(sqlite3.connect(target_dir / "minami-desk.sqlite")) as copy,
    ):
        origin.backup(copy)


def _busiest_week(db: object) -> date:
    from sqlalchemy import select

    from minami_desk.data.models import Session

    with db.read_session() as session:  # type: ignore[attr-defined]
        moments = session.scalars(select(Session.starts_at).order_by(Session.starts_at)).all()
        if not moments:
            raise SystemExit("the database has no sessions: build it with make_10y_db first")
        weeks: dict[date, int] = {}
        for moment in moments:
            day = moment.date()
            monday = day - timedelta(days=day.weekday())
            weeks[monday] = weeks.get(monday, 0) + 1
    return max(weeks, key=lambda monday: (weeks[monday], monday))


def _big_session(db: object, actor: object, on: date) -> int:
    """A session with ``REGISTRATIONS`` residents, added to the copy."""
    from sqlalchemy import select

    from minami_desk.data.models import Resident, SessionKind
    from minami_desk.services.sessions.planning import SessionDetails, plan_session
    from minami_desk.services.sessions.registration import register_resident

    with db.read_session() as session:  # type: ignore[attr-defined]
        kind_id = session.scalar(select(SessionKind.id).order_by(SessionKind.id))
        residents = session.scalars(
            select(Resident.id)
            .where(Resident.anonymised_at.is_(None))
            .order_by(Resident.id.desc())
            .limit(REGISTRATIONS)
        ).all()
    details = SessionDetails(
        kind_id=kind_id,
        title="Buurtmaaltijd (benchmark)",
        start_time=time(18, 0),
        end_time=time(21, 0),
        location="Grote zaal",
    )
    session_id = plan_session(db, actor, on, details)  # type: ignore[arg-type]
    for resident_id in residents:
        register_resident(db, actor, session_id, resident_id)  # type: ignore[arg-type]
    return session_id


def _cpu_result(name: str, function: Callable[[], object], repeat: int, budget: float) -> Result:
    """The same call in this process's CPU time: on a shared machine, wall-clock time is mostly
    waiting for a core, and CPU time is the closer guess of what an idle desk PC would show.
    """
    function()
    values = []
    for _ in range(repeat):
        start = process_time()
        function()
        values.append((process_time() - start) * 1000)
    return Result(name, median(values), p95(values), budget_ms=budget)


def run(data_dir: Path, repeat: int = 9) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from minami_desk.app import make_application
    from minami_desk.config import resolve_paths
    from minami_desk.data.store import open_database
    from minami_desk.services.actor import Actor
    from minami_desk.services.sessions.attendance import attendance_list
    from minami_desk.services.sessions.queries import week_sessions
    from minami_desk.ui.sessions.attendance_screen import AttendanceScreen
    from minami_desk.ui.sessions.week_view import WeekView
    from minami_desk.ui.shell.context import AppContext

    make_application()
    with tempfile.TemporaryDirectory(prefix="bench-sessions-") as scratch:
        copy_dir = Path(scratch) / "data"
        _copy_database(Path(data_dir), copy_dir)
        paths = resolve_paths(copy_dir)
        paths.ensure()
        db = open_database(paths)
        actor = Actor(staff_id=None, role="beheerder", via="ui")
        try:
            monday = _busiest_week(db)
            session_id = _big_session(db, actor, monday + timedelta(days=2))
            context = AppContext(paths=paths, db=db, actor=actor)
            view = WeekView()
            view.resize(1200, 700)
            in_memory_week = week_sessions(db, actor, monday)

            def open_week() -> None:
                view.show_week(monday, week_sessions(db, actor, monday))

            screens: list[AttendanceScreen] = []

            def open_attendance() -> None:
                screen = AttendanceScreen(context, session_id)
                screens.append(screen)

            listing = attendance_list(db, actor, session_id)
            assert len(listing.rows) == REGISTRATIONS

            def fill_screen_from_memory() -> None:
                screens[-1]._show(listing)

            week = measure(
                f"week view, busiest week ({len(in_memory_week)} sessions)",
                open_week,
                repeat=repeat,
                baseline=(
                    "same widgets from memory",
                    lambda: view.show_week(monday, in_memory_week),
                ),
                budget_ms=WEEK_BUDGET_MS,
            )
            attendance = measure(
                f"attendance screen, {REGISTRATIONS} registrations",
                open_attendance,
                repeat=repeat,
                baseline=("rows refilled from memory", fill_screen_from_memory),
                budget_ms=ATTENDANCE_BUDGET_MS,
            )
            cpu = [
                _cpu_result(f"{week.name}, CPU time", open_week, repeat, WEEK_BUDGET_MS),
                _cpu_result(
                    f"{attendance.name}, CPU time", open_attendance, repeat, ATTENDANCE_BUDGET_MS
                ),
            ]
            for screen in screens:
                screen.deleteLater()
            return [week, attendance, *cpu]
        finally:
            db.dispose()
