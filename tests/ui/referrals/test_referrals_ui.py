"""A referral made from the resident's side, followed up from Vandaag, seen in Verwijzingen."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from minami_desk import clock
from minami_desk.services.organisations import list_organisations
from minami_desk.services.referral_followups import follow_ups_due
from minami_desk.services.referrals import get_referral, list_referrals
from minami_desk.ui.referrals.follow_up_dialog import FollowUpDialog
from minami_desk.ui.referrals.referral_dialog import ReferralDialog
from tests.referral_data import add_resident, organisation_id, theme_id

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def _find_dialog(qtbot, kind):  # type: ignore[no-untyped-def]
    found: list[object] = []

    def opened() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(opened)
    return found[0]


def test_create_a_referral_and_complete_its_follow_up(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = add_resident(context.db, "Kwame", "Ɔwusu", 501)

    # From the resident's page: the "Verwijzen…" button opens the referral form.
    context.navigator.open("resident", resident)
    residents = main_window.section_widget("residents")
    page = residents.page
    qtbot.waitUntil(lambda: residents.stack.currentWidget() is page)
    assert page.refer.isVisible() and page.refer.text() == "&Verwijzen…"
    qtbot.mouseClick(page.refer, Qt.MouseButton.LeftButton)
    dialog = _find_dialog(qtbot, ReferralDialog)
    assert dialog.heading.text() == "Kwame Ɔwusu (nr. 501)"
    dialog.set_organisation(organisation_id(context.db, "Schuldhulpverlening Amsterdam"))
    dialog.check_themes({theme_id(context.db, "debts")})
    qtbot.keyClicks(dialog.reason, "Aanmaningen energie")
    dialog.handover_buttons["called_together"].setChecked(True)
    dialog.follow_up_on.setDate(dialog.follow_up_on.date().addDays(-14))  # due today
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ReferralDialog.DialogCode.Accepted

    (saved,) = list_referrals(context.db, context.actor)
    assert (saved.resident_id, saved.organisation_name, saved.handover, saved.follow_up_on) == (
        resident,
        "Schuldhulpverlening Amsterdam",
        "called_together",
        TODAY,
    )
    assert saved.reason == "Aanmaningen energie" and saved.themes == ("Schulden",)

    # Vandaag lists it; opening it records how it went.
    today = main_window.show_section("today")
    panel = next(p for p in today.panels if p.objectName() == "today_referral_followups")
    qtbot.waitUntil(lambda: not panel.loader.busy)  # the panel reads off the UI thread
    assert panel.list.count() == 1
    assert "Kwame Ɔwusu" in panel.list.item(0).text()
    assert "vandaag" in panel.list.item(0).text()
    panel.list.itemActivated.emit(panel.list.item(0))
    follow_up = _find_dialog(qtbot, FollowUpDialog)
    assert set(follow_up.status_buttons) == {"referred", "contact_made", "not_helped", "unknown"}
    follow_up.choose("contact_made")
    follow_up.note.setPlainText("Intake bij schuldhulp gehad")
    qtbot.mouseClick(follow_up.save_button, Qt.MouseButton.LeftButton)
    assert follow_up.result() == FollowUpDialog.DialogCode.Accepted

    row = get_referral(context.db, context.actor, saved.id)
    assert (row.status, row.follow_up_on, row.outcome_note) == (
        "contact_made",
        None,
        "Intake bij schuldhulp gehad",
    )
    assert follow_ups_due(context.db, context.actor) == []
    qtbot.waitUntil(lambda: not panel.loader.busy)
    assert panel.list.isHidden() and not panel.empty.isHidden()

    # The resident's timeline shows it; activating the row opens the referral again.
    main_window.show_section("residents")
    page.reload()
    model = page.timeline.model()
    items = [model.index(row, 1) for row in range(model.rowCount())]
    (item,) = [i for i in items if i.data().startswith("Verwezen naar")]
    assert item.data().splitlines() == [
        "Verwezen naar Schuldhulpverlening Amsterdam — Contact gelegd",
        "Samen gebeld; thema's: Schulden",
        "Aanmaningen energie",
        "Intake bij schuldhulp gehad",
    ]
    page.timeline.activated.emit(item)
    again = _find_dialog(qtbot, FollowUpDialog)
    assert again.row.id == saved.id and again is not follow_up
    again.reject()

    # Verwijzingen shows it with its new status; filtering on another agency hides it.
    section = main_window.show_section("referrals")
    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    assert section.model.rows[0][5] == "Contact gelegd"
    section.organisation.setCurrentIndex(
        section.organisation.findData(organisation_id(context.db, "Voedselbank Amsterdam"))
    )
    qtbot.waitUntil(lambda: section.model.rowCount() == 0)
    assert section.empty.isVisibleTo(section)


def test_the_form_shows_dutch_errors_and_saves_nothing(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = add_resident(context.db, "Ama", "Serwaa", 502)
    dialog = context.navigator.open("new_referral", resident)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "instantie" in dialog.form.errors["organisation"].text()
    assert "thema" in dialog.form.errors["themes"].text()
    assert list_referrals(context.db, context.actor) == []
    # The shared button row: Esc (Annuleren) closes without saving.
    buttons = dialog.findChild(QDialogButtonBox)
    (cancel,) = [
        button
        for button in buttons.buttons()
        if buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
    ]
    assert cancel.text() == "Annuleren" and cancel.accessibleName() == "Annuleren"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == ReferralDialog.DialogCode.Rejected
    assert list_referrals(context.db, context.actor) == []


def test_agencies_page_fills_in_contact_details(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    admin = main_window.show_section("admin")
    page = admin.show_page("organisations")
    qtbot.keyClicks(page.search, "loket")
    assert page.list.count() == 1
    page.list.setCurrentRow(0)
    assert page.fields["name"].text() == "Het Juridisch Loket"
    assert page.fields["phone"].placeholderText() == "nog in te vullen"
    page.fields["phone"].setText("020 000 0000")
    page.fields["email"].setText("geen adres")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "e-mailadres" in page.form.errors["email"].text()
    page.fields["email"].setText("balie@voorbeeld.nl")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    (loket,) = list_organisations(main_window.context.db, "juridisch")
    assert (loket.phone, loket.email) == ("020 000 0000", "balie@voorbeeld.nl")


def test_export_button_writes_the_referrals(  # type: ignore[no-untyped-def]
    qtbot, main_window, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from minami_desk.services.referrals import EXPORT_HEADER, ReferralInput, create_referral

    context = main_window.context
    resident = add_resident(context.db, "Esi", "Mensah", 503)
    create_referral(
        context.db,
        context.actor,
        ReferralInput(
            resident_id=resident,
            organisation_id=organisation_id(context.db, "GGD Amsterdam"),
            referred_on=date(2026, 11, 5),
            theme_ids=(theme_id(context.db, "health"),),
        ),
    )
    target = tmp_path / "verwijzingen.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    section = main_window.show_section("referrals")
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADER
    assert rows[1][1:5] == (503, "GGD Amsterdam", "Gezondheid", "Verwezen")


def test_volunteers_get_no_referral_or_story_screens(qtbot, paths) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.data.store import open_database
    from minami_desk.services.actor import Actor
    from minami_desk.ui.shell.context import AppContext
    from minami_desk.ui.shell.main_window import MainWindow

    db = open_database(paths)
    window = MainWindow(AppContext(paths=paths, db=db, actor=Actor(None, "vrijwilliger")))
    qtbot.addWidget(window)
    assert "referrals" not in window.section_keys and "stories" not in window.section_keys
    assert not window.context.navigator.can_open("new_referral")
    assert not window.context.navigator.can_open("referral")
    today = window.section_widget("today")
    assert "today_referral_followups" not in [panel.objectName() for panel in today.panels]
    page = window.section_widget("residents").page
    assert page.refer.isHidden() and page.story.isHidden()
    window.close()
    db.dispose()
