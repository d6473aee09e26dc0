"""Signing in, the idle lock that keeps unsaved input, switching user, roles in the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.services import accounts
from minami_desk.services.actor import Actor

ADMIN_PASSWORD = "bijlmer-balie-2026"
VOLUNTEER_PASSWORD = "koffie-en-thee-1"
SHOTS = Path("/tmp/minami-accounts-shots")


def _shot(widget: object, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # let pending layout requests settle first
    widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def people(db: Database) -> tuple[Actor, int]:
    admin = accounts.create_first_admin(db, "yvonne", "Yvonne Pinas", ADMIN_PASSWORD)
    volunteer_id = accounts.create_staff(
        db, admin, "marlon", "Marlon Tjon-A-Fong", "vrijwilliger", VOLUNTEER_PASSWORD
    )
    return admin, volunteer_id


@pytest.fixture
def window_for(qtbot, paths: Paths, db: Database) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from minami_desk.app import build_window, make_application

    make_application()
    made = []

    def make(actor: Actor, idle_timeout_ms: int | None = None) -> object:
        window = build_window(paths, actor=actor, db=db, idle_timeout_ms=idle_timeout_ms)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    from minami_desk.ui.shell.tasks import wait_for_tasks

    wait_for_tasks()


def test_first_start_creates_the_administrator(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.app import make_application
    from minami_desk.ui.shell.sign_in import CreateAdminDialog

    make_application()
    dialog = CreateAdminDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.inputs["display_name"], "Yvonne Pinas")
    assert dialog.inputs["username"].text() == "yvonne"
    dialog.inputs["password"].setText("kort")
    dialog.inputs["repeat"].setText("kort")
    dialog.create()
    assert dialog.errors["password"].text().startswith("⚠ Het wachtwoord moet minstens 10")
    dialog.inputs["password"].setText(ADMIN_PASSWORD)
    dialog.inputs["repeat"].setText(ADMIN_PASSWORD)
    dialog.show()
    _shot(dialog, "create-admin")
    dialog.create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == "beheerder"
    assert not accounts.needs_first_admin(db)


def test_sign_in_dialog(qtbot, db: Database, people: tuple[Actor, int]) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.app import make_application
    from minami_desk.ui.shell.sign_in import SignInDialog

    make_application()
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.name_input, "marlon")
    qtbot.keyClicks(dialog.form.password_input, "verkeerd-wachtwoord")
    qtbot.keyClick(dialog.form.password_input, Qt.Key.Key_Return)
    assert dialog.form.error.text() == "⚠ De naam of het wachtwoord klopt niet."
    assert dialog.form.password_input.text() == ""
    _shot(dialog, "sign-in-error")
    qtbot.keyClicks(dialog.form.password_input, VOLUNTEER_PASSWORD)
    qtbot.mouseClick(dialog.form.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == "vrijwilliger"


def test_idle_lock_keeps_the_form_input(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, people: tuple[Actor, int]
) -> None:
    admin = accounts.sign_in(db, "yvonne", ADMIN_PASSWORD)
    window = window_for(admin, idle_timeout_ms=50)
    assert window.who_label.text() == "Aangemeld: Yvonne Pinas (beheerder)"
    page = window.show_section("admin").show_page("centre")
    field = page.inputs["centre.coordinator"]
    field.setFocus()
    qtbot.keyClicks(field, "Yvonne Pin")  # typing, not yet saved
    qtbot.waitUntil(lambda: window.is_locked)  # nobody touched it for the idle time
    overlay = window.lock_dialog
    assert overlay.isVisible() and overlay.isModal() and not window.centralWidget().isEnabled()
    assert window._covers[0].isVisible()  # nothing of the window is readable
    assert overlay.form.name_input.text() == "yvonne"
    _shot(window, "idle-lock-window")
    _shot(overlay, "idle-lock-dialog")
    qtbot.keyClicks(overlay.form.password_input, "niet-mijn-wachtwoord")
    overlay.form.submit()
    assert window.is_locked and overlay.form.error.isVisible()
    qtbot.keyClicks(overlay.form.password_input, ADMIN_PASSWORD)
    qtbot.keyClick(overlay.form.password_input, Qt.Key.Key_Return)
    assert not window.is_locked and not overlay.isVisible() and not window._covers
    assert window.centralWidget().isEnabled()
    same_page = window.section_widget("admin").show_page("centre")
    assert same_page is page and page.inputs["centre.coordinator"].text() == "Yvonne Pin"


def test_someone_else_at_the_lock_gets_their_own_window(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, people: tuple[Actor, int]
) -> None:
    admin = accounts.sign_in(db, "yvonne", ADMIN_PASSWORD)
    window = window_for(admin)
    assert "admin" in window.section_keys
    window.lock()
    overlay = window.lock_dialog
    overlay.form.name_input.setText("marlon")
    overlay.form.password_input.setText(VOLUNTEER_PASSWORD)
    overlay.form.submit()
    assert not window.is_locked
    assert window.context.actor.role == "vrijwilliger"
    assert "admin" not in window.section_keys
    assert window.who_label.text() == "Aangemeld: Marlon Tjon-A-Fong (vrijwilliger)"
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert "&Beheer" not in titles
    assert window.context.navigator.can_open("section:today")
    assert not window.context.navigator.can_open("section:admin")


def test_volunteer_window_hides_what_they_may_not_use(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, people: tuple[Actor, int]
) -> None:
    volunteer = accounts.sign_in(db, "marlon", VOLUNTEER_PASSWORD)
    window = window_for(volunteer)
    assert "admin" not in window.section_keys
    file_menu = window.menus["file"]
    texts = [action.text() for action in file_menu.actions()]
    assert "&Wissel gebruiker…" in texts and "&Vergrendelen" in texts
    # The navigator targets exist, but a volunteer is told no instead of getting data.
    assert window.context.navigator.can_open("person_export")
    assert window.context.navigator.can_open("anonymise_resident")


def test_an_open_form_dialog_is_covered_and_kept(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, people: tuple[Actor, int]
) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    admin = accounts.sign_in(db, "yvonne", ADMIN_PASSWORD)
    window = window_for(admin)
    form = QDialog(window)  # stands for any form dialog, e.g. registering a resident
    form.setModal(True)
    field = QLineEdit(form)
    QVBoxLayout(form).addWidget(field)
    form.show()
    qtbot.keyClicks(field, "Kwabena Ow")
    window.lock()
    assert form.isVisible() and len(window._covers) == 2
    assert window._covers[1].parent() is form and window._covers[1].isVisible()
    lock = window.lock_dialog
    assert QDialog.isVisible(lock)
    lock.reject()  # Escape does not unlock
    assert window.is_locked and lock.isVisible()
    lock.form.password_input.setText(ADMIN_PASSWORD)
    lock.form.submit()
    assert not window.is_locked and form.isVisible() and field.text() == "Kwabena Ow"
    assert field.isEnabled()
    form.reject()


def test_change_own_password_dialog(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, people: tuple[Actor, int]
) -> None:
    from minami_desk.ui.accounts.actions import ChangePasswordDialog

    volunteer = accounts.sign_in(db, "marlon", VOLUNTEER_PASSWORD)
    window = window_for(volunteer)
    dialog = ChangePasswordDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.inputs["current"].setText("fout-fout-fout")
    dialog.inputs["password"].setText("mijn-eigen-geheim")
    dialog.inputs["repeat"].setText("mijn-eigen-geheim")
    dialog.save()
    assert "klopt niet" in dialog.errors["current"].text()
    dialog.inputs["current"].setText(VOLUNTEER_PASSWORD)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts.sign_in(db, "marlon", "mijn-eigen-geheim").role == "vrijwilliger"


def _drive(kind: type, steps: object, seen: list[str]) -> None:
    """Run ``steps`` on the modal dialog once it is open; a failed check closes it, so the
    test fails instead of hanging on a dialog nobody answers."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, kind), type(dialog)
            seen.append(kind.__name__)
            steps(dialog)  # type: ignore[operator]
        except BaseException:
            if dialog is not None:
                dialog.reject()  # type: ignore[attr-defined]
            raise

    QTimer.singleShot(0, act)


def test_start_up_asks_for_the_administrator_then_signs_in(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    """``run_gui``'s sign-in step: modal dialogs, driven the way a person would."""
    from minami_desk.app import _sign_in, make_application
    from minami_desk.ui.shell.sign_in import CreateAdminDialog, SignInDialog

    make_application()
    seen: list[str] = []

    def create(dialog: CreateAdminDialog) -> None:
        dialog.inputs["display_name"].setText("Yvonne Pinas")
        dialog.inputs["username"].setText("yvonne")
        dialog.inputs["password"].setText(ADMIN_PASSWORD)
        dialog.inputs["repeat"].setText(ADMIN_PASSWORD)
        dialog.create()

    _drive(CreateAdminDialog, create, seen)
    first = _sign_in(db, demo=False)
    assert seen == ["CreateAdminDialog"] and first is not None and first.role == "beheerder"

    def sign_in(dialog: SignInDialog) -> None:
        dialog.form.name_input.setText("yvonne")
        dialog.form.password_input.setText(ADMIN_PASSWORD)
        dialog.form.submit()

    _drive(SignInDialog, sign_in, seen)
    second = _sign_in(db, demo=False)
    assert seen[-1] == "SignInDialog" and second is not None
    assert second.staff_id == first.staff_id

    _drive(SignInDialog, lambda dialog: dialog.reject(), seen)
    assert _sign_in(db, demo=False) is None
    demo = _sign_in(db, demo=True)
    assert demo is not None and demo.name == "Demo-coördinator"


def test_switch_user_from_the_file_menu(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, people: tuple[Actor, int]
) -> None:
    from minami_desk.ui.accounts.actions import switch_user
    from minami_desk.ui.shell.sign_in import SignInDialog

    admin = accounts.sign_in(db, "yvonne", ADMIN_PASSWORD)
    window = window_for(admin)
    seen: list[str] = []

    def as_volunteer(dialog: SignInDialog) -> None:
        _shot(dialog, "switch-user")
        dialog.form.name_input.setText("marlon")
        dialog.form.password_input.setText(VOLUNTEER_PASSWORD)
        dialog.form.submit()

    _drive(SignInDialog, as_volunteer, seen)
    switch_user(window.context)
    assert seen == ["SignInDialog"]
    assert window.context.actor.name == "Marlon Tjon-A-Fong"
    assert "admin" not in window.section_keys
    assert window.isVisible() and window.context.window is window


@pytest.mark.parametrize("role", ["vrijwilliger", "medewerker", "beheerder"])
def test_every_screen_of_a_role_opens_without_a_refusal(  # type: ignore[no-untyped-def]
    qtbot, window_for, db: Database, role: str
) -> None:
    """What a role is shown, it may use: no section or Beheer page meets a permission error."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from minami_desk.services.demo import generate_demo_data

    generate_demo_data(db, residents=30, months=2, seed=4, today=date(2026, 11, 27))
    messages: list[str] = []

    def sweep() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                messages.append(widget.text())
                widget.done(0)

    sweeper = QTimer()
    sweeper.timeout.connect(sweep)
    sweeper.start(20)
    window = window_for(Actor(staff_id=None, role=role))
    for key in window.section_keys:
        section = window.show_section(key)
        QApplication.processEvents()
        if key == "admin":
            for page in section.page_keys:
                section.show_page(page)
                QApplication.processEvents()
    sweeper.stop()
    assert messages == []
    expected = {"vrijwilliger": "sessions", "medewerker": "trajectories", "beheerder": "admin"}
    assert expected[role] in window.section_keys


def test_add_staff_dialog_grows_to_show_every_message(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.ui.accounts.staff_page import AddStaffDialog

    dialog = AddStaffDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.create()  # everything empty: a message under each field, none cut off
    shown = [label for label in dialog.errors.values() if label.isVisible()]
    assert {"display_name", "username", "password"} <= {
        key for key, label in dialog.errors.items() if label in shown
    }
    for label in shown:
        assert label.height() >= label.heightForWidth(label.width())
    assert dialog.result() != QDialog.DialogCode.Accepted
