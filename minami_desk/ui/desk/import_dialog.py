"""Importing residents with a dry run first, and exporting them; both off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _, ngettext
from minami_desk.services.exports_residents import export_residents
from minami_desk.services.imports import ImportReport, import_residents, report_lines
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception, show_info


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.report: ImportReport | None = None
        self.setWindowTitle(_("Import residents"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Choose a CSV or Excel file with a header row (Voornaam, Achternaam, …). "
                "First the file is checked; nothing is stored until you press Import, and then "
                "all rows or none."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setAccessibleName(_("File to import"))
        self.path.setToolTip(_("A .csv or .xlsx file; type its path or choose it"))
        browse = QPushButton(_("&Choose file…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._choose)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Result of the check, per row"))
        self.details.setToolTip(_("Read only: what the check found, row by row"))
        self.details.setPlaceholderText(
            _("Choose a file and press Check: what would be imported appears here, row by row.")
        )
        layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(_("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.check_button = QPushButton(_("C&heck"), self)
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(_("&Import"), self)
        self.import_button.setObjectName("primary")
        self.import_button.setAutoDefault(False)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        for button in (close, self.check_button, self.import_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.path.textChanged.connect(lambda _text: self.import_button.setEnabled(False))

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a file"), "", _("Spreadsheets (*.csv *.xlsx)")
        )
        if path:
            self.path.setText(path)
            self.check()

    def _run(self, dry_run: bool) -> None:
        path = Path(self.path.text().strip())
        db, actor = self.context.db, self.context.actor

        def work(progress):  # type: ignore[no-untyped-def]
            return import_residents(db, actor, path, dry_run=dry_run, progress=progress)

        self.context.run_task(
            work,
            self._show_report,
            lambda error: show_exception(self, error),
            title=_("Checking the file…") if dry_run else _("Importing…"),
            parent=self,
        )

    def check(self) -> None:
        self._run(dry_run=True)

    def run_import(self) -> None:
        self._run(dry_run=False)

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        self.details.setPlainText("\n".join(report_lines(report)))
        if report.faulty:
            self.summary.setText(
                ngettext(
                    "{count} row has errors; nothing was imported.",
                    "{count} rows have errors; nothing was imported.",
                    len(report.faulty),
                ).format(count=len(report.faulty))
                + " "
                + _("Correct the file and check again.")
            )
            self.import_button.setEnabled(False)
        elif report.dry_run:
            ready = report.valid_rows - len(report.duplicates)
            self.summary.setText(
                _("All rows are in order: {count} residents can be imported.").format(count=ready)
            )
            self.import_button.setEnabled(ready > 0)
        else:
            self.summary.setText(
                ngettext(
                    "{count} resident imported.", "{count} residents imported.", report.imported
                ).format(count=report.imported)
            )
            self.import_button.setEnabled(False)
            self.context.bus.changed.emit("resident")


def export_residents_dialog(context: AppContext, parent: QWidget | None = None) -> None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Export residents"), "bewoners.xlsx", _("Excel (*.xlsx);;CSV (*.csv)")
    )
    if not path:
        return
    target = Path(path)
    if target.suffix.lower() not in (".csv", ".xlsx"):
        target = target.with_suffix(".xlsx")
    db, actor = context.db, context.actor
    context.run_task(
        lambda: export_residents(db, actor, target),
        lambda count: show_info(
            parent,
            ngettext(
                "{count} resident exported to {path}.",
                "{count} residents exported to {path}.",
                count,
            ).format(count=count, path=target),
        ),
        title=_("Exporting…"),
        parent=parent,
    )
