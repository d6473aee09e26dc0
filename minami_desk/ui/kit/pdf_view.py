"""The one PDF view: the document's real pages inside the program, with Print and Save.

pdfium (through pypdfium2, a dependency on every platform) draws each page as an image, so no
PDF viewer on the PC and no Qt PDF module is needed; the preview is the document itself, not
a look-alike. Printing paints the same pages at the printer's resolution, each on its own
sheet, so what comes out is exactly the checked PDF. Saving writes the bytes in one step,
readable by the owner only (documents carry names).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError
from minami_desk.i18n import _
from minami_desk.reports.output import write_atomically
from minami_desk.ui.widgets import show_error, show_exception

PAGE_GAP = 12  # pixels between pages
MIN_WIDTH = 320  # a page is never drawn narrower than this


# -- pages as images ------------------------------------------------------------------------
def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _image(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    bitmap = document[index].render(scale=scale, rev_byteorder=True)
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
    )
    return image.copy()  # own the pixels before pdfium frees its buffer


def render_page(data: bytes, index: int, dpi: float = 60) -> QImage:
    document = pdfium.PdfDocument(data)
    try:
        return _image(document, index, dpi / 72)
    finally:
        document.close()


def render_pages(data: bytes, width: int) -> list[QImage]:
    """Every page, ``width`` pixels wide (kept in proportion)."""
    document = pdfium.PdfDocument(data)
    try:
        images = []
        for index in range(len(document)):
            page_width = document[index].get_width() or 1
            images.append(_image(document, index, width / page_width))
        return images
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
            image = _image(document, index, dpi / 72)
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


# -- the view ---------------------------------------------------------------------------------
class PdfView(QWidget):
    """The pages one under the other, as wide as the view; Print… and Save as… under them.

    ``document`` names the document in Dutch for the buttons' accessible names ("de
    presentielijst"); ``file_name`` is what Save suggests. A screen that prints or saves in its
    own way (issuing certificates numbers them) hides the buttons with ``buttons=False``.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        accessible: str = "",
        file_name: str = "document.pdf",
        buttons: bool = True,
        landscape: bool = False,
    ) -> None:
        super().__init__(parent)
        self.data: bytes | None = None
        self.file_name = file_name
        self.landscape = landscape
        self.saved_to: Path | None = None
        self.pages: list[QLabel] = []
        self._drawn_width = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(accessible or _("Pages"))
        self.holder = QWidget(self.area)
        self.holder.setObjectName("pdfPages")
        self.pages_layout = QVBoxLayout(self.holder)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.placeholder = QLabel(self.holder)
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.pages_layout.addWidget(self.placeholder)
        self.area.setWidget(self.holder)
        layout.addWidget(self.area, 1)
        self.button_row = QHBoxLayout()
        self.print_button = QPushButton(_("&Print…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.setAccessibleName(_("Print"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(_("&Save as…"), self)
        self.save_button.setAccessibleName(_("Save as a PDF file"))
        self.save_button.clicked.connect(lambda: self.save_as())
        self.button_row.addWidget(self.print_button)
        self.button_row.addWidget(self.save_button)
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)
        for button in (self.print_button, self.save_button):
            button.setVisible(buttons)
            button.setEnabled(False)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(120)
        self._redraw.timeout.connect(self._draw)

    def add_button(self, text: str, accessible: str, handler: Callable[[], object]) -> QPushButton:
        """One more action beside Print and Save (before the stretch)."""
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda: handler())
        self.button_row.insertWidget(self.button_row.count() - 1, button)
        return button

    # -- the document -----------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> None:
        self.data = data
        self.placeholder.hide()
        self._drawn_width = 0
        self._draw()
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)

    def show_message(self, text: str) -> None:
        """No document (yet): say why instead of showing pages."""
        self.data = None
        self._clear_pages()
        self.placeholder.setText(text)
        self.placeholder.show()
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)

    def page_width(self) -> int:
        return max(MIN_WIDTH, self.area.viewport().width() - 2 * PAGE_GAP)

    def _clear_pages(self) -> None:
        for label in self.pages:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.pages = []

    def _draw(self) -> None:
        if self.data is None:
            return
        width = self.page_width()
        if width == self._drawn_width and self.pages:
            return
        self._drawn_width = width
        self._clear_pages()
        for number, image in enumerate(render_pages(self.data, width), start=1):
            label = QLabel(self.holder)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(_("Page {number}").format(number=number))
            self.pages_layout.addWidget(label)
            self.pages.append(label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.data is not None:
            self._redraw.start()  # once the resizing pauses: pages are not redrawn per pixel

    def scroll_to_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.area.ensureWidgetVisible(self.pages[index], 0, PAGE_GAP)

    # -- actions ----------------------------------------------------------------------------
    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Ask for the printer (unless given) and print every page; True when it was sent."""
        if self.data is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if self.landscape:
                prepare_landscape_a4(printer)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        try:
            print_pdf(self.data, printer)
        except UserError as error:
            show_exception(self, error)
            return False
        return True

    def save_as(self, path: Path | None = None) -> Path | None:
        """Ask where (unless given) and write the PDF there; the path written, or None."""
        if self.data is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Save as PDF"), self.file_name, _("PDF files (*.pdf)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self.data)
        except OSError as error:
            show_error(
                self, _("The file could not be saved: {reason}").format(reason=error.strerror or "")
            )
            return None
        self.saved_to = path
        return path
