"""Issue 10: every main flow of the desk, walked with the keyboard only.

Each test starts at the window as the desk worker finds it and presses keys on whatever has the
focus: shortcuts, Tab, mnemonics (Alt+letter), arrows, Enter and Escape. Nothing is clicked and
no slot is called. After each flow the result is read back through the services.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from minami_desk.services.registration import ResidentInput, register_resident
from minami_desk.services.trajectories.labels import CENTRE_GOALS
from minami_desk.ui.shell.context import AppContext
from tests.ui.keys import (
    CTRL,
    SHIFT,
    alt,
    back_to,
    ctrl,
    enter,
    escape,
    focused,
    focused_name,
    mnemonic_clashes,
    mnemonics,
    press,
    tab,
    type_text,
    when_modal,
)

SHOTS = Path("/tmp/keys")


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def add(context: AppContext, first: str, last: str, **extra: object) -> int:
    return register_resident(
        context.db,
        context.actor,
        ResidentInput(first_name=first, last_name=last, **extra),  # type: ignore[arg-type]
    )


def no_clashes(widget) -> None:  # type: ignore[no-untyped-def]
    clashes = mnemonic_clashes(widget.window())
    assert not clashes, (clashes, mnemonics(widget.window()))


def test_find_a_resident(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    add(context, "Ama", "Mulder")
    wanted = add(context, "Dewi", "Müller")
    add(context, "Kofi", "Asante")
    ctrl(qtbot, "k")
    assert focused() is main_window.global_search
    type_text(qtbot, "mul")
    press(qtbot, Qt.Key.Key_Down)  # into the results, once they are in
    qtbot.waitUntil(lambda: focused_name() == "Gevonden bewoners")
    assert _list_names(main_window) == "Ama Mulder Dewi Müller"
    press(qtbot, Qt.Key.Key_Down)  # Mulder, Müller: the second
    enter(qtbot)
    section = main_window.section_widget("residents")
    assert section.page.resident_id == wanted
    assert section.page.isVisible() and section.page.heading.text() == "Dewi Müller"
    assert focused() is not None and focused().window() is main_window
    no_clashes(main_window)
    shot(main_window, "resident-page")


def _list_names(window) -> str:  # type: ignore[no-untyped-def]
    section = window.section_widget("residents")
    if section is None or section.search.model.loading:
        return ""
    return " ".join(hit.full_name for hit in section.search.model.rows)


def test_register_a_new_resident(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.services.profile import get_resident
    from minami_desk.ui.desk.registration_dialog import RegistrationDialog

    context = main_window.context

    def fill_in(dialog: RegistrationDialog) -> None:
        assert focused_name().startswith("Voornaam")
        no_clashes(dialog)
        type_text(qtbot, "Kwabena")
        tab(qtbot)
        type_text(qtbot, "van")
        tab(qtbot)
        type_text(qtbot, "Owusu")
        tab(qtbot)
        type_text(qtbot, "14-03-1987")
        shot(dialog, "registration")
        enter(qtbot)  # the default button registers

    answer = when_modal(qtbot, fill_in, RegistrationDialog)
    ctrl(qtbot, "n")
    answer.wait()
    section = main_window.section_widget("residents")
    assert section.page.isVisible()
    new_id = section.page.resident_id
    resident = get_resident(context.db, context.actor, new_id)
    assert resident.full_name == "Kwabena van Owusu"
    assert resident.birth_date.isoformat() == "1987-03-14"
    back_to(qtbot, main_window)
    assert focused_name() == "Een inloop registreren voor deze bewoner"


def test_note_a_contact(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.services.contacts import resident_contacts
    from minami_desk.ui.desk.contact_dialog import ContactDialog

    context = main_window.context
    resident = add(context, "Priscilla", "Lont")
    ctrl(qtbot, "k")
    type_text(qtbot, "lont")
    enter(qtbot)
    qtbot.waitUntil(lambda: main_window.section_widget("residents").page.resident_id == resident)

    def fill_in(dialog: ContactDialog) -> None:
        no_clashes(dialog)
        assert focused_name() == "Hoe het contact plaatsvond"
        alt(qtbot, "t")  # Thema's
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot)
        type_text(qtbot, "Vraag over de energietoeslag")
        shot(dialog, "contact")
        ctrl(qtbot, "s")

    answer = when_modal(qtbot, fill_in, ContactDialog)
    alt(qtbot, "i")
    answer.wait()
    assert back_to(qtbot, main_window) is not None
    [contact] = resident_contacts(context.db, context.actor, resident)
    assert contact.help_request == "Vraag over de energietoeslag"
    assert contact.channel == "walk_in"
    assert len(contact.themes) == 1


def test_plan_a_session(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, datetime

    from minami_desk import clock
    from minami_desk.services.sessions.queries import sessions_between
    from minami_desk.ui.sessions.plan_dialog import PlanDialog

    clock.fix(datetime(2026, 12, 1, 10, 0))  # a Tuesday
    context = main_window.context
    ctrl(qtbot, "3")  # Beeld → Bijeenkomsten
    section = main_window.section_widget("sessions")
    assert section.isVisible() and section.isAncestorOf(focused())

    def fill_in(dialog: PlanDialog) -> None:
        no_clashes(dialog)
        assert focused() is dialog.kind
        alt(qtbot, "t")
        type_text(qtbot, "Taalcafé")
        alt(qtbot, "d")
        press(qtbot, Qt.Key.Key_Up)  # the day after
        alt(qtbot, "i")
        type_text(qtbot, "1900")
        alt(qtbot, "n")
        type_text(qtbot, "2030")
        alt(qtbot, "a")
        type_text(qtbot, "Zaal 2")
        alt(qtbot, "p")
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "12")
        shot(dialog, "plan-session")
        enter(qtbot)  # Opslaan is the default button

    answer = when_modal(qtbot, fill_in, PlanDialog)
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)  # Bestand → Bijeenkomst plannen
    answer.wait()
    [planned] = sessions_between(context.db, context.actor, date(2026, 12, 1), date(2026, 12, 31))
    assert planned.title == "Taalcafé" and planned.day == date(2026, 12, 2)
    assert planned.starts_at.strftime("%H:%M") == "19:00"
    assert planned.ends_at.strftime("%H:%M") == "20:30"
    assert planned.location == "Zaal 2" and planned.capacity == 12
    back_to(qtbot, main_window)
    assert section.isAncestorOf(focused())


def test_take_attendance(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from minami_desk import clock
    from minami_desk.services.sessions.planning import plan_session
    from minami_desk.services.sessions.registration import register_resident as sign_up
    from minami_desk.ui.sessions.attendance_screen import AttendanceScreen
    from tests.sessions_support import details

    start = datetime(2026, 12, 1, 19, 5)
    clock.fix(start)
    context = main_window.context
    session_id = plan_session(context.db, context.actor, start.date(), details(context.db))
    ama, kofi = add(context, "Ama", "Mensah"), add(context, "Kofi", "Asante")
    for resident in (ama, kofi):
        sign_up(context.db, context.actor, session_id, resident)
    ctrl(qtbot, "3")  # Bijeenkomsten
    no_clashes(main_window)
    alt(qtbot, "k")  # Deze week: today's sessions get the focus
    sessions = main_window.section_widget("sessions")
    qtbot.waitUntil(lambda: sessions.current_session_id() == session_id)
    assert sessions.week.isAncestorOf(focused())
    enter(qtbot)  # today's session opens its attendance screen
    screen = main_window.findChild(AttendanceScreen)
    assert screen is not None and screen.session_id == session_id
    qtbot.waitUntil(lambda: focused() is screen.table)
    no_clashes(screen)
    assert screen.row_ids == [kofi, ama]
    press(qtbot, Qt.Key.Key_A)  # Kofi: aanwezig
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_F)  # Ama: afwezig
    shot(screen, "attendance")
    from minami_desk.services.sessions.attendance import attendance_list

    rows = attendance_list(context.db, context.actor, session_id).rows
    assert {row.resident_id: row.status for row in rows} == {kofi: "present", ama: "absent"}
    escape(qtbot)  # closes the screen: back to the week, on the same session
    qtbot.waitUntil(lambda: not screen.isVisible())
    back_to(qtbot, main_window)
    assert main_window.section_widget("sessions").week.isAncestorOf(focused())


FIRST_AND_THIRD_GOAL = [CENTRE_GOALS[0], CENTRE_GOALS[2]]


def open_page_of(qtbot, window, text: str, resident_id: int) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+K, a few letters, Enter: the resident's page, with the focus on it."""
    ctrl(qtbot, "k")
    type_text(qtbot, text)
    enter(qtbot)
    section = window.section_widget("residents")
    qtbot.waitUntil(lambda: section.page.isVisible() and section.page.resident_id == resident_id)


def test_start_a_trajectory(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, datetime

    from minami_desk import clock
    from minami_desk.services.trajectories.queries import get_trajectory
    from minami_desk.ui.trajectories.start_dialog import StartTrajectoryDialog
    from tests.services.trajectories.helpers import add_coach

    clock.fix(datetime(2026, 12, 7, 9, 30, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    resident = add(context, "Kwabena", "Ɔwusu")
    coach = add_coach(context.db, "Esther Koster")
    add_coach(context.db, "Marlon Pinas")
    open_page_of(qtbot, main_window, "kwabena", resident)

    def fill_in(dialog: StartTrajectoryDialog) -> None:
        no_clashes(dialog)
        assert focused() is dialog.start_date
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "26-11-2026")
        alt(qtbot, "g")  # Begeleider
        type_text(qtbot, "Es")  # the combo box finds her by the first letters
        tab(qtbot)  # the first goal
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot, 2)
        press(qtbot, Qt.Key.Key_Space)  # the third goal
        alt(qtbot, "e")  # Eigen doel
        tab(qtbot)
        type_text(qtbot, "Weer gaan voetballen")
        shot(dialog, "start-trajectory")
        enter(qtbot)

    answer = when_modal(qtbot, fill_in, StartTrajectoryDialog)
    alt(qtbot, "t")  # Traject starten…
    answer.wait()
    section = main_window.section_widget("trajectories")
    assert section.isVisible() and section.stack.currentWidget() is section.page
    detail = get_trajectory(context.db, context.actor, section.page.detail.summary.id)
    summary = detail.summary
    assert summary.resident_id == resident and summary.start_date == date(2026, 11, 26)
    assert summary.coach_id == coach and summary.status == "active"
    assert [goal.code for goal in detail.goals] == [*FIRST_AND_THIRD_GOAL, "own"]
    assert "Weer gaan voetballen" in detail.goals[-1].label
    assert section.page.isAncestorOf(back_to(qtbot, main_window))
    no_clashes(main_window)


def test_print_a_certificate(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from minami_desk import clock
    from minami_desk.services.trajectories.queries import get_trajectory
    from minami_desk.ui.trajectories.certificates_dialog import CertificatesDialog
    from tests.services.trajectories.completed import completed_trajectory

    clock.fix(datetime(2026, 12, 10, 14, 0, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    trajectory_id = completed_trajectory(context.db, context.actor, "Efua", "Boateng")
    target = tmp_path / "ceremonie.pdf"
    saved = []

    def save_as(file_dialog: QFileDialog) -> None:
        assert focused() is not None and focused().window() is file_dialog
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, str(target))
        enter(qtbot)

    def fill_in(dialog: CertificatesDialog) -> None:
        no_clashes(dialog)
        qtbot.waitUntil(lambda: dialog.preview_pdf is not None)
        assert dialog.list.count() == 1
        shot(dialog, "certificates")
        file_answer = when_modal(qtbot, save_as, QFileDialog)
        alt(qtbot, "o")  # Opslaan als PDF…
        file_answer.wait()
        qtbot.waitUntil(lambda: target.exists(), timeout=20000)
        saved.append(True)
        assert dialog.isAncestorOf(back_to(qtbot, dialog))
        escape(qtbot)

    answer = when_modal(qtbot, fill_in, CertificatesDialog)
    alt(qtbot, "b")  # the Bestand menu
    type_text(qtbot, "c")  # Certificaten afdrukken…
    answer.wait(timeout=30000)
    assert saved
    text = PdfReader(target).pages[0].extract_text()
    assert "Efua Boateng" in text
    assert get_trajectory(context.db, context.actor, trajectory_id).certificate_number
    assert back_to(qtbot, main_window) is not None


def test_make_a_board_backup(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from minami_desk.services.backup import open_backup
    from minami_desk.ui.backup.dialogs import BackupDialog

    context = main_window.context
    add(context, "Yvonne", "Pinas")
    target = tmp_path / "bestuur.mnb"
    passphrase = "mango pinda roti kerrie"
    told: list[str] = []

    def fill_in(dialog: BackupDialog) -> None:
        no_clashes(dialog)
        assert focused() is dialog.passphrase
        type_text(qtbot, passphrase)
        tab(qtbot)
        type_text(qtbot, passphrase)
        alt(qtbot, "b")  # Bestand: where to write it
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, str(target))
        shot(dialog, "backup")
        enter(qtbot)  # Back-up maken

    def read_message(box: QMessageBox) -> None:
        told.append(box.text())
        enter(qtbot)

    answer = when_modal(qtbot, fill_in, BackupDialog)
    alt(qtbot, "b")  # the Bestand menu
    type_text(qtbot, "b")  # Back-up maken…
    answer.wait()
    message = when_modal(qtbot, read_message, QMessageBox)
    message.wait(timeout=60000)
    assert "gecontroleerd" in told[0] and target.exists()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    database, _manifest = open_backup(target, passphrase, scratch)
    with sqlite3.connect(database) as connection:
        names = connection.execute("SELECT first_name, last_name FROM resident").fetchall()
    assert names == [("Yvonne", "Pinas")]
    assert back_to(qtbot, main_window) is not None


def test_help_lists_every_shortcut(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """F1 shows Sneltoetsen: the menus' shortcuts and every key a screen or form adds."""
    from datetime import datetime

    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from minami_desk import clock
    from minami_desk.services.sessions.planning import plan_session
    from minami_desk.ui.desk.contact_dialog import ContactDialog
    from minami_desk.ui.desk.registration_dialog import RegistrationDialog
    from minami_desk.ui.sessions.attendance_screen import AttendanceScreen
    from minami_desk.ui.shell.about import ShortcutsDialog
    from tests.sessions_support import details

    clock.fix(datetime(2026, 12, 1, 19, 5))
    context = main_window.context
    session_id = plan_session(context.db, context.actor, clock.today(), details(context.db))
    screens = [
        RegistrationDialog(context),
        ContactDialog(context),
        AttendanceScreen(context, session_id),
    ]
    wanted = (
        {
            shortcut.key().toString()
            for screen in screens
            for shortcut in screen.findChildren(QShortcut)
        }
        | {
            action.shortcut().toString()
            for action in main_window.findChildren(QAction)
            if not action.shortcut().isEmpty()
        }
        | {shortcut.key().toString() for shortcut in main_window.findChildren(QShortcut)}
    )
    for screen in screens:
        screen.deleteLater()
    assert {"Ctrl+K", "Ctrl+N", "Ctrl+Shift+N", "Ctrl+S", "Ctrl+F", "F1"} <= wanted
    listed: set[str] = set()

    def read(dialog: ShortcutsDialog) -> None:
        listed.update(QKeySequence(keys).toString() or keys for _name, keys in dialog.rows)
        shot(dialog, "shortcuts")
        escape(qtbot)

    answer = when_modal(qtbot, read, ShortcutsDialog)
    press(qtbot, Qt.Key.Key_F1)
    answer.wait()
    assert wanted <= listed, wanted - listed
