"""The resident page's timeline model and its personal-data rows, as the desk sees them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from minami_desk.clock import today
from minami_desk.services.consents import ConsentChoice
from minami_desk.services.registration import ResidentInput, register_resident
from minami_desk.services.timeline import TimelineEvent
from minami_desk.ui.desk.resident_page import ResidentPage
from minami_desk.ui.desk.timeline_view import TimelineView, when_text


def test_when_text_shows_amsterdam_time_and_bare_dates() -> None:
    assert when_text(datetime(2026, 7, 1, 8, 5, tzinfo=UTC)) == "01-07-2026 10:05"  # summer
    assert when_text(datetime(2026, 1, 2, 23, 30, tzinfo=UTC)) == "03-01-2026 00:30"  # winter
    assert when_text(date(2026, 3, 9)) == "09-03-2026"
    assert when_text(None) == ""


def test_the_model_formats_rows_and_opens_targets(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = TimelineView()
    qtbot.addWidget(view)
    model = view.model()
    assert model.rowCount() == 1 and model.index(0, 1).data() == "Nog niets vastgelegd."
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) is None
    events = [
        TimelineEvent(
            when=datetime(2026, 11, 3, 9, 0, tzinfo=UTC),
            kind="attendance",
            title="Bijeenkomst bijgewoond: Taalcafé",
            detail="Taalles · inloop",
            target="session",
            target_id=41,
        ),
        TimelineEvent(when=date(2026, 10, 1), kind="trajectory", title="Traject gestart"),
    ]
    view.set_events(events)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Wanneer"
    assert [model.index(0, c).data() for c in range(2)] == [
        "03-11-2026 10:00",
        "Bijeenkomst bijgewoond: Taalcafé\nTaalles · inloop",
    ]
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == model.index(0, 1).data()
    assert model.index(1, 1).data() == "Traject gestart"
    opened: list[tuple[str, int]] = []
    view.opened.connect(lambda target, target_id: opened.append((target, target_id)))
    view.activated.emit(model.index(1, 1))  # nothing to open
    view.activated.emit(model.index(0, 0))
    assert opened == [("session", 41)]
    view.show()
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the keyboard opens it too
    assert opened == [("session", 41), ("session", 41)]


def test_the_data_rows_follow_the_resident_shown(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """Paging between residents reuses the rows; a guardian adds one, and it goes again."""
    context = main_window.context
    adult = register_resident(
        context.db,
        context.actor,
        ResidentInput(first_name="Afua", last_name="Boateng", note="Spreekt <b>Twi</b>"),
    )
    child = register_resident(
        context.db,
        context.actor,
        ResidentInput(
            first_name="Kojo",
            last_name="Boateng",
            birth_date=date(today().year - 9, 5, 1),
            guardian_name="Afua Boateng",
            guardian_phone="0612345678",
        ),
        [ConsentChoice("registration")],
    )
    page = ResidentPage(context)
    qtbot.addWidget(page)

    def shown() -> dict[str, str]:
        form = page.data_form
        rows = {}
        for row in range(form.rowCount()):
            caption = form.itemAt(row, form.ItemRole.LabelRole).widget()
            value = form.itemAt(row, form.ItemRole.FieldRole).widget()
            assert isinstance(caption, QLabel) and isinstance(value, QLabel)
            rows[caption.text()] = value.text()
        return rows

    page.show_resident(adult)
    first = shown()
    assert first["Notitie:"] == "Spreekt <b>Twi</b>"  # shown as typed, not as markup
    assert "Ouder/voogd:" not in first
    page.show_resident(child)
    second = shown()
    assert second["Ouder/voogd:"].startswith("Afua Boateng")
    assert second["Notitie:"] == "—"
    page.show_resident(adult)
    assert shown() == first
