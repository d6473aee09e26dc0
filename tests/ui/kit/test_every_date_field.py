"""One date widget everywhere: every date field of every section and dialog is the kit's."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from minami_desk.ui.kit.date_field import DateField, OptionalDateField

SECTIONS = ("today", "residents", "sessions", "trajectories", "referrals", "stories", "admin")


def _strays(root: QWidget, where: str) -> list[str]:
    """Date fields that are Qt's own (they lack the typing fix) and birth dates without it."""
    found = [
        f"{where}: {type(edit).__name__} {edit.accessibleName()!r}"
        for edit in root.findChildren(QDateEdit)
        if not isinstance(edit, DateField)
    ]
    found += [
        f"{where}: birth date is a plain {type(line).__name__}"
        for line in root.findChildren(QLineEdit, "birth_date")
        if not isinstance(line, OptionalDateField)
    ]
    return found


def test_every_date_field_takes_typed_dates(qtbot, demo_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.dialog_catalog import open_every_dialog

    # GIVEN the window on the demo database, every section opened once
    strays: list[str] = []
    date_fields = 0
    for key in SECTIONS:
        section = demo_window.section_widget(key)
        if section is not None:
            strays += _strays(section, key)
            date_fields += len(section.findChildren(DateField))
    # WHEN every dialog is opened
    for label, dialog in open_every_dialog(demo_window.context, tmp_path):
        strays += _strays(dialog, label)
        date_fields += len(dialog.findChildren(DateField))
    # THEN each date field is the kit's DateField (birth dates its OptionalDateField)
    assert strays == []
    assert date_fields >= 15  # the walk itself found the referral, follow-up, story… dates
