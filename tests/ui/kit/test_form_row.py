"""The kit's form row: caption with mnemonic, field, and its own error message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from minami_desk.errors import UserError, ValidationError
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.kit.form_row import FormRows


class _Dialog(QDialog):
    """A small real form: a name, a kind, a date and a note."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.rows = FormRows(self)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItems(["", "Inloop", "Telefoon"])
        self.when = DateField(self, "Datum")
        self.note = QPlainTextEdit(self)
        self.rows.add("name", "&Naam", self.name, accessible="Naam (verplicht)")
        self.rows.add("kind", "&Soort", self.kind, accessible="Soort contact")
        self.rows.add("when", "&Datum", self.when)
        self.rows.add("note", "&Notitie", self.note, accessible="Notitie")
        self.rows.place(layout)


def _open(qtbot) -> _Dialog:  # type: ignore[no-untyped-def]
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _refuse(errors: dict[str, str]) -> None:
    raise ValidationError(errors)


def test_captions_carry_the_mnemonic_to_their_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a form built from rows
    dialog = _open(qtbot)
    # THEN each caption's buddy is its field, and the field has its accessible name and tip
    captions = {
        label.text(): label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()
    }
    assert captions["&Naam"] is dialog.name
    assert captions["&Datum"] is dialog.when
    assert dialog.name.accessibleName() == "Naam (verplicht)"
    assert dialog.name.toolTip() == "Naam (verplicht)"
    # WHEN Alt+N is pressed THEN the name field gets the focus
    dialog.note.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.name


def test_all_errors_show_in_one_pass_and_each_goes_when_its_field_is_edited(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a form with nothing filled in
    dialog = _open(qtbot)
    errors = dialog.rows.errors
    # WHEN the service refuses three fields at once (and says something of the whole form)
    ok = dialog.rows.attempt(
        lambda: _refuse(
            {
                "name": "Vul de naam in.",
                "kind": "Kies een soort.",
                "note": "De notitie is te lang.",
                "elsewhere": "Er ging iets mis.",
            }
        )
    )
    # THEN all three messages show at once, under their own fields, the rest under the form
    assert not ok
    assert all(errors[key].isVisible() for key in ("name", "kind", "note"))
    assert errors["name"].text() == "⚠ Vul de naam in."
    assert not errors["when"].isVisible()
    assert dialog.rows.general.text() == "⚠ Er ging iets mis."
    # AND the first faulty field has the focus
    assert dialog.focusWidget() is dialog.name
    # WHEN the name is typed
    qtbot.keyClicks(dialog.name, "Ama")
    # THEN only the name's message is gone
    assert not errors["name"].isVisible()
    assert errors["kind"].isVisible() and errors["note"].isVisible()
    # WHEN a kind is chosen and the note edited THEN those go too
    dialog.kind.activated.emit(1)
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "kort")
    assert not errors["kind"].isVisible()
    assert not errors["note"].isVisible()


def test_a_refusal_without_fields_shows_under_the_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a form
    dialog = _open(qtbot)

    def refuse() -> None:
        raise UserError("Deze bewoner is gearchiveerd.")

    # WHEN the service refuses the whole thing
    ok = dialog.rows.attempt(refuse)
    # THEN the message stands under the form and no field is marked
    assert not ok
    assert dialog.rows.general.isVisible()
    assert not any(label.isVisible() for label in dialog.rows.errors.values())
    # WHEN the next attempt works THEN the message is gone
    assert dialog.rows.attempt(lambda: None)
    assert not dialog.rows.general.isVisible()


def test_a_date_field_row_clears_when_the_date_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a refused date
    dialog = _open(qtbot)
    dialog.rows.show({"when": "De datum ligt in de toekomst."})
    assert dialog.rows.errors["when"].isVisible()
    # WHEN another date is picked
    dialog.when.setDate(dialog.when.date().addDays(-1))
    # THEN its message is gone
    assert not dialog.rows.errors["when"].isVisible()
