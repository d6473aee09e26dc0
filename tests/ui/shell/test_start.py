"""The start as ``minami-desk`` does it (``app.start_window``): one section built, the
integrity check in the background with writes refused until its verdict, and the damaged-
database flow when that verdict is bad."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from minami_desk.services.actor import Actor
from minami_desk.services.auto_backup import maybe_auto_backup
from minami_desk.services.startup import (
    BackgroundCheck,
    DatabaseDamagedError,
    WritesPausedError,
    schema_is_current,
)
from minami_desk.services.themes import add_theme
from minami_desk.ui.backup import dialogs as backup_dialogs
from minami_desk.ui.backup import guard as backup_guard
from tests.services.backup_helpers import count_residents, populate, row_hashes

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _damage_data_pages(database: Path) -> None:
    """Overwrite the leaf pages of the resident table, as a failing disk would: the file
    still opens and its schema revision reads, but ``quick_check`` fails."""
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'resident' AND pagetype = 'leaf'"
        )
    ]
    connection.close()
    assert pages
    with open(database, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size + 8)
            handle.write(b"\xde\xad\xbe\xef" * 64)


def _start(qtbot, paths: Paths, admin: Actor):  # type: ignore[no-untyped-def]
    from minami_desk.app import make_application, start_window

    make_application()
    window = start_window(paths, actor=admin)
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    # The frame shows first; the data layer arrives from its own thread.
    qtbot.waitUntil(lambda: window.data_ready or not window.isVisible(), timeout=30000)
    return window


def _close(window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.ui.shell.tasks import wait_for_tasks

    if window.start_check is not None:
        window.start_check.cancel()
    # Searches started by typing (after a short pause) and their answers, while their screens
    # still exist: an answer arriving in the next test would find its list deleted.
    for _round in range(3):
        wait_for_tasks()
        QTest.qWait(100)
    if window.context.db is not None:
        window.context.db.dispose()


def _hold_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the background check until the test releases it: on a small file its verdict
    could otherwise come before the window exists, which is another test's path."""
    release = threading.Event()
    original = BackgroundCheck.run

    def held_run(self: BackgroundCheck):  # type: ignore[no-untyped-def]
        release.wait(20)
        return original(self)

    monkeypatch.setattr(BackgroundCheck, "run", held_run)
    return release


def test_writes_wait_for_the_verdict_of_the_check(paths: Paths, db: Database, admin: Actor) -> None:
    check = BackgroundCheck(db, paths)
    with pytest.raises(WritesPausedError) as refused:
        add_theme(db, admin, "Buurtmoestuin")
    assert "wordt nog gecontroleerd" in str(refused.value)
    assert check.run().ok
    assert db.write_gate is None
    add_theme(db, admin, "Buurtmoestuin")  # the verdict is in: writing works again


def test_looking_at_a_record_during_the_check_is_logged_once_it_passed(
    paths: Paths, db: Database, admin: Actor
) -> None:
    from sqlalchemy import select

    from minami_desk.data.models import AuditLog
    from minami_desk.services.audit import record_viewed

    def viewed() -> list[tuple[str, int | None]]:
        with db.read_session() as session:
            rows = session.execute(
                select(AuditLog.entity, AuditLog.entity_id).where(AuditLog.action == "viewed")
            )
            return [(entity, entity_id) for entity, entity_id in rows]

    check = BackgroundCheck(db, paths)
    record_viewed(db, admin, "resident", 7)  # no refusal: the page opens
    assert viewed() == []
    assert check.run().ok
    assert viewed() == [("resident", 7)]
    record_viewed(db, admin, "resident", 8)
    assert viewed() == [("resident", 7), ("resident", 8)]


def test_signing_in_waits_for_the_verdict_instead_of_being_refused(
    paths: Paths, db: Database, admin: Actor
) -> None:
    check = BackgroundCheck(db, paths)
    waited: list[bool] = []

    def wait() -> None:  # as the sign-in's busy cursor does: the check finishes meanwhile
        waited.append(True)
        check.run()

    check.wait_for_verdict = wait
    add_theme(db, admin, "Naailes")
    assert waited == [True] and db.write_gate is None


def test_a_damaged_file_refuses_every_write_and_is_kept(
    paths: Paths, db: Database, admin: Actor
) -> None:
    populate(db, residents=40)
    good = maybe_auto_backup(paths, now=START)
    assert good is not None
    db.dispose()
    _damage_data_pages(paths.database)
    damaged = paths.database.read_bytes()
    assert schema_is_current(paths)  # the normal start: checked in the background

    reopened = Database(paths.database)
    try:
        check = BackgroundCheck(reopened, paths)
        result = check.run()
        assert not result.ok and check.damaged
        assert result.corrupt_copy is not None and result.corrupt_copy.read_bytes() == damaged
        assert result.suggested_backup is not None and result.suggested_backup.path == good.path
        with pytest.raises(DatabaseDamagedError) as refused:
            add_theme(reopened, admin, "Kookclub")
        assert "beschadigd" in str(refused.value)
    finally:
        reopened.dispose()
    assert paths.database.read_bytes() == damaged


def test_start_builds_only_vandaag_and_the_window_is_usable(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, admin: Actor
) -> None:
    populate(db, residents=12)
    db.dispose()
    window = _start(qtbot, paths, admin)
    try:
        assert window.isVisible()
        assert [key for key in window.section_keys if window.section_created(key)] == ["today"]
        qtbot.waitUntil(lambda: window.start_check.check.done, timeout=20000)
        qtbot.waitUntil(lambda: window.context.db.write_gate is None)
        # The global search opens Bewoners, which is built on this first visit.
        window.focus_search()
        qtbot.keyClicks(window.global_search, "Mensah")
        assert window.section_created("residents")
        residents = window.section_widget("residents")
        qtbot.waitUntil(lambda: residents.search.model.rowCount() > 0, timeout=10000)
        # A navigator target builds its section too.
        assert not window.section_created("trajectories")
        window.context.navigator.open("section:trajectories")
        assert window.section_created("trajectories")
        assert window.stack.currentIndex() == window.section_keys.index("trajectories")
    finally:
        _close(window)


def test_damage_found_after_the_window_opened_restores_the_newest_good_backup(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(db, residents=40)
    good = maybe_auto_backup(paths, now=START)
    assert good is not None
    expected = row_hashes(good.path)
    db.dispose()
    _damage_data_pages(paths.database)
    questions: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(
        backup_guard, "confirm", lambda _p, question, *_a: questions.append(question) or True
    )
    monkeypatch.setattr(backup_dialogs, "show_info", lambda _p, text, _t=None: shown.append(text))
    release = _hold_check(monkeypatch)
    with InstanceLock(paths.lock_file):  # as run_gui holds it
        window = _start(qtbot, paths, admin)
        release.set()
        try:
            qtbot.waitUntil(lambda: bool(shown), timeout=30000)
            assert ".corrupt" in questions[0] and "20 november 2026" in questions[0]
            assert "teruggezet" in shown[0]
            assert row_hashes(paths.database, skip_restore_audit=True) == expected
            context = window.context
            with context.db.read_session() as session:
                assert count_residents(session) == 40
            add_theme(context.db, admin, "Fietsles")  # the restored file takes writes
        finally:
            _close(window)


def test_damage_found_after_the_window_opened_can_be_refused(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(db, residents=40)
    assert maybe_auto_backup(paths, now=START) is not None
    db.dispose()
    _damage_data_pages(paths.database)
    damaged = paths.database.read_bytes()
    told: list[str] = []
    monkeypatch.setattr(backup_guard, "confirm", lambda *_a: False)
    monkeypatch.setattr(backup_guard, "show_info", lambda _p, text, _t=None: told.append(text))
    release = _hold_check(monkeypatch)
    window = _start(qtbot, paths, admin)
    release.set()
    try:
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
        assert "sluit af zonder iets te veranderen" in told[0]
        with pytest.raises(DatabaseDamagedError):
            add_theme(window.context.db, admin, "Schaakclub")
    finally:
        _close(window)
    assert paths.database.read_bytes() == damaged


def test_while_the_check_runs_the_status_bar_says_so_and_writes_are_refused(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.dispose()
    release = threading.Event()
    original = BackgroundCheck.run

    def held_run(self: BackgroundCheck):  # type: ignore[no-untyped-def]
        release.wait(20)  # a large file: the verdict takes a while
        return original(self)

    monkeypatch.setattr(BackgroundCheck, "run", held_run)
    window = _start(qtbot, paths, admin)
    try:
        texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
        assert "Database wordt gecontroleerd…" in texts
        with pytest.raises(WritesPausedError):
            add_theme(window.context.db, admin, "Schaakclub")
        release.set()
        qtbot.waitUntil(lambda: window.context.db.write_gate is None, timeout=20000)
        qtbot.waitUntil(lambda: "gecontroleerd" in window.statusBar().currentMessage())
        texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
        qtbot.waitUntil(
            lambda: (
                "Database wordt gecontroleerd…"
                not in [label.text() for label in window.statusBar().findChildren(QLabel)]
            )
        )
        add_theme(window.context.db, admin, "Schaakclub")
    finally:
        release.set()
        _close(window)


def test_damage_found_while_signing_in_offers_the_backup_then_signs_in_on_it(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``run_gui``'s own path, sign-in dialog included, driven the way a person would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minami_desk.app import make_application, start_window
    from minami_desk.services.accounts import create_first_admin
    from minami_desk.ui.shell.sign_in import SignInDialog

    password = "bijlmer-balie-2026"
    create_first_admin(db, "yvonne", "Yvonne Pinas", password)
    populate(db, residents=40)
    good = maybe_auto_backup(paths, now=START)
    assert good is not None
    db.dispose()
    _damage_data_pages(paths.database)
    make_application()
    monkeypatch.setattr(backup_guard, "confirm", lambda *_a: True)
    errors: list[str] = []
    handled: list[SignInDialog] = []

    release = threading.Event()  # the check of a large file is still running while typing
    original = BackgroundCheck.run

    def held_run(self: BackgroundCheck):  # type: ignore[no-untyped-def]
        release.wait(20)
        return original(self)

    monkeypatch.setattr(BackgroundCheck, "run", held_run)

    def sign_in(dialog: SignInDialog) -> None:
        dialog.form.name_input.setText("yvonne")
        dialog.form.password_input.setText(password)
        release.set()
        dialog.form.submit()  # waits for the check's verdict (a busy cursor), then answers
        if dialog.isVisible():
            errors.append(dialog.form.error.text())

    def answer() -> None:  # every sign-in dialog that opens, once
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignInDialog) and not dialog.property("answered"):
            dialog.setProperty("answered", True)
            handled.append(dialog)
            sign_in(dialog)

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    with InstanceLock(paths.lock_file):  # as run_gui holds it
        window = start_window(paths)
    timer.stop()
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    try:
        assert len(handled) == 2  # once on the damaged file, once on the restored one
        assert errors and "beschadigd" in errors[0]
        assert window.context.actor.name == "Yvonne Pinas"
        restored = row_hashes(paths.database, skip_restore_audit=True)
        expected = row_hashes(good.path)
        # The same rows as the backup; its audit log plus this sign-in.
        assert set(expected.pop("audit_log")) < set(restored.pop("audit_log"))
        assert restored == expected
        qtbot.waitUntil(lambda: window.context.db.write_gate is None, timeout=20000)
    finally:
        _close(window)


FRAME_MODULES = """
import sys
import minami_desk.app, minami_desk.ui.shell.main_window, minami_desk.ui.shell.sign_in
import minami_desk.ui.shell.idle_lock, minami_desk.ui.shell.context
import minami_desk.ui.shell.data_loader
from minami_desk.services.actor import Actor
from minami_desk.ui.shell import screens
for role in ("beheerder", "medewerker", "vrijwilliger"):
    actor = Actor.for_staff(1, role, "Test")
    screens.sections(actor), screens.today_panels(actor), screens.menus(actor)
    screens.admin_pages(actor), screens.installers(actor)
screens.start_modules()
heavy = ("sqlalchemy", "reportlab", "argon2", "cryptography", "phonenumbers", "babel.dates")
print(" ".join(name for name in heavy if name in sys.modules))
# Reading the table of screens imports none of them (only the shell and the kit it is built
# from): each loads when first used.
shell = ("minami_desk.ui.shell", "minami_desk.ui.kit", "minami_desk.ui.widgets")
print(" ".join(
    name for name in sys.modules
    if name.startswith("minami_desk.ui.") and not name.startswith(shell)
))
"""


def test_the_window_frame_and_its_specs_do_not_import_the_data_layer() -> None:
    """The frame shows before the data layer is loaded only while this holds."""
    import subprocess
    import sys

    answer = subprocess.run(
        [sys.executable, "-c", FRAME_MODULES],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    heavy, screens = answer.stdout.split("\n")[:2]
    assert heavy == ""
    assert screens == ""


def test_the_frame_shows_first_then_vandaag_fills_and_typed_search_runs(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minami_desk.app import make_application, start_window
    from minami_desk.ui.shell.data_loader import DataLoader

    populate(db, residents=12)
    db.dispose()
    release = threading.Event()
    original = DataLoader._run

    def held_run(self: DataLoader) -> None:
        release.wait(20)  # a slow PC: the data layer takes a while
        original(self)

    monkeypatch.setattr(DataLoader, "_run", held_run)
    make_application()
    window = start_window(paths, actor=admin)
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and not window.data_ready
        assert window.statusBar().currentMessage() == "Bezig met openen…"
        assert window.section_widget("today") is None
        # What the user does meanwhile: switching sections and typing a search.
        window.show_section("trajectories")
        window.show_section("today")
        assert not any(window.section_created(key) for key in window.section_keys)
        window.focus_search()
        qtbot.keyClicks(window.global_search, "Mensah")
        release.set()
        qtbot.waitUntil(lambda: window.data_ready, timeout=30000)
        today = window.section_widget("today")
        loaders = [panel.loader for panel in today.panels if hasattr(panel, "loader")]
        assert loaders
        qtbot.waitUntil(lambda: not any(loader.busy for loader in loaders), timeout=20000)
        # The search typed while loading ran once the data layer was there.
        assert window.section_created("residents")
        residents = window.section_widget("residents")
        qtbot.waitUntil(lambda: residents.search.model.rowCount() > 0, timeout=10000)
        assert window.global_search.text() == "Mensah"
    finally:
        release.set()
        qtbot.waitUntil(lambda: window.data_ready, timeout=30000)
        _close(window)


def test_sign_in_shows_before_the_data_layer_and_signing_in_waits_for_it(  # type: ignore[no-untyped-def]
    qtbot, paths: Paths, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minami_desk.app import make_application, start_window
    from minami_desk.services.accounts import create_first_admin
    from minami_desk.ui.shell.data_loader import DataLoader
    from minami_desk.ui.shell.sign_in import SignInDialog

    password = "bijlmer-balie-2026"
    create_first_admin(db, "yvonne", "Yvonne Pinas", password)
    db.dispose()
    make_application()
    release = threading.Event()
    timed_out: list[bool] = []
    original = DataLoader._run

    def held_run(self: DataLoader) -> None:
        if not release.wait(20):
            timed_out.append(True)
        original(self)

    monkeypatch.setattr(DataLoader, "_run", held_run)
    shown_while_loading: list[bool] = []
    window_behind: list[tuple[bool, list[str]]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignInDialog) and not dialog.property("answered"):
            dialog.setProperty("answered", True)
            shown_while_loading.append(not release.is_set())
            frame = dialog.parentWidget()
            window_behind.append(
                (
                    frame is not None and frame.isVisible(),
                    [
                        label.text()
                        for cover in frame.findChildren(QFrame, "lockCover")
                        if cover.isVisible()
                        for label in cover.findChildren(QLabel)
                    ]
                    if frame is not None
                    else [],
                )
            )
            dialog.form.name_input.setText("yvonne")
            dialog.form.password_input.setText(password)
            release.set()
            dialog.form.submit()  # waits for the data layer (a busy cursor), then signs in

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    with InstanceLock(paths.lock_file):
        window = start_window(paths)
    timer.stop()
    release.set()
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    try:
        # GIVEN a desk start WHEN the sign-in dialog is up THEN the window is already open
        # behind it, covered (nothing of the screens readable) until someone signed in.
        assert shown_while_loading == [True] and not timed_out
        [(visible, cover_texts)] = window_behind
        assert visible and "Bezig met starten — meld je aan om verder te gaan" in cover_texts
        assert not [c for c in window.findChildren(QFrame, "lockCover") if c.isVisible()]
        assert window.data_ready and window.context.actor.name == "Yvonne Pinas"
        assert window.section_created("today")
    finally:
        _close(window)
