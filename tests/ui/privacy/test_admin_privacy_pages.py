"""Beheer → Medewerkers, Logboek and Bewaartermijnen, and the person export from the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from minami_desk import clock
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog
from minami_desk.services import accounts
from minami_desk.services.actor import Actor
from tests.privacy_data import make_history, make_session

PASSWORD = "bijlmer-balie-2026"
SHOTS = Path("/tmp/minami-accounts-shots")


def _shot(widget: object, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # let pending layout requests settle first
    widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def admin_window(qtbot, paths: Paths, db: Database) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from minami_desk.app import build_window, make_application

    make_application()
    admin = accounts.create_first_admin(db, "yvonne", "Yvonne Pinas", PASSWORD)
    window = build_window(paths, actor=admin, db=db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    from minami_desk.ui.shell.tasks import wait_for_tasks

    wait_for_tasks()


def test_staff_page_adds_resets_and_switches_off(qtbot, admin_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.ui.accounts.staff_page import AddStaffDialog, ResetPasswordDialog

    page = admin_window.show_section("admin").show_page("staff")
    dialog = AddStaffDialog(admin_window.context, page)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("Marlon Tjon-A-Fong")
    dialog.username.setText("marlon")
    dialog.password.setText("koffie-en-thee-1")
    dialog.repeat.setText("koffie-en-thee-2")
    dialog.create()
    assert "niet gelijk" in dialog.errors["repeat"].text() and dialog.staff_id is None
    dialog.repeat.setText("koffie-en-thee-1")
    dialog.create()
    assert dialog.staff_id is not None
    page.activated()
    assert [row.username for row in page.rows] == ["marlon", "yvonne"]
    assert page.table.item(0, 2).text() == "vrijwilliger"
    page.select_username("marlon")
    reset = ResetPasswordDialog(admin_window.context, page.selected(), page)
    qtbot.addWidget(reset)
    reset.password.setText("nieuw-en-veilig")
    reset.repeat.setText("nieuw-en-veilig")
    reset.save()
    assert accounts.sign_in(db, "marlon", "nieuw-en-veilig").role == "vrijwilliger"
    page.select_username("marlon")
    page.change_role("medewerker")
    assert page.selected().role == "medewerker"
    assert page.table.item(0, 2).text() == "medewerker"
    page.select_username("marlon")
    page.toggle_active(confirmed=True)
    assert [row.username for row in page.rows] == ["yvonne", "marlon"]  # switched off last
    assert page.table.item(1, 3).text() == "uitgeschakeld"
    page.select_username("yvonne")
    assert not page.active_button.isEnabled()  # not your own account
    _shot(admin_window, "admin-staff")


def test_audit_log_page_filters_and_pages_lazily(qtbot, admin_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        for index in range(450):
            session.add(
                AuditLog(
                    at=datetime(2026, 10, 1 + index % 28, 9, tzinfo=UTC),
                    via="cli" if index % 3 == 0 else "ui",
                    action="viewed",
                    entity="resident",
                    entity_id=index,
                )
            )
    page = admin_window.show_section("admin").show_page("audit_log")
    model = page.model
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    page.action.setCurrentIndex(page.action.findData("signed_in"))
    assert model.total == 1 and model.rowCount() == 1
    assert model.index(0, 1).data() == "Yvonne Pinas"
    assert model.index(0, 3).data() == "aangemeld"
    page.action.setCurrentIndex(0)
    page.staff.setCurrentIndex(page.staff.findData("cli"))
    assert model.total == 150
    page.staff.setCurrentIndex(0)
    page.use_period.setChecked(True)
    page.date_from.setDate(date(2026, 10, 1))
    page.date_to.setDate(date(2026, 10, 1))
    assert model.total == len([i for i in range(450) if i % 28 == 0])
    page.use_period.setChecked(False)
    opened: list[int] = []
    admin_window.context.navigator.register("resident", opened.append)
    page.entity.setCurrentIndex(page.entity.findData("resident"))
    page.open_record(model.index(0, 0))
    assert opened == [model.rows[0].entity_id]
    page.entity.setCurrentIndex(0)
    _shot(admin_window, "admin-audit-log")


def test_person_export_and_erasure_from_the_window(  # type: ignore[no-untyped-def]
    qtbot, admin_window, db: Database, tmp_path: Path
) -> None:
    session_id = make_session(db, date(2026, 3, 3))
    history = make_history(db, "Akosua", "Øyelaran", 301, [session_id], date(2026, 3, 1))
    navigator = admin_window.context.navigator
    with qtbot.waitSignal(admin_window.context.bus.status_message):
        navigator.open("person_export", history.resident_id, out=tmp_path / "inzage")
    assert (tmp_path / "inzage.pdf").stat().st_size > 0
    assert "Akosua" in (tmp_path / "inzage.json").read_text(encoding="utf-8")
    navigator.open("anonymise_resident", history.resident_id, confirmed=True)
    from minami_desk.services.privacy.person_export import person_export

    qtbot.waitUntil(
        lambda: (
            person_export(db, admin_window.context.actor, history.resident_id).data["resident"][
                "anonymised_at"
            ]
            is not None
        )
    )


def test_retention_page_lists_and_anonymises(qtbot, admin_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    session_id = make_session(db, date(2023, 3, 7))
    old = make_history(db, "Kofi", "Ɔwusu", 401, [session_id], date(2023, 3, 1))
    clock.fix(datetime(2026, 11, 27, 12, tzinfo=clock.AMSTERDAM))
    page = admin_window.show_section("admin").show_page("retention")
    page.activated()
    assert page.ticked_ids() == [old.resident_id]
    assert page.table.item(0, 2).text() == "Kofi Ɔwusu"
    _shot(admin_window, "admin-retention")
    page.apply(confirmed=True)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0)
    assert "• 0 bewoners zonder enige activiteit" in page.summary.text()


def test_only_an_administrator_sees_the_privacy_pages(qtbot, paths: Paths, db: Database) -> None:  # type: ignore[no-untyped-def]
    from minami_desk import app

    app.make_application()
    window = app.build_window(paths, actor=Actor(None, "medewerker"), db=db)
    qtbot.addWidget(window)
    assert "admin" not in window.section_keys


def test_processing_register_from_the_menu(qtbot, admin_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from minami_desk.ui.privacy.actions import save_processing_register

    texts = [action.text() for action in admin_window.menus["admin"].actions()]
    assert "&Verwerkingsregister (AVG) opslaan…" in texts
    out = tmp_path / "register.pdf"
    with qtbot.waitSignal(admin_window.context.bus.status_message) as saved:
        save_processing_register(admin_window.context, out=out)
    assert saved.args == ["Opgeslagen: register.pdf"]
    assert len(PdfReader(out).pages) == 1
