"""Bijeenkomsten on screen: attendance by keyboard only, the week view, planning, kinds."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.models import Attendance
from minami_desk.services.sessions.kinds import list_kinds
from minami_desk.services.sessions.planning import plan_session
from minami_desk.services.sessions.queries import sessions_between
from minami_desk.services.sessions.registration import register_resident
from minami_desk.ui.sessions.attendance_screen import AttendanceScreen
from tests.sessions_support import add_resident, details
from tests.ui.keys import press

SESSION_START = datetime(2026, 12, 1, 19, 5)


@pytest.fixture
def session_today(main_window):  # type: ignore[no-untyped-def]
    clock.fix(SESSION_START)
    context = main_window.context
    session_id = plan_session(
        context.db, context.actor, SESSION_START.date(), details(context.db, capacity=10)
    )
    residents = [
        add_resident(context.db, "Ama", "Mensah"),
        add_resident(context.db, "Kofi", "Asante"),
        add_resident(context.db, "Dewi", "Mahabier"),
    ]
    for resident in residents:
        register_resident(context.db, context.actor, session_id, resident)
    walk_in = add_resident(context.db, "Priscilla", "Lont")
    return session_id, residents, walk_in


def _statuses(db, session_id: int) -> dict[int, tuple[str, bool]]:  # type: ignore[no-untyped-def]
    with db.read_session() as session:
        rows = session.scalars(select(Attendance).where(Attendance.session_id == session_id))
        return {row.resident_id: (row.status, row.walk_in) for row in rows}


def test_take_attendance_with_the_keyboard_only_including_a_walk_in(
    qtbot, main_window, session_today
) -> None:  # type: ignore[no-untyped-def]
    session_id, (ama, kofi, dewi), walk_in = session_today
    section = main_window.show_section("sessions")
    section.this_week()  # the "Deze week" button: today's column gets the focus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, Qt.Key.Key_Return)  # Enter on today's session opens its attendance screen
    screen = main_window.findChild(AttendanceScreen)
    assert screen is not None and screen.session_id == session_id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.table)
    assert screen.table.currentRow() == 0
    # Rows are by last name: Asante, Mahabier, Mensah.
    assert screen.row_ids == [kofi, dewi, ama]
    press(qtbot, Qt.Key.Key_A)  # Kofi: aanwezig
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_M)  # Dewi: afgemeld
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # Dewi after all: the toggle right of "aanwezig" (afwezig)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_F)  # Ama: afwezig
    assert screen.table.currentRow() == 2

    press(qtbot, Qt.Key.Key_F, modifier=Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.search
    qtbot.keyClicks(screen.search, "Pris")
    assert screen.results.count() == 1
    press(qtbot, Qt.Key.Key_Return)  # on the day itself, Enter adds a walk-in (present)

    assert _statuses(main_window.context.db, session_id) == {
        kofi: ("present", False),
        dewi: ("absent", False),
        ama: ("absent", False),
        walk_in: ("present", True),
    }
    counts = screen.counts
    assert (counts.present, counts.absent, counts.cancelled, counts.walk_ins) == (2, 2, 0, 1)
    assert "Aanwezig 2 · Afwezig 2" in screen.counts_label.text()
    assert "Priscilla Lont" in screen.notice.text()
    row = screen.row_ids.index(walk_in)
    assert screen.table.item(row, 2).text() == "aanwezig"
    assert screen.table.item(row, 3).text() == "✓ Aanwezig"  # chosen: ticked, not colour alone
    assert screen.table.item(row, 4).text() == "Afwezig"
    screen.grab().save(str(main_window.context.paths.data_dir / "attendance.png"))


def test_a_freed_place_says_who_moved_up(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 11, 27, 10, 0))
    context = main_window.context
    session_id = plan_session(
        context.db, context.actor, SESSION_START.date(), details(context.db, capacity=1)
    )
    first = add_resident(context.db, "Naomi", "Bakker")
    waiting = add_resident(context.db, "Ramon", "Janssen")
    register_resident(context.db, context.actor, session_id, first)
    register_resident(context.db, context.actor, session_id, waiting)
    screen = AttendanceScreen(context, session_id)
    qtbot.addWidget(screen)
    screen.choose(first, "cancelled")
    assert "Ramon Janssen" in screen.notice.text() and "wachtlijst" in screen.notice.text()
    assert screen.statuses[waiting] == "registered"


def test_week_view_marks_a_cancelled_session_in_words_and_struck_through(
    qtbot, main_window
) -> None:  # type: ignore[no-untyped-def]
    clock.fix(SESSION_START)
    context = main_window.context
    session_id = plan_session(
        context.db,
        context.actor,
        SESSION_START.date(),
        details(context.db, title="Buurtkoken", start=time(14, 0), end=time(16, 0)),
    )
    from minami_desk.services.sessions.planning import cancel_session

    cancel_session(context.db, context.actor, session_id)
    section = main_window.show_section("sessions")
    section.this_week()
    tuesday = section.week.days[1]
    assert tuesday.count() == 1
    item = tuesday.item(0)
    assert "GEANNULEERD" in item.text() and item.font().strikeOut()
    section.tabs.setCurrentWidget(section.list)
    table = section.list.table
    assert table.rowCount() == 1
    assert table.item(0, 7).text() == "geannuleerd" and table.item(0, 2).font().strikeOut()


def test_plan_a_series_in_the_dialog(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from minami_desk.ui.sessions.plan_dialog import PlanDialog

    clock.fix(datetime(2026, 11, 27, 10, 0))
    context = main_window.context
    dialog = PlanDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.series.setChecked(True)
    dialog.title.setText("Tienertalk")
    dialog.weekday.setCurrentIndex(3)
    dialog.starts_on.setDate(QDate(2026, 12, 1))
    dialog.ends_on.setDate(QDate(2026, 12, 31))
    dialog.skip.setPlainText("24-12-2026")
    dialog.end.setTime(dialog.start.time().addSecs(-3600))
    dialog.save()
    assert dialog.errors["end_time"].isVisible()  # end before start: said next to the field
    dialog.end.setTime(dialog.start.time().addSecs(5400))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    planned = sessions_between(context.db, context.actor)
    assert [item.day.day for item in planned] == [3, 10, 17, 31]


def test_kinds_page_adds_a_kind(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    admin = main_window.show_section("admin")
    page = admin.show_page("session_kinds")
    assert page.isVisible()
    page._new()
    page.name.setText("Moestuin")
    page.save()
    names = [kind.name for kind in list_kinds(main_window.context.db)]
    assert "Moestuin" in names
    page._new()
    page.name.setText("moestuin")
    page.save()
    assert page.name_error.isVisible()


def test_week_view_keyboard_moves_between_days_and_weeks(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(SESSION_START)
    context = main_window.context
    plan_session(context.db, context.actor, SESSION_START.date(), details(context.db))
    section = main_window.show_section("sessions")
    section.this_week()
    monday = section.monday
    assert section.current_session_id() is not None  # today's session, ready for Enter
    qtbot.waitUntil(lambda: QApplication.focusWidget() is section.week.days[1])
    press(qtbot, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is section.week.days[2]
    press(qtbot, Qt.Key.Key_PageDown)
    assert (section.monday - monday).days == 7
    assert section.week.headers[0].text().startswith("maandag 7 dec")
    press(qtbot, Qt.Key.Key_PageUp)
    assert section.monday == monday


def test_attendance_sheet_button_makes_the_pdf_off_the_ui_thread(
    qtbot, main_window, session_today
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from minami_desk.ui.sessions.sheet_preview import SheetDialog

    session_id, _residents, _walk_in = session_today
    screen = AttendanceScreen(main_window.context, session_id)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.mouseClick(screen.sheet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.findChild(SheetDialog) is not None, timeout=15000)
    dialog = screen.findChild(SheetDialog)
    text = PdfReader(dialog.path).pages[0].extract_text()
    assert "Asante, Kofi" in text and "pagina 1 van 1" in text
    assert dialog.path.parent == main_window.context.paths.data_dir / "presentielijsten"
    assert dialog.print_button.accessibleName() == "Presentielijst afdrukken"
    dialog.reject()


def test_quick_registration_of_a_walk_in(qtbot, main_window, session_today) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from minami_desk.ui.desk.registration_dialog import RegistrationDialog

    session_id, _residents, _walk_in = session_today
    screen = AttendanceScreen(main_window.context, session_id)
    qtbot.addWidget(screen)
    screen.show()
    screen.focus_search()
    qtbot.keyClicks(screen.search, "Efua Boateng")
    assert screen.results.count() == 0  # not registered yet

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RegistrationDialog)
        assert dialog.form.line("first_name").text() == "Efua"  # taken from the search
        qtbot.keyClick(dialog.form.line("last_name"), Qt.Key.Key_Return)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(200, fill_in)
    qtbot.mouseClick(screen.new_resident, Qt.MouseButton.LeftButton)
    names = [screen.names[resident] for resident in screen.row_ids]
    assert "Efua Boateng" in names
    new_id = next(r for r in screen.row_ids if screen.names[r] == "Efua Boateng")
    assert screen.statuses[new_id] == "present" and new_id in screen.walk_ins


def test_change_the_rest_of_a_series_in_the_dialog(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtCore import QTime

    from minami_desk.services.sessions.planning import SeriesPlan, plan_series
    from minami_desk.services.sessions.queries import session_summary
    from minami_desk.ui.sessions.plan_dialog import PlanDialog

    clock.fix(datetime(2026, 11, 27, 10, 0))
    context = main_window.context
    plan = SeriesPlan(details(context.db), "weekly", 1, date(2026, 12, 1), date(2026, 12, 22))
    _series, ids = plan_series(context.db, context.actor, plan)
    dialog = PlanDialog(context, existing=session_summary(context.db, context.actor, ids[2]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.scope_rest.isVisible() and not dialog.series.isVisible()
    dialog.scope_rest.setChecked(True)
    dialog.start.setTime(QTime(18, 30))
    dialog.save()
    starts = [
        session_summary(context.db, context.actor, i).starts_at.strftime("%H:%M") for i in ids
    ]
    assert starts == ["19:00", "19:00", "18:30", "18:30"]
