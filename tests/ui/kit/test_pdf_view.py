"""The kit's PDF view: the real pages drawn in the program, printed and saved as they are."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minami_desk.ui.kit.pdf_view import PdfView, page_count
from tests.file_modes import assert_owner_only


def two_pages() -> bytes:
    """A small real PDF: two A4 pages with a heading each."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in (1, 2):
        pdf.setFont("Helvetica-Bold", 28)
        pdf.drawString(72, 760, f"Presentielijst — blad {number}")
        pdf.setFont("Helvetica", 14)
        for row in range(12):
            pdf.drawString(72, 700 - row * 30, f"{row + 1}. Bewoner {row + 1:02d}")
            pdf.rect(420, 694 - row * 30, 14, 14)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _view(qtbot, **options: object) -> PdfView:  # type: ignore[no-untyped-def]
    view = PdfView(None, "Voorbeeld van de presentielijst", "presentielijst.pdf", **options)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_real_pages_are_drawn_as_wide_as_the_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a PDF view with no document yet
    view = _view(qtbot)
    view.show_message("Nog geen presentielijst.")
    assert not view.print_button.isEnabled() and not view.save_button.isEnabled()
    # WHEN a two-page PDF is shown
    data = two_pages()
    view.set_pdf(data)
    # THEN both pages are drawn, in A4 proportion, fitting the view, with Print and Save on
    assert page_count(data) == 2
    assert [label.accessibleName() for label in view.pages] == ["Pagina 1", "Pagina 2"]
    pixmap = view.pages[0].pixmap()
    assert pixmap.width() == view.page_width()
    assert abs(pixmap.height() / pixmap.width() - 297 / 210) < 0.01
    assert not pixmap.toImage().isNull()
    assert view.print_button.isEnabled() and view.save_button.isEnabled()
    assert view.print_button.text() == "&Afdrukken…"
    qtbot.wait(50)  # let the layout place the pages before the screenshot
    view.grab().save("/tmp/kit_pdf_view.png")


def test_a_wider_view_redraws_the_pages_wider(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a shown document
    view = _view(qtbot)
    view.set_pdf(two_pages())
    before = view.pages[0].pixmap().width()
    # WHEN the view is made wider
    view.resize(1000, 800)
    qtbot.waitUntil(lambda: view.pages and view.pages[0].pixmap().width() > before, timeout=3000)
    # THEN the pages follow the new width
    assert view.pages[0].pixmap().width() == view.page_width()


def test_save_writes_the_same_bytes_readable_by_the_owner_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a shown document
    view = _view(qtbot)
    data = two_pages()
    view.set_pdf(data)
    # WHEN it is saved under a name without .pdf
    saved = view.save_as(tmp_path / "lijst")
    # THEN the file is the PDF itself, named .pdf, and only its owner may read it
    assert saved == tmp_path / "lijst.pdf"
    assert saved.read_bytes() == data
    assert_owner_only(saved)


def test_print_puts_every_page_on_its_own_sheet(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a shown document and Qt's PDF printer standing in for the desk's printer
    view = _view(qtbot)
    view.set_pdf(two_pages())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    # WHEN it is printed
    assert view.print_document(printer)
    # THEN both pages came out, each on its own sheet
    assert len(PdfReader(out).pages) == 2


def test_a_screen_with_its_own_actions_hides_the_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a view for a screen that issues (numbers) what it prints
    view = _view(qtbot, buttons=False)
    view.set_pdf(two_pages())
    # THEN the pages show, the view's own buttons do not
    assert len(view.pages) == 2
    assert not view.print_button.isVisible() and not view.save_button.isVisible()
