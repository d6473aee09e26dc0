"""The desk under pytest-qt: search as you type, register by keyboard, duplicates, merge."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from minami_desk import clock
from minami_desk.data.models import Contact, Resident
from minami_desk.services.actor import Actor
from minami_desk.services.contacts import ContactInput, record_contact
from minami_desk.services.registration import ResidentInput, register_resident
from minami_desk.services.themes import list_themes
from minami_desk.ui.desk.contact_dialog import ContactDialog
from minami_desk.ui.desk.merge_dialog import MergeDialog
from minami_desk.ui.desk.registration_dialog import RegistrationDialog
from minami_desk.ui.desk.resident_page import ResidentPage
from minami_desk.ui.desk.section import ResidentsSection
from minami_desk.ui.shell.context import AppContext


def add(context: AppContext, first: str, last: str, **extra: object) -> int:
    return register_resident(
        context.db,
        context.actor,
        ResidentInput(first_name=first, last_name=last, **extra),  # type: ignore[arg-type]
    )


def residents(context: AppContext) -> int:
    with context.db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Resident)) or 0


def test_global_search_finds_and_enter_opens(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    wanted = add(context, "Dewi", "Müller")
    add(context, "Kofi", "Asante")
    main_window.focus_search()
    qtbot.keyClicks(main_window.global_search, "mul")
    section = main_window.section_widget("residents")
    assert isinstance(section, ResidentsSection)
    assert main_window.stack.currentIndex() == main_window.section_keys.index("residents")
    qtbot.waitUntil(lambda: section.search.model.text == "mul" and not section.search.model.loading)
    assert [hit.full_name for hit in section.search.model.rows] == ["Dewi Müller"]
    assert main_window.focusWidget() is main_window.global_search  # typing is never interrupted
    qtbot.keyClick(main_window.global_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.stack.currentWidget() is section.page)
    assert section.page.resident_id == wanted
    assert section.page.heading.text() == "Dewi Müller"


def test_list_search_arrows_and_enter(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    first = add(context, "Ayşe", "Şahin")
    second = add(context, "Mehmet", "Şahin")
    section = main_window.show_section("residents")
    field = section.search.field
    assert main_window.focusWidget() is field
    qtbot.keyClicks(field, "sahin")
    qtbot.waitUntil(
        lambda: section.search.model.text == "sahin" and not section.search.model.loading
    )
    assert len(section.search.model.rows) == 2
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert main_window.focusWidget() is section.search.view
    qtbot.keyClick(section.search.view, Qt.Key.Key_Down)
    qtbot.keyClick(section.search.view, Qt.Key.Key_Return)
    assert section.page.resident_id == second
    section.show_list()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert section.page.resident_id == first


def test_lazy_list_fetches_more_when_scrolled(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    with context.db.session() as session:
        for number in range(1, 251):
            resident = Resident(
                number=number,
                first_name=f"Naam{number:03d}",
                last_name="Lont",
                registered_on=date(2026, 1, 1),
            )
            from minami_desk.services.residents import index_resident

            index_resident(resident)
            session.add(resident)
    section = main_window.show_section("residents")
    model = section.search.model
    qtbot.waitUntil(lambda: len(model.rows) == 100 and not model.loading)
    assert model.canFetchMore()
    section.search.view.scrollToBottom()
    model.fetchMore()
    qtbot.waitUntil(lambda: len(model.rows) == 200 and not model.loading)
    model.fetchMore()
    qtbot.waitUntil(lambda: len(model.rows) == 250)
    assert not model.canFetchMore()


def test_register_with_the_keyboard_only(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    dialog = RegistrationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def type_here(text: str) -> None:
        qtbot.keyClicks(dialog.focusWidget(), text)

    def tab(times: int = 1) -> None:
        for _ in range(times):
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)

    type_here("Kwabena")
    tab()
    type_here("van")
    tab()
    type_here("Owusu")
    tab()
    type_here("14-03-1987")
    tab(3)  # age group, gender
    type_here("+233 24 123 4567")
    tab(2)
    type_here("1102ab")
    assert dialog.form.wijk.currentText() == "Bijlmer-Centrum"  # suggested from the table
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter: the default button saves
    assert dialog.result() == dialog.DialogCode.Accepted
    with context.db.read_session() as session:
        resident = session.get(Resident, dialog.result_id)
        assert resident.full_name == "Kwabena van Owusu"
        assert resident.birth_date == date(1987, 3, 14)
        assert resident.phone == "+233241234567" and resident.postcode == "1102 AB"
        assert [c.kind for c in resident.consents] == ["registration"]


def test_each_message_goes_as_soon_as_its_field_is_edited(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    # GIVEN the new-resident dialog, saved with a short phone number and a birth date "85"
    clock.fix(datetime(2026, 12, 3, 10, 0, tzinfo=clock.AMSTERDAM))
    dialog = RegistrationDialog(main_window.context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.line("phone").setText("06-12")
    dialog.form.line("birth_date").setText("85")
    dialog.save()
    shown = {key for key, label in dialog.form.errors.items() if label.isVisible()}
    # THEN every faulty field says so at once
    assert shown == {"first_name", "last_name", "phone", "birth_date"}
    qtbot.wait(20)
    dialog.grab().save("/tmp/kit_form_row_dialog.png")
    # WHEN the first name is typed and the birth date retyped as 12-3-85
    qtbot.keyClicks(dialog.form.line("first_name"), "Kofi")
    birth = dialog.form.line("birth_date")
    birth.clear()
    qtbot.keyClicks(birth, "12-3-85")
    # THEN those two messages are gone, the others stay until their fields are fixed
    shown = {key for key, label in dialog.form.errors.items() if label.isVisible()}
    assert shown == {"last_name", "phone"}
    assert dialog.form.birth_field().value() == date(1985, 3, 12)


def test_validation_messages_next_to_fields(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    dialog = RegistrationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.line("first_name").setText("Kofi")
    dialog.form.line("phone").setText("06-12")
    dialog.form.line("birth_date").setText("31-04-1990")
    dialog.save()
    errors = {key: label.text() for key, label in dialog.form.errors.items() if label.isVisible()}
    # the form finds an impossible date itself, the service the rest: all in one pass
    assert set(errors) == {"birth_date", "last_name", "phone"}
    dialog.form.line("birth_date").setText("12-03-2014")
    dialog.save()
    errors = {key: label.text() for key, label in dialog.form.errors.items() if label.isVisible()}
    assert set(errors) == {"last_name", "phone", "guardian_name", "guardian_phone"}
    assert errors["last_name"] == "⚠ Vul de achternaam in."
    assert dialog.focusWidget() is dialog.form.line("last_name")
    assert residents(context) == 0


def test_duplicate_warning_and_both_answers(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    existing = add(context, "Fatima", "Jansen", birth_date=date(1952, 7, 1))
    dialog = RegistrationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.line("first_name"), "Fatima")
    qtbot.keyClicks(dialog.form.line("last_name"), "Janssen")
    qtbot.keyClicks(dialog.form.line("birth_date"), "01-07-1952")
    qtbot.keyClick(dialog.form.line("birth_date"), Qt.Key.Key_Return)
    assert dialog.duplicates.isVisible()
    assert dialog.duplicates.chosen_id() == existing
    assert residents(context) == 1  # nothing saved while the question is open
    dialog.duplicates.same.click()
    assert dialog.result_id == existing and dialog.existing_chosen
    second = RegistrationDialog(context)
    qtbot.addWidget(second)
    second.show()
    second.form.line("first_name").setText("Fatima")
    second.form.line("last_name").setText("Janssen")
    second.save()
    assert second.duplicates.isVisible()
    second.duplicates.other.click()
    assert second.result_id not in (None, existing) and residents(context) == 2


def test_merge_dialog_moves_everything(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    keep = add(context, "Yaw", "Janssen")
    drop = add(context, "Yaw", "Jansen", phone="0612345678")
    record_contact(context.db, context.actor, ContactInput(resident_id=drop, help_request="huur"))
    dialog = MergeDialog(context, keep)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.picker.field, "0612")
    qtbot.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.second is not None)
    assert dialog.keep_first.isChecked()  # the older registration stays
    dialog.merge(ask=False)
    assert dialog.kept_id == keep
    with context.db.read_session() as session:
        owners = set(session.scalars(select(Contact.resident_id)))
        assert owners == {keep}
        assert session.get(Resident, drop).merged_into_id == keep


def test_walk_in_dialog_and_today_panel(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = add(context, "Ama", "Mensah")
    dialog = ContactDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.picker.field
    qtbot.keyClicks(dialog.picker.field, "mensah")
    qtbot.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.resident_id == resident)
    assert dialog.isVisible()  # Enter picked the resident, it did not press a button
    debts = next(
        row for row in range(dialog.themes.count()) if dialog.themes.item(row).text() == "Schulden"
    )
    dialog.themes.item(debts).setCheckState(Qt.CheckState.Checked)
    dialog.description.setPlainText("Brief van de deurwaarder")
    dialog.follow_up.setChecked(True)
    dialog.save()
    assert dialog.contact_id is not None
    today = main_window.show_section("today")
    panel = next(p for p in today.panels if p.objectName() == "today_desk_contacts")
    qtbot.waitUntil(
        lambda: (
            panel.today.topLevelItemCount() == 1
            and "Ama Mensah" in panel.today.topLevelItem(0).text(1)
        )
    )
    assert panel.today.topLevelItem(0).text(3) == "Schulden"
    desk = next(p for p in today.panels if p.objectName() == "today_desk")
    assert main_window.focusWidget() is desk.search.field


def test_walk_in_dialog_starts_on_amsterdam_time_whatever_the_pc_zone(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a quarter to midnight in Amsterdam (on a PC left on UTC it is still 22:45)
    clock.fix(datetime(2026, 12, 2, 23, 45, tzinfo=clock.AMSTERDAM))
    # WHEN the desk opens a new walk-in
    dialog = ContactDialog(main_window.context)
    qtbot.addWidget(dialog)
    # THEN its time and follow-up date follow Amsterdam's wall clock, not the PC's
    assert dialog.when.dateTime().toPython() == datetime(2026, 12, 2, 23, 45)
    assert dialog.follow_date.date().toPython() == date(2026, 12, 9)


def test_volunteer_page_hides_help_requests(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    staff = main_window.context
    resident = add(staff, "Zoë", "Yilmaz", note="privé")
    themes = {t.name: t.id for t in list_themes(staff.db)}
    record_contact(
        staff.db,
        staff.actor,
        ContactInput(
            resident_id=resident,
            theme_ids=[themes["Wonen"]],
            help_request="Schimmel in de badkamer",
        ),
    )
    volunteer = AppContext(paths=staff.paths, db=staff.db, actor=Actor(None, "vrijwilliger"))
    page = ResidentPage(volunteer)
    qtbot.addWidget(page)
    page.show_resident(resident)
    model = page.timeline.model()
    texts = [model.index(row, c).data() for row in range(model.rowCount()) for c in range(2)]
    assert not any("Schimmel" in text or "Wonen" in text for text in texts)
    assert not page.consent_card.isVisibleTo(page) and not page.edit.isVisibleTo(page)
    labels = [w.text() for w in page.findChildren(QLineEdit)]
    assert "privé" not in labels
    staff_page = ResidentPage(staff)
    qtbot.addWidget(staff_page)
    staff_page.show_resident(resident)
    model = staff_page.timeline.model()
    assert any("Schimmel" in model.index(row, 1).data() for row in range(model.rowCount()))


@pytest.mark.parametrize("page_key", ["postcodes", "themes"])
def test_admin_pages(qtbot, main_window, page_key: str) -> None:  # type: ignore[no-untyped-def]
    admin = main_window.show_section("admin")
    page = admin.show_page(page_key)
    if page_key == "postcodes":
        page.prefix.setText("1104 a")
        page.wijk.setText("Kantershof")
        page.save()
        from minami_desk.services.postcodes import suggest_wijk

        assert suggest_wijk(main_window.context.db, "1104AB") == "Kantershof"
        page.prefix.setText("11")
        page.save()
        assert page.error.isVisible()
    else:
        page.name.setText("Digitale vaardigheden")
        page.add()
        assert "Digitale vaardigheden" in [t.name for t in list_themes(main_window.context.db)]
