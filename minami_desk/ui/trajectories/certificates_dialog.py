"""Certificates for a ceremony: pick the period, check the list and the preview, save or print.

The preview numbers nothing. Saving or printing issues the certificates: a first print gets its
number, a reprint keeps it and is counted. Rendering runs off the UI thread.
"""

from __future__ import annotations

import io
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.errors import UserError
from minami_desk.i18n import _
from minami_desk.reports.certificate import render_certificates, write_certificates_pdf
from minami_desk.services.settings import get_setting
from minami_desk.services.trajectories.certificates import (
    DEFAULT_PLACE,
    PLACE_KEY,
    CertificateBatch,
    issue_certificates,
    preview_certificates,
)
from minami_desk.services.trajectories.queries import completed_summaries
from minami_desk.ui.kit.date_field import DateField, to_date
from minami_desk.ui.kit.form_row import add_row
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.trajectories.pdf_pages import prepare_landscape_a4, print_pdf, render_page
from minami_desk.ui.widgets import show_exception


def _pdf_bytes(batch: CertificateBatch) -> bytes:
    buffer = io.BytesIO()
    render_certificates(batch.pages, batch.centre, buffer)
    return buffer.getvalue()


class CertificatesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview_pdf: bytes | None = None
        self.last_pdf: bytes | None = None
        self._generation = 0
        self.setWindowTitle(_("Certificates for the ceremony"))
        self.resize(980, 620)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        form = QFormLayout()
        today = clock.today()
        self.date_from = DateField(self, _("Completed from"), date(today.year, today.month, 1))
        self.date_from.setToolTip(_("First day of the period in which the trajectories ended"))
        add_row(form, _("Completed &from"), self.date_from)
        self.date_to = DateField(self, _("Completed up to"), today)
        self.date_to.setToolTip(_("Last day of the period in which the trajectories ended"))
        add_row(form, _("Completed &up to"), self.date_to)
        self.ceremony = DateField(self, _("Date of the ceremony"), today)
        self.ceremony.setToolTip(_("Printed on every certificate"))
        add_row(form, _("&Ceremony on"), self.ceremony)
        self.place = QLineEdit(str(get_setting(context.db, PLACE_KEY, DEFAULT_PLACE)), self)
        self.place.setAccessibleName(_("Place of the ceremony"))
        self.place.setToolTip(_("Printed on every certificate, for example Amsterdam Zuidoost"))
        add_row(form, _("&Place"), self.place)
        left.addLayout(form)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Participants"))
        self.list.setToolTip(_("Untick anyone who will not be at this ceremony"))
        self.list.currentRowChanged.connect(self._show_page)
        participants = QLabel(_("Partic&ipants (untick to leave out):"), self)
        participants.setBuddy(self.list)
        left.addWidget(participants)
        left.addWidget(self.list, 1)
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        left.addWidget(self.count)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("&Save as PDF…"), self)
        self.save_button.setAccessibleName(_("Save the certificates as a PDF file"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(_("P&rint…"), self)
        self.print_button.setObjectName("primary")
        self.print_button.setAccessibleName(_("Print the certificates"))
        self.print_button.clicked.connect(self.print_)
        close = QPushButton(_("Close"), self)
        close.setAccessibleName(_("Close"))
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        left.addLayout(buttons)
        outer.addLayout(left, 2)
        self.preview = QLabel(_("Preview"), self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(520, 370)
        self.preview.setAccessibleName(_("Preview of the certificate"))
        outer.addWidget(self.preview, 3)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.ceremony.dateChanged.connect(self._invalidate)
        self.place.editingFinished.connect(self._invalidate)
        self.list.itemChanged.connect(lambda _item: self._invalidate())
        self.refresh()

    # -- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            summaries = completed_summaries(
                self.context.db,
                self.context.actor,
                to_date(self.date_from.date()),
                to_date(self.date_to.date()),
            )
        except UserError as error:
            show_exception(self, error)
            return
        self.list.blockSignals(True)
        self.list.clear()
        for summary in summaries:
            item = QListWidgetItem(summary.resident_name)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._invalidate()

    def chosen(self) -> list[int]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _invalidate(self) -> None:
        chosen = self.chosen()
        self.count.setText(_("Certificates to print: {count}").format(count=len(chosen)))
        self.save_button.setEnabled(bool(chosen))
        self.print_button.setEnabled(bool(chosen))
        self.preview_pdf = None
        self._generation += 1
        generation = self._generation
        if not chosen:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(
                _("No completed trajectories in this period. Choose other dates at the top left.")
            )
            return
        ids, ceremony, place = chosen, to_date(self.ceremony.date()), self.place.text()

        def build() -> bytes:
            batch = preview_certificates(self.context.db, self.context.actor, ids, ceremony, place)
            return _pdf_bytes(batch)

        self.context.run_task(
            build, lambda data: self._preview_ready(generation, data), parent=self
        )

    def _preview_ready(self, generation: int, data: bytes) -> None:
        if generation != self._generation:
            return  # an older request, overtaken by a newer choice
        self.preview_pdf = data
        self._show_page(max(0, self.list.currentRow()))

    def _show_page(self, row: int) -> None:
        if self.preview_pdf is None or row < 0:
            return
        chosen = self.chosen()
        item = self.list.item(row)
        trajectory_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if trajectory_id not in chosen:
            return
        image = render_page(self.preview_pdf, chosen.index(trajectory_id), dpi=96)
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    # -- issuing --------------------------------------------------------------------------
    def _issue(self, write, on_done, title: str) -> None:  # type: ignore[no-untyped-def]
        ids, ceremony, place = self.chosen(), to_date(self.ceremony.date()), self.place.text()

        def work() -> CertificateBatch:
            return issue_certificates(
                self.context.db, self.context.actor, ids, write, ceremony, place
            )

        def done(batch: CertificateBatch) -> None:
            self.context.bus.changed.emit("trajectory")
            on_done(batch)

        self.context.run_task(work, done, lambda error: show_exception(self, error), title, self)

    def save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save certificates"), _("certificates.pdf"), _("PDF files (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        from pathlib import Path

        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")

        def write(batch: CertificateBatch) -> None:
            write_certificates_pdf(batch.pages, batch.centre, target)

        def done(batch: CertificateBatch) -> None:
            self.context.bus.status_message.emit(
                _("Certificates saved: {count}").format(count=len(batch.pages))
            )

        self._issue(write, done, _("Saving certificates…"))

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_landscape_a4(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def write(batch: CertificateBatch) -> None:
            self.last_pdf = _pdf_bytes(batch)

        def done(batch: CertificateBatch) -> None:
            try:
                if self.last_pdf is not None:
                    print_pdf(self.last_pdf, printer)
            except UserError as error:
                show_exception(self, error)
                return
            self.context.bus.status_message.emit(
                _("Certificates sent to the printer: {count}").format(count=len(batch.pages))
            )

        self._issue(write, done, _("Preparing the certificates…"))
