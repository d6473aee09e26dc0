"""Rapportages: pick a month, quarter or year, make the report in the background, look at it,
save it as PDF and Excel, print it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import N_, _, format_month, format_time
from minami_desk.reports.output import write_atomically
from minami_desk.services.reporting import (
    MonthlyReport,
    Period,
    month,
    quarter,
    whole_year,
)
from minami_desk.ui.reports.preview import HAS_PDF_RENDERING, ReportPreview
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading, show_error, user_message

KINDS = (("month", N_("Month")), ("quarter", N_("Quarter")), ("year", N_("Year")))


@dataclass(frozen=True)
class MadeReport:
    """A report and its two documents, rendered off the UI thread."""

    report: MonthlyReport
    pdf: bytes
    xlsx: bytes
    made_at: datetime


def make_report(
    context: AppContext, period: Period, progress: Callable[[float], None] | None = None
) -> MadeReport:
    """Counting and rendering both run in the background; cancelling stops at the next step."""
    # Imported here, not at start-up: the PDF and Excel writers are heavy to load.
    from minami_desk.reports.monthly_pdf import render_monthly_pdf
    from minami_desk.reports.monthly_xlsx import render_monthly_xlsx
    from minami_desk.services.reporting import build_monthly_report

    def step(fraction: float) -> None:
        if progress is not None:
            progress(fraction)

    report = build_monthly_report(
        context.db, context.actor, period, progress=lambda f: step(f * 0.6)
    )
    pdf = render_monthly_pdf(report)
    step(0.9)
    xlsx = render_monthly_xlsx(report)
    step(1.0)
    return MadeReport(report, pdf, xlsx, clock.now())


def report_title(period: Period) -> str:
    from minami_desk.reports.monthly_pdf import report_title as title_of

    return title_of(period)


class ReportsSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.made: MadeReport | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(Heading(_("Reports"), self))
        intro = QLabel(
            _(
                "The report for the board and the municipality: figures, charts and stories "
                "of a month, a quarter or a year. It holds no names, phone numbers or addresses."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        outer.addWidget(intro)
        outer.addLayout(self._period_row())
        outer.addLayout(self._action_row())
        self.status = QLabel("", self)
        self.status.setObjectName("muted")
        outer.addWidget(self.status)
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(_("Choose a period and press Make report."), self.stack)
        self.preview = ReportPreview(self.stack)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.preview)
        outer.addWidget(self.stack, 1)
        self._set_default_period()
        self._update_buttons()

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind = QComboBox(self)
        for code, title in KINDS:
            self.kind.addItem(_(title), code)
        self.kind.setAccessibleName(_("Kind of period"))
        kind_label = QLabel(_("&Period:"), self)
        kind_label.setBuddy(self.kind)
        self.month = QComboBox(self)
        for number in range(1, 13):
            self.month.addItem(format_month(2000, number).split()[0], number)
        self.month.setAccessibleName(_("Month"))
        self.quarter = QComboBox(self)
        for number in range(1, 5):
            self.quarter.addItem(_("Quarter {number}").format(number=number), number)
        self.quarter.setAccessibleName(_("Quarter"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName(_("Year"))
        self.make_button = QPushButton(_("&Make report"), self)
        self.make_button.setObjectName("primary")
        self.make_button.setAccessibleName(_("Make report"))
        self.make_button.setToolTip(_("Counts the figures and makes the PDF and the Excel file"))
        self.make_button.clicked.connect(self.make)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for widget in (kind_label, self.kind, self.month, self.quarter, self.year):
            row.addWidget(widget)
        row.addWidget(self.make_button)
        row.addStretch(1)
        self.setTabOrder(self.kind, self.month)
        self.setTabOrder(self.month, self.quarter)
        self.setTabOrder(self.quarter, self.year)
        self.setTabOrder(self.year, self.make_button)
        return row

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_pdf_button = QPushButton(_("Save &PDF…"), self)
        self.save_pdf_button.setAccessibleName(_("Save PDF"))
        self.save_pdf_button.clicked.connect(lambda: self.save_pdf())
        self.save_xlsx_button = QPushButton(_("Save &Excel…"), self)
        self.save_xlsx_button.setAccessibleName(_("Save Excel file"))
        self.save_xlsx_button.clicked.connect(lambda: self.save_xlsx())
        self.open_button = QPushButton(_("&Open PDF"), self)
        self.open_button.setAccessibleName(_("Open PDF"))
        self.open_button.setToolTip(_("Opens the report in the computer's PDF viewer"))
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button = QPushButton(_("P&rint…"), self)
        self.print_button.setAccessibleName(_("Print report"))
        self.print_button.setToolTip(
            _("Prints the report")
            if HAS_PDF_RENDERING
            else _("Prints the figures and tables; open the PDF to print the charts too")
        )
        self.print_button.clicked.connect(self.print_report)
        for button in (
            self.save_pdf_button,
            self.save_xlsx_button,
            self.open_button,
            self.print_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _set_default_period(self) -> None:
        """Early in a month the month just ended, later the current one."""
        today = clock.today()
        period = month(today.year, today.month)
        if today.day <= 7:
            period = period.previous()
        self.year.setValue(period.year)
        self.month.setCurrentIndex(period.index - 1)
        self.quarter.setCurrentIndex((period.index - 1) // 3)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.month.setVisible(kind == "month")
        self.quarter.setVisible(kind == "quarter")

    def selected_period(self) -> Period:
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return month(year, self.month.currentData())
        if kind == "quarter":
            return quarter(year, self.quarter.currentData())
        return whole_year(year)

    def _update_buttons(self) -> None:
        for button in (
            self.save_pdf_button,
            self.save_xlsx_button,
            self.open_button,
            self.print_button,
        ):
            button.setEnabled(self.made is not None)

    def make(self) -> None:
        period = self.selected_period()
        context = self.context
        self.make_button.setEnabled(False)
        self.status.setText(_("Making the report for {period}…").format(period=period.label))

        def work(progress: Callable[[float], None]) -> MadeReport:
            return make_report(context, period, progress)

        context.run_task(
            work,
            self._made,
            self._failed,
            title=_("Making the report"),
            parent=self,
        )

    def _made(self, made: MadeReport) -> None:
        self.made = made
        self.make_button.setEnabled(True)
        self.preview.show_report(made.report, made.pdf)
        self.stack.setCurrentWidget(self.preview)
        self.status.setText(
            _("{title}, made at {time}.").format(
                title=report_title(made.report.period), time=format_time(made.made_at)
            )
        )
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.status.setText("")
        show_error(self, user_message(error))

    def _suggested_name(self, suffix: str) -> str:
        assert self.made is not None
        period = self.made.report.period
        return f"{report_title(period)}{suffix}".replace(" ", "-").lower()

    def save_pdf(self, path: Path | None = None) -> Path | None:
        return self._save(path, ".pdf", _("PDF files (*.pdf)"), lambda m: m.pdf)

    def save_xlsx(self, path: Path | None = None) -> Path | None:
        return self._save(path, ".xlsx", _("Excel files (*.xlsx)"), lambda m: m.xlsx)

    def _save(
        self,
        path: Path | None,
        suffix: str,
        filter_text: str,
        data: Callable[[MadeReport], bytes],
    ) -> Path | None:
        if self.made is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Save report"), self._suggested_name(suffix), filter_text
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        try:
            write_atomically(path, data(self.made))
        except OSError as error:
            show_error(
                self,
                _("The file could not be saved: {reason}").format(reason=error.strerror or ""),
            )
            return None
        self.status.setText(_("Saved: {file}").format(file=path.name))
        return path

    def temporary_pdf(self) -> Path | None:
        """The PDF in a temporary folder, for the system's viewer (which can also print it)."""
        if self.made is None:
            return None
        folder = Path(tempfile.gettempdir()) / "minami-desk-rapportages"
        folder.mkdir(exist_ok=True)
        path = folder / self._suggested_name(".pdf")
        write_atomically(path, self.made.pdf)
        return path

    def open_pdf(self) -> None:
        path = self.temporary_pdf()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_report(self, printer: QPrinter | None = None) -> bool:
        if self.made is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(report_title(self.made.report.period))
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(_("Print report"))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        self.preview.print_to(printer)
        return True

    def activated(self) -> None:
        """Nothing to refresh: a report is made on request, never behind the user's back."""
