"""The Rapportages section: pick a period, make the report in the background, save, print."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.ui.reports.section import ReportsSection
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.shell.tasks import wait_for_tasks


@pytest.fixture
def section(qtbot, paths: Paths, report_db: Database, admin: Actor):  # type: ignore[no-untyped-def]
    widget = ReportsSection(AppContext(paths=paths, db=report_db, actor=admin))
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    yield widget
    wait_for_tasks()


def _make(qtbot, section: ReportsSection) -> None:  # type: ignore[no-untyped-def]
    section.make_button.click()
    qtbot.waitUntil(lambda: section.made is not None, timeout=30000)


def test_defaults_to_the_month_just_ended_early_in_a_month(section: ReportsSection) -> None:
    # The clock stands at 2 December 2026: November is the month to report on.
    assert section.selected_period().code == "2026-11"
    assert not section.save_pdf_button.isEnabled()


def test_make_preview_save_and_print(qtbot, section: ReportsSection, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _make(qtbot, section)
    assert section.stack.currentWidget() is section.preview
    assert "Maandrapportage november 2026" in section.status.text()
    assert section.save_pdf_button.isEnabled() and section.print_button.isEnabled()
    shown = section.preview.browser.toPlainText()
    assert "Unieke deelnemers" in shown and "Bijeenkomsten per soort" in shown
    section.grab().save(str(tmp_path / "rapportages.png"))
    section.grab().save("/tmp/rapportages.png")

    pdf = section.save_pdf(tmp_path / "verslag")
    assert pdf == tmp_path / "verslag.pdf"
    assert "november 2026" in PdfReader(pdf).pages[0].extract_text()
    xlsx = section.save_xlsx(tmp_path / "verslag.xlsx")
    assert load_workbook(xlsx)["Kerncijfers"]["A2"].value == "Unieke deelnemers"
    opened = section.temporary_pdf()
    assert opened is not None and opened.read_bytes() == pdf.read_bytes()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    assert section.print_report(printer)
    printed = PdfReader(tmp_path / "afdruk.pdf")
    assert "Unieke deelnemers" in " ".join(printed.pages[0].extract_text().split())


def test_a_quarter_and_an_empty_year(qtbot, section: ReportsSection) -> None:  # type: ignore[no-untyped-def]
    section.kind.setCurrentIndex(section.kind.findData("quarter"))
    section.quarter.setCurrentIndex(3)
    assert section.month.isHidden() and not section.quarter.isHidden()
    assert section.selected_period().code == "2026-Q4"
    _make(qtbot, section)
    assert section.made is not None and section.made.report.period.code == "2026-Q4"
    section.made = None
    section.kind.setCurrentIndex(section.kind.findData("year"))
    section.year.setValue(2010)
    _make(qtbot, section)
    assert all(figure.value == 0 for figure in section.made.report.figures)


def test_volunteers_do_not_see_the_section(volunteer: Actor) -> None:
    from minami_desk.ui.shell import screens as registry

    keys = [spec.key for spec in registry.sections(volunteer)]
    assert "reports" not in keys


def test_every_control_has_an_accessible_name(section: ReportsSection) -> None:
    from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox

    controls = [
        *section.findChildren(QPushButton),
        *section.findChildren(QComboBox),
        *section.findChildren(QSpinBox),
    ]
    assert len(controls) >= 8
    for control in controls:
        assert control.accessibleName(), control.objectName() or control.text()
