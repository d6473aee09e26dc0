"""Back-up maken/terugzetten in the window, the Beheer list, and the check at start."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from minami_desk.config import Paths
from minami_desk.data.lock import InstanceLock
from minami_desk.services.auto_backup import maybe_auto_backup
from minami_desk.ui.backup import backups_page
from minami_desk.ui.backup import dialogs as backup_dialogs
from minami_desk.ui.backup import guard as backup_guard
from minami_desk.ui.backup.dialogs import BackupDialog
from tests.services.backup_helpers import count_residents, populate, row_hashes

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SCREENSHOTS = Path("/tmp/minami-backup-screens")


def _grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_backup_dialog_checks_the_passphrase(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupDialog(None, tmp_path / "minami-desk-backup-2026-11-27.mnb")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "kort")
    assert dialog.strength_bar.value() == 0 and "Te kort" in dialog.strength.text()
    dialog.ok_button.click()
    assert dialog.error.isVisible() and "minstens 10 tekens" in dialog.error.text()
    dialog.passphrase.setText("mango pinda roti kerrie")
    dialog.repeat.setText("mango pinda roti kerie")
    dialog.ok_button.click()
    assert "niet gelijk" in dialog.error.text() and dialog.isVisible()
    dialog.repeat.setText("mango pinda roti kerrie")
    assert dialog.strength_bar.value() >= 3
    _grab(dialog, "backup-dialog")
    dialog.ok_button.click()
    assert dialog.result() == BackupDialog.DialogCode.Accepted
    assert dialog.target == tmp_path / "minami-desk-backup-2026-11-27.mnb"


def test_make_backup_from_the_file_menu(  # type: ignore[no-untyped-def]
    qtbot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bestuur.mnb"
    shown: list[str] = []

    def fill_in(dialog: BackupDialog) -> int:  # the person typing, then pressing OK
        dialog.file_edit.setText(str(target))
        dialog.passphrase.setText("mango pinda roti kerrie")
        dialog.repeat.setText("mango pinda roti kerrie")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(BackupDialog, "exec", fill_in)
    monkeypatch.setattr(backup_dialogs, "show_info", lambda _p, text, _t=None: shown.append(text))
    menu_texts = [action.text() for action in main_window.menus["file"].actions()]
    assert "&Back-up maken…" in menu_texts and "Back-up &terugzetten…" in menu_texts
    backup_dialogs.make_backup(main_window.context)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert target.exists() and "gecontroleerd" in shown[0]


def test_admin_list_shows_and_restores_automatic_backups(  # type: ignore[no-untyped-def]
    qtbot, main_window, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = main_window.context
    populate(context.db, residents=6)
    first = maybe_auto_backup(paths, now=START - timedelta(days=2))
    expected = row_hashes(first.path)
    populate(context.db, residents=2, start=300)
    assert maybe_auto_backup(paths, now=START) is not None
    page = main_window.show_section("admin").show_page("backups")
    page.activated()
    assert page.table.rowCount() == 2
    assert page.table.item(0, 0).text().startswith("20 november 2026 om")
    assert page.table.item(1, 1).text().endswith("kB")
    _grab(main_window, "admin-backups")

    shown: list[str] = []
    monkeypatch.setattr(backups_page, "confirm_restore", lambda _parent: True)
    monkeypatch.setattr(backup_dialogs, "show_info", lambda _p, text, _t=None: shown.append(text))
    page.table.selectRow(1)
    lock = InstanceLock(paths.lock_file)
    lock.acquire()  # as run_gui does for the window
    try:
        page.restore_selected()
        qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    finally:
        lock.release()
    assert "teruggezet" in shown[0]
    assert row_hashes(paths.database, skip_restore_audit=True) == expected
    with context.db.read_session() as session:  # the window works on the restored file
        assert count_residents(session) == 6


def test_start_up_offers_the_newest_good_backup(  # type: ignore[no-untyped-def]
    qtbot, db, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    QApplication.instance() or QApplication([])
    populate(db, residents=30)
    good = maybe_auto_backup(paths, now=START)
    db.dispose()
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(paths.database, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\x00\xff" * 4096)
    questions: list[str] = []

    def answer(_parent, question: str, *_args: object) -> bool:
        questions.append(question)
        return True

    monkeypatch.setattr(backup_guard, "confirm", answer)
    with InstanceLock(paths.lock_file):
        assert backup_guard.check_at_start(paths)
    assert "20 november 2026 om 10:00" in questions[0]
    assert ".corrupt" in questions[0]
    assert row_hashes(paths.database, skip_restore_audit=True) == row_hashes(good.path)


def test_start_up_on_a_damaged_database_can_refuse_and_change_nothing(  # type: ignore[no-untyped-def]
    qtbot, db, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(db, residents=30)
    db.dispose()
    with open(paths.database, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\x00\xff" * 4096)
    damaged = paths.database.read_bytes()
    errors: list[str] = []
    monkeypatch.setattr(backup_guard, "show_error", lambda _p, text, _t=None: errors.append(text))
    assert not backup_guard.check_at_start(paths)
    assert "geen automatische back-up" in errors[0]
    assert paths.database.read_bytes() == damaged


def test_restore_a_board_backup_from_the_file_menu(  # type: ignore[no-untyped-def]
    qtbot, main_window, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from minami_desk.services.actor import Actor
    from minami_desk.services.backup import create_backup
    from tests.services.backup_helpers import FAST_KDF

    context = main_window.context
    populate(context.db, residents=5)
    board = create_backup(
        context.db,
        tmp_path / "bestuur.mnb",
        "mango pinda roti kerrie",
        Actor.system(),
        kdf=FAST_KDF,
    ).path
    expected = row_hashes(paths.database)
    populate(context.db, residents=3, start=200)
    changes: list[str] = []
    context.bus.changed.connect(changes.append)
    shown: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(board), ""))
    answers = iter([("mango pinda roti kerie", True), ("mango pinda roti kerrie", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda _parent: True)
    monkeypatch.setattr(backup_dialogs, "show_info", lambda _p, text, _t=None: shown.append(text))
    monkeypatch.setattr(
        backup_dialogs, "show_exception", lambda _p, error: errors.append(str(error))
    )
    lock = InstanceLock(paths.lock_file)
    lock.acquire()  # as run_gui does for the window
    try:
        backup_dialogs.restore_from_file(context)  # a typo in the passphrase first
        qtbot.waitUntil(lambda: bool(errors), timeout=20000)
        assert "wachtwoordzin klopt niet" in errors[0]
        backup_dialogs.restore_from_file(context)
        qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    finally:
        lock.release()
    assert "voor-terugzetten-" in shown[0]
    assert changes.count("database") == 2  # the screens were told to reload, both times
    assert row_hashes(paths.database, skip_restore_audit=True) == expected
