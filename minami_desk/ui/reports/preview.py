"""Showing and printing a finished report inside the window.

With Qt's PDF module (not part of every PySide6 build) the real pages are rendered; without
it the preview shows the figures and breakdowns as tables, and printing prints those. Either
way the saved PDF, opened in the system's viewer, is the document itself.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPixmap, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from minami_desk.i18n import PRINT_LOCALE, _, format_number
from minami_desk.services.reporting import Breakdown, MonthlyReport
from minami_desk.ui.shell.style import LIGHT

try:  # PySide6-Essentials ships without QtPdf on some platforms
    from PySide6.QtPdf import QPdfDocument

    HAS_PDF_RENDERING = True
except ImportError:  # pragma: no cover - depends on the installed Qt
    HAS_PDF_RENDERING = False
PREVIEW_WIDTH = 760


def _number(value: float, decimals: int = 0) -> str:
    return format_number(value, decimals, locale=PRINT_LOCALE)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(
        f'<th align="{"left" if index == 0 else "right"}">{escape(text)}</th>'
        for index, text in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td align="{"left" if index == 0 else "right"}">{escape(text)}</td>'
            for index, text in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    # The header row keeps its own light colours with dark text: the same HTML is printed.
    return (
        '<table cellspacing="0" cellpadding="4" border="0" width="98%">'
        f'<tr style="background:{LIGHT["table_head"]}; color:{LIGHT["text"]}">{head}</tr>'
        f"{body}</table>"
    )


def _breakdown(breakdown: Breakdown) -> str:
    rows = list(breakdown.rows) + ([breakdown.total] if breakdown.total else [])
    cells = [
        [row.label]
        + [_number(value, breakdown.decimals_of(i)) for i, value in enumerate(row.values)]
        for row in rows
    ]
    return f"<h3>{escape(breakdown.title)}</h3>" + _table(list(breakdown.columns), cells)


def report_html(report: MonthlyReport) -> str:
    """The report's figures as simple HTML; labels and breakdowns are the document's own."""
    figures = [
        [
            figure.label,
            _number(figure.value, figure.decimals),
            _number(figure.previous, figure.decimals),
            _number(figure.last_year, figure.decimals),
        ]
        for figure in report.figures
    ]
    parts = [
        f"<h1>{escape(report.centre.name)} — {escape(report.period.label)}</h1>",
        "<h2>" + escape(_("Key figures")) + "</h2>",
        _table(
            [_("Figure"), report.period.label, report.previous.label, report.last_year.label],
            figures,
        ),
        *(_breakdown(item) for item in report.breakdowns),
    ]
    if report.outcomes:
        rows = [
            [item.label, _number(item.intake, 1), _number(item.final, 1)]
            for item in report.outcomes
        ]
        parts += [
            "<h3>" + escape(_("Self-assessment at the start and at the end")) + "</h3>",
            _table([_("Goal"), _("At the start"), _("At the end")], rows),
        ]
    return "<html><body>" + "".join(parts) + "</body></html>"


class ReportPreview(QWidget):
    """The pages of the PDF when Qt can render them, else the figures as tables."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages_holder = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages_holder)
        self.pages_layout.setSpacing(12)
        self.pages_scroll = QScrollArea(self)
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setWidget(self.pages_holder)
        self.pages_scroll.setAccessibleName(_("Report pages"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("Report figures"))
        self.hint = QLabel(
            _("A preview of the figures; the charts and stories are in the PDF (Open PDF)."),
            self,
        )
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages_scroll)
        layout.addWidget(self.browser)
        self.pages_scroll.setVisible(HAS_PDF_RENDERING)
        self.browser.setVisible(not HAS_PDF_RENDERING)
        self.hint.setVisible(not HAS_PDF_RENDERING)
        # The rendered document with the buffer and bytes it reads from (kept alive together).
        self._document: tuple[QPdfDocument, QBuffer, QByteArray] | None = None
        self._html = ""

    def show_report(self, report: MonthlyReport, pdf: bytes) -> None:
        self._html = report_html(report)
        self.browser.setHtml(self._html)
        if HAS_PDF_RENDERING:
            self._show_pages(pdf)

    def _show_pages(self, pdf: bytes) -> None:  # pragma: no cover - needs QtPdf
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            shown = item.widget() if item is not None else None
            if shown is not None:
                shown.deleteLater()
        data = QByteArray(pdf)
        buffer = QBuffer(data, self)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        self._document = (document, buffer, data)
        for page in range(document.pageCount()):
            size = document.pagePointSize(page)
            height = int(PREVIEW_WIDTH * size.height() / size.width())
            image = document.render(page, QSize(PREVIEW_WIDTH, height))
            label = QLabel(self.pages_holder)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(_("Page {number}").format(number=page + 1))
            self.pages_layout.addWidget(label)

    def print_to(self, printer: QPrinter) -> None:
        """Print the pages when they can be rendered, else the figures' tables."""
        if HAS_PDF_RENDERING and self._document is not None:  # pragma: no cover - needs QtPdf
            self._print_pages(printer)
            return
        document = QTextDocument()
        document.setHtml(self._html)
        document.print_(printer)

    def _print_pages(self, printer: QPrinter) -> None:  # pragma: no cover - needs QtPdf
        if self._document is None:
            return
        document = self._document[0]
        painter = QPainter(printer)
        try:
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image_size = QSize(int(size.width() * scale), int(size.height() * scale))
                image: QImage = document.render(page, image_size)
                painter.drawImage(QRectF(0, 0, image_size.width(), image_size.height()), image)
        finally:
            painter.end()
