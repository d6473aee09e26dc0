"""The resident page with the longest history, and a 60-name presentielijst, on the 10-year DB.

Resident page: ``ResidentPage.show_resident`` as the desk waits for it (details, consents,
the whole timeline, the widgets filled, the audit row written). Baseline: the timeline
service alone. Presentielijst: the service plus the PDF. Baseline: the service alone.
Both run on a copy of the database, so the shared file is not touched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from benchmarks.bench_sessions import _big_session, _copy_database, _cpu_result
from benchmarks.common import Result, measure

RESIDENT_PAGE_BUDGET_MS = 150


def _longest_history(db: object) -> tuple[int, int]:
    from sqlalchemy import func, select

    from minami_desk.data.models import Attendance

    with db.read_session() as session:  # type: ignore[attr-defined]
        row = session.execute(
            select(Attendance.resident_id, func.count())
            .group_by(Attendance.resident_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
    return int(row[0]), int(row[1])


def _grow_history(db: object, resident_id: int, wanted: int) -> None:
    """Give the resident ``wanted`` attended sessions (the demo's busiest has ~120)."""
    from sqlalchemy import text

    with db.session() as session:  # type: ignore[attr-defined]
        session.execute(
            text(
                "INSERT INTO attendance (session_id, resident_id, status, registered_at, walk_in,"
                " note, created_at, updated_at)"
                " SELECT s.id, :rid, 'present', s.starts_at, 0, '', s.starts_at, s.starts_at"
                " FROM session s WHERE s.status = 'planned' AND s.starts_at < CURRENT_TIMESTAMP"
                " AND s.id NOT IN (SELECT session_id FROM attendance WHERE resident_id = :rid)"
                " ORDER BY s.starts_at DESC LIMIT :n"
            ),
            {"rid": resident_id, "n": wanted},
        )


def run(data_dir: Path, repeat: int = 9) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from minami_desk.app import make_application
    from minami_desk.clock import today
    from minami_desk.config import resolve_paths
    from minami_desk.data.store import open_database
    from minami_desk.reports.attendance_sheet import render_attendance_sheet
    from minami_desk.services.actor import Actor
    from minami_desk.services.sessions.export import attendance_sheet
    from minami_desk.services.timeline import resident_timeline
    from minami_desk.ui.desk.resident_page import ResidentPage
    from minami_desk.ui.shell.context import AppContext

    make_application()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as scratch:
        copy_dir = Path(scratch) / "data"
        _copy_database(Path(data_dir), copy_dir)
        paths = resolve_paths(copy_dir)
        paths.ensure()
        db = open_database(paths)
        actor = Actor(staff_id=None, role="beheerder", via="ui")
        try:
            resident_id, rows = _longest_history(db)
            _grow_history(db, resident_id, max(0, 500 - rows))
            page = ResidentPage(AppContext(paths=paths, db=db, actor=actor))
            page.resize(1200, 800)
            page.show()

            def open_page() -> None:
                page.show_resident(resident_id)
                QApplication.processEvents()

            history = len(resident_timeline(db, actor, resident_id))
            results.append(
                measure(
                    f"resident page, long history ({history} timeline rows)",
                    open_page,
                    repeat=repeat,
                    baseline=(
                        "timeline service alone",
                        lambda: resident_timeline(db, actor, resident_id),
                    ),
                    budget_ms=RESIDENT_PAGE_BUDGET_MS,
                )
            )
            results.append(
                _cpu_result(
                    f"resident page, long history ({history} timeline rows), CPU time",
                    open_page,
                    repeat,
                    RESIDENT_PAGE_BUDGET_MS,
                )
            )
            session_id = _big_session(db, actor, today())
            target = Path(scratch) / "sheet.pdf"
            results.append(
                measure(
                    "presentielijst PDF, 60 names",
                    lambda: render_attendance_sheet(
                        attendance_sheet(db, actor, session_id), target
                    ),
                    repeat=repeat,
                    baseline=("its data alone", lambda: attendance_sheet(db, actor, session_id)),
                )
            )
            del rows
        finally:
            db.dispose()
    return results
