"""The desk's import dialog, menu actions and the consent buttons on the resident page."""

from __future__ import annotations

from pathlib import Path

from minami_desk.services.consents import consent_history
from minami_desk.services.registration import ResidentInput, register_resident
from minami_desk.services.residents import find_residents
from minami_desk.ui.desk.import_dialog import ImportDialog
from minami_desk.ui.desk.resident_page import ResidentPage

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def test_import_dialog_checks_then_imports(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(SAMPLES / "residents-excel-nl.csv"))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.report is not None)
    text = dialog.details.toPlainText()
    for row in (4, 8, 12, 16, 20, 24):
        assert f"Rij {row}:" in text
    assert "Rij 31: lijkt dezelfde persoon als rij 30" in text
    assert not dialog.import_button.isEnabled()
    dialog.report = None
    dialog.path.setText(str(SAMPLES / "residents-unicode.csv"))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.import_button.isEnabled()
    assert find_residents(context.db, context.actor, "owusu") == []  # a check stores nothing
    dialog.report = None
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert "6 bewoners geïmporteerd" in dialog.summary.text()
    assert [hit.full_name for hit in find_residents(context.db, context.actor, "owusu")] == [
        "Kwabena Ɔwusu"
    ]


def test_walk_in_is_two_clicks_from_anywhere(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    actions = {a.text(): a for a in main_window.menus["file"].actions()}
    walk_in = actions["&Inloop registreren…"]
    assert walk_in.shortcut().toString() == "Ctrl+I"
    assert actions["&Nieuwe bewoner…"].shortcut().toString() == "Ctrl+N"


def test_consents_recorded_and_withdrawn_on_the_page(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = main_window.context
    resident = register_resident(
        context.db, context.actor, ResidentInput(first_name="Esmée", last_name="Ramdin")
    )
    page = ResidentPage(context)
    qtbot.addWidget(page)
    page.show_resident(resident)
    page.consent_kind.setCurrentIndex(page.consent_kind.findData("photos"))
    page.give.click()
    assert page.consents.rowCount() == 1
    monkeypatch.setattr("minami_desk.ui.desk.resident_page.confirm", lambda *args: True)
    page.consents.selectRow(0)
    page._withdraw()
    history = consent_history(context.db, context.actor, resident)
    assert len(history) == 1 and history[0].withdrawn_at is not None
    assert page.consents.item(0, 1).text().startswith("ingetrokken op")
    page._archive()
    assert page.details.archived and "GEARCHIVEERD" in page.badges.text()


def test_new_resident_starts_with_the_searched_name(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.ui.desk.registration_dialog import RegistrationDialog, prefill_from_search

    dialog = RegistrationDialog(main_window.context)
    qtbot.addWidget(dialog)
    prefill_from_search(dialog.form, "Kofi van Mensah")
    assert dialog.form.line("first_name").text() == "Kofi"
    assert dialog.form.line("last_name").text() == "van Mensah"
    other = RegistrationDialog(main_window.context)
    qtbot.addWidget(other)
    prefill_from_search(other.form, "0612")
    assert other.form.line("first_name").text() == ""


def test_merged_registration_points_to_the_one_that_stayed(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from minami_desk.services.merge import merge_residents

    context = main_window.context
    keep = register_resident(
        context.db, context.actor, ResidentInput(first_name="Yaw", last_name="Lont")
    )
    drop = register_resident(
        context.db, context.actor, ResidentInput(first_name="Yaw", last_name="Lond")
    )
    merge_residents(context.db, context.actor, keep, drop)
    page = ResidentPage(context)
    qtbot.addWidget(page)
    page.show_resident(drop)
    assert page.open_merged.isVisibleTo(page)
    main_window.context.navigator.open("resident", drop)
    section = main_window.section_widget("residents")
    section.page.open_merged.click()
    assert section.page.resident_id == keep
