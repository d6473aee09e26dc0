"""A coach's morning, through the real widgets: start a trajectory, record the intake with the
participant's scores, and find the next milestone on Vandaag, which opens the trajectory."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from minami_desk import clock
from minami_desk.services.trajectories.queries import get_trajectory
from minami_desk.ui.trajectories.milestone_dialogs import MarkDoneDialog
from minami_desk.ui.trajectories.start_dialog import StartTrajectoryDialog
from tests.services.trajectories.helpers import add_coach, add_resident
from tests.ui.keys import when_modal

SCREENSHOTS = Path(__file__).resolve().parents[3] / "screenshots"


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_start_record_intake_and_see_the_milestone_on_today(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 12, 7, 9, 30, tzinfo=clock.AMSTERDAM))  # a Monday
    context = main_window.context
    resident = add_resident(context.db, "Kwabena", "Ɔwusu")
    coach = add_coach(context.db, "Esther Koster")

    # GIVEN the start dialog, as the resident page opens it
    def fill_start(dialog: StartTrajectoryDialog) -> None:
        dialog.start_date.setDate(QDate(2026, 11, 26))
        dialog.coach.setCurrentIndex(dialog.coach.findData(coach))
        dialog.goal_boxes["self_image"].setChecked(True)
        dialog.goal_boxes["social_contacts"].setChecked(True)
        qtbot.keyClicks(dialog.own_text, "Weer gaan voetballen")
        assert dialog.own_box.isChecked()
        _shot(dialog, "trajectory-start-dialog")
        dialog.accept()

    when_modal(qtbot, fill_start)
    trajectory_id = context.navigator.open("start_trajectory", resident)
    assert trajectory_id is not None
    section = main_window.section_widget("trajectories")
    assert section.stack.currentWidget() is section.page
    page = section.page
    assert page.title.text() == "Traject van Kwabena Ɔwusu"
    assert page.milestones.item(0, 0).text() == "Intakegesprek"

    # WHEN the intake is recorded as done, with the participant's scores
    def fill_intake(dialog: MarkDoneDialog) -> None:
        dialog.done_on.setDate(QDate(2026, 11, 26))
        dialog.note.setPlainText("Kennismaking, doelen besproken")
        spins = list(dialog.scores.values())
        assert len(spins) == 3
        for spin, score in zip(spins, (4, 3, 6), strict=True):
            spin.setValue(score)
        dialog.accept()

    page.milestones.selectRow(0)
    when_modal(qtbot, fill_intake)
    page.done_button.click()
    detail = get_trajectory(context.db, context.actor, trajectory_id)
    assert detail.milestones[0].done_on == date(2026, 11, 26)
    assert [goal.scores for goal in detail.goals] == [
        {"intake": 4},
        {"intake": 3},
        {"intake": 6},
    ]
    assert page.milestones.item(0, 3).text().startswith("✔")
    assert "Intake 4" in page.chart.describe()
    page.resize(1000, 900)
    _shot(page, "trajectory-page")

    # THEN Vandaag shows the next milestone (goals set, due on Thursday), and it opens the page
    section.show_list()
    today = main_window.show_section("today")
    panel = next(p for p in today.panels if p.objectName() == "today_milestones_due")
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.loader.busy)  # the panel reads off the UI thread
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert texts == ["Doelen vastgesteld — Kwabena Ɔwusu · 10 dec · Esther Koster"]
    _shot(panel, "today-milestones-due")
    panel.list.setCurrentRow(0)
    panel.list.itemActivated.emit(panel.list.item(0))
    assert main_window.stack.currentIndex() == main_window.section_keys.index("trajectories")
    assert section.stack.currentWidget() is section.page


def test_a_second_active_trajectory_is_refused_in_the_dialog(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 12, 7, 9, 30, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    resident = add_resident(context.db, "Ama", "Mensah")
    first = StartTrajectoryDialog(context, resident)
    qtbot.addWidget(first)
    first.goal_boxes["clarity"].setChecked(True)
    first.accept()
    assert first.result() == QDialog.DialogCode.Accepted
    second = StartTrajectoryDialog(context, resident)
    qtbot.addWidget(second)
    second.goal_boxes["clarity"].setChecked(True)
    second.accept()
    assert second.result() != QDialog.DialogCode.Accepted
    assert "al een actief traject" in second.error.text()


def test_overdue_milestones_say_so_in_words(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 12, 7, 9, 30, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    dialog = StartTrajectoryDialog(context, add_resident(context.db, "Şükrü", "Öztürk"))
    qtbot.addWidget(dialog)
    dialog.start_date.setDate(QDate(2026, 11, 2))
    dialog.goal_boxes["inner_calm"].setChecked(True)
    dialog.accept()
    today = main_window.show_section("today")
    panel = next(p for p in today.panels if p.objectName() == "today_milestones_due")
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.loader.busy)  # the panel reads off the UI thread
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert texts[0].startswith("TE LAAT: Intakegesprek — Şükrü Öztürk")
    assert panel.list.item(0).font().bold()


def test_close_dialogs_say_what_is_missing_and_stop_with_a_reason(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.ui.trajectories.close_dialogs import CompleteDialog, StopDialog

    clock.fix(datetime(2026, 12, 7, 9, 30, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    start = StartTrajectoryDialog(context, add_resident(context.db, "Ama", "Mensah"))
    qtbot.addWidget(start)
    start.start_date.setDate(QDate(2026, 6, 1))
    start.goal_boxes["agencies"].setChecked(True)
    start.accept()
    trajectory_id = start.trajectory_id
    complete = CompleteDialog(context, trajectory_id)
    qtbot.addWidget(complete)
    assert "✘ Eindevaluatie nog niet gedaan" in complete.status.text()
    assert "(nodig: 8)" in complete.status.text()
    complete.accept()
    assert complete.result() != QDialog.DialogCode.Accepted
    assert "eindevaluatie" in complete.error.text().lower()

    stop = StopDialog(context, trajectory_id)
    qtbot.addWidget(stop)
    stop.reason.setCurrentIndex(stop.reason.findData("other"))
    stop.accept()
    assert "waarom" in stop.error.text()  # "other" needs a few words
    stop.note.setPlainText("Werkt nu overdag")
    stop.accept()
    summary = get_trajectory(context.db, context.actor, trajectory_id).summary
    assert (summary.status, summary.stop_reason) == ("stopped", "other")
    assert [stop.reason.itemText(i) for i in range(1, stop.reason.count())] == [
        "verhuisd",
        "geen contact meer",
        "doorverwezen",
        "eigen keuze",
        "anders",
    ]


def test_the_resident_page_starts_a_trajectory(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    clock.fix(datetime(2026, 12, 7, 9, 30, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    resident = add_resident(context.db, "Nguyễn Thị", "Mai")
    context.navigator.open("resident", resident)
    button = next(
        b for b in main_window.findChildren(QPushButton) if b.text() == "&Traject starten…"
    )
    assert button.isVisible()

    def fill(dialog: StartTrajectoryDialog) -> None:
        assert dialog.windowTitle() == "Traject starten"
        dialog.goal_boxes["agencies"].setChecked(True)
        dialog.accept()

    when_modal(qtbot, fill)
    button.click()
    section = main_window.section_widget("trajectories")
    assert section.stack.currentWidget() is section.page
    assert section.page.title.text() == "Traject van Nguyễn Thị Mai"
