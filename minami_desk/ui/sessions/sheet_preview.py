"""The presentielijst from the window: made off the UI thread, previewed, saved and printed.

Preview shows the PDF's pages when Qt's PDF module is installed; PySide6-Essentials lacks
it, so then the system's PDF viewer opens the file. Printing asks for the printer with Qt's
print dialog and hands the PDF to the system's print queue, so what comes out of the printer
is exactly the checked PDF, fonts and all.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _, pgettext
from minami_desk.services.sessions.export import save_attendance_sheet
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_error, show_exception

KEEP_SECONDS = 24 * 3600


def sheet_folder(context: AppContext) -> Path:
    """Inside the data folder, not the shared temp folder: the sheets carry names.

    Sheets older than a day are removed whenever a new one is made.
    """
    folder = context.paths.data_dir / "presentielijsten"
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - KEEP_SECONDS
    for old in folder.glob("*.pdf"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()
    return folder


def open_attendance_sheet(context: AppContext, session_id: int, parent: QWidget) -> None:
    """Make the PDF in the background, then show what can be done with it."""
    out = sheet_folder(context) / f"presentielijst-{session_id}.pdf"

    def make() -> Path:
        return save_attendance_sheet(context.db, context.actor, session_id, out)

    context.run_task(
        make,
        on_done=lambda path: SheetDialog(path, parent).open(),
        on_error=lambda error: show_exception(parent, error),
        title=_("Making the attendance sheet…"),
        parent=parent,
    )


def _pdf_view(path: Path, parent: QWidget) -> QWidget | None:
    """Qt's own PDF view, when this PySide6 has it (the full PySide6, not Essentials)."""
    try:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView
    except ImportError:
        return None
    document = QPdfDocument(parent)
    document.load(str(path))
    view = QPdfView(parent)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    view.setAccessibleName(_("Preview of the attendance sheet"))
    return view


class SheetDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(_("Attendance sheet"))
        layout = QVBoxLayout(self)
        view = _pdf_view(path, self)
        if view is not None:
            self.resize(760, 900)
            layout.addWidget(view, 1)
        else:
            layout.addWidget(
                QLabel(_("The attendance sheet is ready. Open it to look at it, or print it."))
            )
        buttons = QHBoxLayout()
        for text, name, handler in (
            (_("&Open"), _("Open the attendance sheet in the PDF viewer"), self.open_file),
            (_("&Print…"), _("Print the attendance sheet"), self.print_sheet),
            (
                pgettext("Alt+S taken", "&Save as…"),
                _("Save the attendance sheet as a PDF file"),
                self.save_as,
            ),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(_("&Close"), self)
        close.setAccessibleName(_("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.print_button = buttons.itemAt(1).widget()
        self.print_button.setFocus()

    def open_file(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            show_error(self, _("No program to show PDF files was found on this computer."))

    def save_as(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Save the attendance sheet"), self.path.name, _("PDF files (*.pdf)")
        )
        if target:
            try:
                shutil.copyfile(self.path, target)
            except OSError as error:
                show_error(
                    self, _("The file could not be saved: {reason}").format(reason=error.strerror)
                )

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the attendance sheet"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not send_to_printer(self.path, printer.printerName(), printer.copyCount()):
            show_error(
                self,
                _("The sheet could not be sent to the printer. Open it and print from the viewer."),
            )


def send_to_printer(path: Path, printer_name: str, copies: int = 1) -> bool:
    """Hand the PDF to the system's print queue (CUPS ``lp``; Windows' own print verb)."""
    if sys.platform == "win32":
        import os

        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    lp = shutil.which("lp")
    if lp is None:
        return False
    command = [lp, "-n", str(max(1, copies))]
    if printer_name:
        command += ["-d", printer_name]
    result = subprocess.run([*command, str(path)], capture_output=True, check=False)
    return result.returncode == 0
