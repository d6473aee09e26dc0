"""Bestand → Back-up maken / terugzetten: the dialogs, and running the work off the UI thread.

Restoring replaces the database under the window's feet, so the window first lets running
tasks end and closes its connections; afterwards it opens the (new or unchanged) file again
and tells every screen to reload.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _
from minami_desk.services.backup import (
    MIN_PASSPHRASE_LENGTH,
    BackupResult,
    create_backup,
    format_size,
    passphrase_strength,
)
from minami_desk.services.database import open_database
from minami_desk.services.restore import RestoreResult, is_plain_database, restore_backup
from minami_desk.ui.kit.form_row import FormErrorLabel
from minami_desk.ui.shell import tasks
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import confirm, show_exception, show_info

FILE_FILTER = "Mi na Mi back-up (*.mnb)"
RELOAD_KINDS = (
    "resident",
    "contact",
    "session",
    "session_kind",
    "trajectory",
    "referral",
    "organisation",
    "staff",
    "settings",
    "story",
)
SUFFIX = ".mnb"


def default_backup_name(day: date) -> str:
    return f"minami-desk-backup-{day.isoformat()}{SUFFIX}"


class BackupDialog(QDialog):
    """Where to write, and the passphrase twice with a hint how strong it is."""

    def __init__(self, parent: QWidget | None, suggested: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Make a backup"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The backup file is encrypted with a passphrase. Keep the passphrase apart from "
                "the file (for example with the treasurer): without it nobody can open the "
                "backup, not even us."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(str(suggested), self)
        self.file_edit.setAccessibleName(_("Backup file"))
        self.file_edit.setToolTip(
            _("Where the backup is saved, for example on the board's USB stick")
        )
        browse = QPushButton(_("&Choose…"), self)
        browse.setAccessibleName(_("Choose where to save the backup"))
        browse.clicked.connect(self._choose)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        file_label = QLabel(_("&File"), self)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.setToolTip(
            _("At least {count} characters; several unrelated words work best.").format(
                count=MIN_PASSPHRASE_LENGTH
            )
        )
        form.addRow(_("&Passphrase"), self.passphrase)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(_("Passphrase again"))
        self.repeat.setToolTip(_("Type the passphrase once more, to rule out a typing error"))
        form.addRow(_("&Again"), self.repeat)
        self.strength_bar = QProgressBar(self)
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_bar.setAccessibleName(_("Strength of the passphrase"))
        self.strength = QLabel(self)
        self.strength.setObjectName("muted")
        strength_box = QVBoxLayout()
        strength_box.addWidget(self.strength_bar)
        strength_box.addWidget(self.strength)
        form.addRow(_("Strength"), strength_box)
        layout.addLayout(form)
        self.error = FormErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            _("&Make backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("primary")
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(self._update_strength)
        self._update_strength("")
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the backup as"), self.file_edit.text(), FILE_FILTER
        )
        if path:
            if not path.endswith(SUFFIX):
                path += SUFFIX
            self.file_edit.setText(path)

    def _update_strength(self, text: str) -> None:
        score, hint = passphrase_strength(text)
        self.strength_bar.setValue(score)
        self.strength.setText(hint)

    def _accept(self) -> None:
        if not self.file_edit.text().strip():
            self.error.show_message(_("Choose where to save the backup."))
            return
        if len(self.passphrase.text()) < MIN_PASSPHRASE_LENGTH:
            self.error.show_message(
                _("The passphrase needs at least {count} characters.").format(
                    count=MIN_PASSPHRASE_LENGTH
                )
            )
            return
        if self.passphrase.text() != self.repeat.text():
            self.error.show_message(_("The two passphrases are not the same."))
            return
        self.error.clear_message()
        self.accept()

    @property
    def target(self) -> Path:
        return Path(self.file_edit.text().strip())


def make_backup(context: AppContext) -> None:
    from minami_desk.clock import today

    suggested = Path.home() / default_backup_name(today())
    dialog = BackupDialog(context.window, suggested)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    target, passphrase = dialog.target, dialog.passphrase.text()
    db, actor = context.db, context.actor

    def work(progress: Callable[[float], None]) -> BackupResult:
        return create_backup(db, target, passphrase, actor, progress=progress)

    def done(result: BackupResult) -> None:
        show_info(
            context.window,
            _("The backup is saved and checked:\n{file}\n({size})").format(
                file=result.path, size=format_size(result.size)
            ),
            _("Backup made"),
        )
        context.bus.status_message.emit(_("Backup made."))

    context.run_task(work, on_done=done, title=_("Making the backup…"))


def restore_from_file(context: AppContext) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        context.window,
        _("Choose a backup to restore"),
        str(Path.home()),
        FILE_FILTER + ";;" + _("All files (*)"),
    )
    if not path:
        return
    source = Path(path)
    passphrase = ""
    if not is_plain_database(source):
        passphrase, ok = QInputDialog.getText(
            context.window,
            _("Restore a backup"),
            _("Passphrase of this backup:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
    if not confirm_restore(context.window):
        return
    actor = context.actor
    restore_in_window(
        context,
        lambda progress: restore_backup(
            context.paths, source, passphrase, actor, progress=progress
        ),
    )


def confirm_restore(parent: QWidget | None) -> bool:
    return confirm(
        parent,
        _(
            "All data in Mi na Mi Desk will be replaced by the contents of the backup. "
            "The current data is saved first as a copy in the backup folder. Continue?"
        ),
        _("&Restore"),
        _("Restore a backup"),
    )


def restore_in_window(context: AppContext, work: Callable[..., RestoreResult]) -> None:
    """Close the window's connections, restore off the UI thread, then open the file again."""
    tasks.wait_for_tasks()
    context.db.dispose()
    restoring.append(True)

    def reopen() -> None:
        restoring.clear()
        context.db.dispose()  # a connection opened meanwhile may still see the old file
        context.db = open_database(context.paths)
        # Every screen listens for the kinds of record it shows; after a restore all changed.
        for what in ("database", *RELOAD_KINDS):
            context.bus.changed.emit(what)

    def done(result: RestoreResult | None) -> None:
        reopen()
        if result is None:  # cancelled before the swap: nothing changed
            context.bus.status_message.emit(_("Restoring was stopped; nothing has changed."))
            return
        message = _("The backup is restored.")
        if result.safety_copy is not None:
            message += "\n" + _("The data as it was before is kept at:\n{path}").format(
                path=result.safety_copy
            )
        show_info(context.window, message, _("Backup restored"))
        context.bus.status_message.emit(_("Backup restored."))

    def failed(error: BaseException) -> None:
        reopen()
        show_exception(context.window, error)

    def run(progress: Callable[[float], None]) -> Any:
        try:
            return work(progress)
        except tasks.TaskCancelled:
            return None

    context.run_task(run, on_done=done, on_error=failed, title=_("Restoring the backup…"))


# Non-empty while a restore runs: the automatic backup timer waits meanwhile.
restoring: list[bool] = []
