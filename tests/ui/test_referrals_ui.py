"""A referral made from the resident's side, followed up from Vandaag, seen in Verwijzingen."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minami_desk.services import clock
from minami_desk.services.organisations import list_organisations
from minami_desk.services.referrals import follow_ups_due, get_referral, list_referrals
from minami_desk.ui.referrals.follow_up_dialog import FollowUpDialog
from minami_desk.ui.referrals.referral_dialog import ReferralDialog
from tests.referral_data import add_resident, organisation_id, theme_id

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def _open_followup_dialog(qtbot) -> FollowUpDialog:  # type: ignore[no-untyped-def]
    found: list[FollowUpDialog] = []

    def opened() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, FollowUpDialog)]
        return bool(found) and found[0].isVisible()

    qtbot.waitUntil(opened)
    return found[0]


def test_create_a_referral_and_complete_its_follow_up(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = add_resident(context.db, "Kwame", "Ɔwusu", 501)

    # The resident page opens the form this way.
    dialog = context.navigator.open("new_referral", resident)
    assert isinstance(dialog, ReferralDialog) and dialog.isVisible()
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
    assert panel.list.count() == 1
    assert "Kwame Ɔwusu" in panel.list.item(0).text()
    assert "vandaag" in panel.list.item(0).text()
    panel.list.itemActivated.emit(panel.list.item(0))
    follow_up = _open_followup_dialog(qtbot)
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
    assert panel.list.isHidden() and not panel.empty.isHidden()

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
    dialog.reject()


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
