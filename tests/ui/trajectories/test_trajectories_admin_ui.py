"""The certificates dialog (preview, save), the list's filters and the two Beheer pages."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from minami_desk import clock
from minami_desk.reports.certificate import CertificatePage
from minami_desk.services.settings import get_setting
from minami_desk.services.trajectories.template import list_template
from minami_desk.ui.trajectories.certificates_dialog import CertificatesDialog
from tests.services.trajectories.completed import completed_trajectory
from tests.ui.trajectories.test_trajectories_ui import _shot


def test_certificates_dialog_previews_and_saves(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 12, 10, 10, 0, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    completed_trajectory(context.db, context.actor, "Nguyễn Thị", "Mai", end=date(2026, 11, 20))
    completed_trajectory(context.db, context.actor, "Şükrü", "Öztürk", end=date(2026, 11, 27))
    dialog = CertificatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.date_from.setDate(QDate(2026, 11, 1))
    dialog.date_to.setDate(QDate(2026, 11, 30))
    dialog.ceremony.setDate(QDate(2026, 12, 12))
    assert [dialog.list.item(r).text() for r in range(dialog.list.count())] == [
        "Nguyễn Thị Mai",
        "Şükrü Öztürk",
    ]
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_pdf is not None, timeout=10000)
    dialog.list.setCurrentRow(0)
    assert not dialog.preview.pixmap().isNull()
    preview = PdfReader(io.BytesIO(dialog.preview_pdf))
    assert len(preview.pages) == 2
    assert "Amsterdam Zuidoost, 12 december 2026" in preview.pages[0].extract_text()
    _shot(dialog, "certificates-dialog")
    # Leave one participant out, then save: one page, and only that one is numbered.
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    out = tmp_path / "uitreiking.pdf"
    dialog.save_to(str(out))
    qtbot.waitUntil(out.exists, timeout=10000)
    from minami_desk.ui.shell.tasks import wait_for_tasks

    wait_for_tasks()
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Certificaatnummer 2026-001" in text and "12 december 2026" in text


def test_trajectories_list_filters_by_status(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    clock.fix(datetime(2026, 12, 10, 10, 0, tzinfo=clock.AMSTERDAM))
    context = main_window.context
    completed_trajectory(context.db, context.actor, "Ama", "Mensah")
    section = main_window.show_section("trajectories")
    assert section.status.currentData() == "active"
    assert section.table.rowCount() == 0 and section.empty.isVisible()
    section.status.setCurrentIndex(section.status.findData("completed"))
    assert section.table.rowCount() == 1
    assert section.table.item(0, 4).text() == "afgerond"
    section.period.setChecked(True)
    section.date_from.setDate(QDate(2027, 1, 1))
    assert section.filter_error.isVisible()  # the period ends before it starts: said inline
    section.date_to.setDate(QDate(2027, 2, 1))
    assert not section.filter_error.isVisible()
    assert section.table.rowCount() == 0


def test_milestone_template_page_saves_and_keeps_the_final(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    admin = main_window.show_section("admin")
    page = admin.show_page("milestone_template")
    assert page.table.rowCount() == 5
    assert page.min_sessions.value() == 8
    page.min_sessions.setValue(10)
    page.table.cellWidget(2, 1).setValue(4)  # midway after 4 months instead of 3
    page._add_row(page.steps()[0].__class__(None, "Terugkomdag", "months", 9))
    page.save()
    steps = list_template(main_window.context.db, main_window.context.actor)
    assert [(s.title, s.offset_value) for s in steps][2] == ("Tussenevaluatie", 4)
    assert steps[-1].title == "Terugkomdag" and steps[-1].code == "terugkomdag"
    assert get_setting(main_window.context.db, "trajectory.min_sessions") == 10
    final_row = [s.code for s in page.steps()].index("final")
    assert not page.table.cellWidget(final_row, 3).isEnabled()
    page.table.cellWidget(final_row, 0).setText("  ")
    page.save()
    assert page.error.isVisible()
    _shot(page, "admin-milestone-template")


def test_certificate_text_page_saves(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    admin = main_window.show_section("admin")
    page = admin.show_page("certificate_text")
    page.text.setPlainText("heeft bij {centrum} het traject  {periode}\n doorlopen.")
    page.place.setText("Amsterdam-Zuidoost")
    page.save()
    db = main_window.context.db
    expected = "heeft bij {centrum} het traject {periode} doorlopen."
    assert get_setting(db, "certificate.text") == expected
    assert get_setting(db, "certificate.place") == "Amsterdam-Zuidoost"


def test_printing_puts_each_certificate_on_a_landscape_sheet(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The print path, with Qt's own PDF printer standing in for the desk's printer."""
    from PySide6.QtPrintSupport import QPrinter

    from minami_desk.reports.certificate import render_certificates
    from minami_desk.reports.pdf_common import CentreInfo
    from minami_desk.ui.trajectories.pdf_pages import prepare_landscape_a4, print_pdf
    from tests.reports.test_certificate import NAMES

    pages = [
        CertificatePage(
            number=f"2026-{n:03d}",
            full_name=" ".join(p for p in name if p),
            text="heeft het traject doorlopen.",
            start_date=date(2026, 6, 3),
            end_date=date(2026, 12, 3),
            ceremony_date=date(2026, 12, 12),
            place="Amsterdam Zuidoost",
            coach_name="Esther Koster",
            coordinator_name="",
        )
        for n, name in enumerate(NAMES[:3], start=1)
    ]
    buffer = io.BytesIO()
    render_certificates(pages, CentreInfo(), buffer)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    prepare_landscape_a4(printer)
    print_pdf(buffer.getvalue(), printer, dpi=100)
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height and round(width) in (841, 842)
