"""Showing and printing a PDF made by the reports, without a PDF viewer on the PC.

pdfium (through pypdfium2) draws each page as an image; Qt shows it in the preview or paints
it on the printer's page at the printer's resolution, so what prints is exactly the PDF.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from minami_desk.errors import UserError
from minami_desk.i18n import _


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
    )
    return image.copy()  # own the pixels before pdfium frees its buffer


def render_page(data: bytes, index: int, dpi: float = 60) -> QImage:
    document = pdfium.PdfDocument(data)
    try:
        return _image(document, index, dpi)
    finally:
        document.close()


def prepare_landscape_a4(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)


def print_pdf(data: bytes, printer: QPrinter, dpi: float = 200) -> None:
    """Every page of ``data`` on its own sheet, scaled to the sheet and kept in proportion."""
    document = pdfium.PdfDocument(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise UserError(_("The printer could not be started. Check that it is on."))
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = _image(document, index, dpi)
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(target.x(), target.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
            painter.setWindow(QRect(0, 0, target.width(), target.height()))
    finally:
        if painter.isActive():
            painter.end()
        document.close()
