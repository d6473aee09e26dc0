"""The window's side of data safety: the check at start, and automatic backups while open
and on closing (the work itself is in ``services.startup`` and ``services.auto_backup``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from minami_desk.config import Paths
from minami_desk.i18n import _, format_date, format_time
from minami_desk.services import clock
from minami_desk.services.actor import Actor
from minami_desk.services.auto_backup import auto_backup_on_close, maybe_auto_backup
from minami_desk.services.restore import restore_database_file
from minami_desk.services.startup import startup_check
from minami_desk.ui import backup_dialogs, tasks
from minami_desk.ui.context import AppContext
from minami_desk.ui.widgets import confirm, show_error, show_exception, show_info

log = logging.getLogger(__name__)

# The service decides whether a backup is due (30 minutes, and only after changes); the
# timer merely asks often enough that "due" is noticed soon.
CHECK_EVERY_MS = 5 * 60 * 1000


def check_at_start(paths: Paths, parent: QWidget | None = None) -> bool:
    """True when the window may open. On a damaged database nothing is written unless the
    user chooses to restore the newest sound automatic backup."""
    result = startup_check(paths)
    if result.ok:
        return True
    kept = _("A copy of the damaged file is kept at:\n{path}").format(path=result.corrupt_copy)
    backup = result.suggested_backup
    if backup is None:
        show_error(
            parent,
            _(
                "The database is damaged and there is no automatic backup to go back to. "
                "Nothing has been changed. Restore a backup file with "
                "'minami-desk restore FILE', or ask the administrator for help."
            )
            + "\n\n"
            + kept,
            _("Database damaged"),
        )
        return False
    moment = clock.local(backup.created_at)
    question = (
        _(
            "The database is damaged. The newest good automatic backup is from {date} at "
            "{time}. Restore it? Work done after that moment is not in it."
        ).format(date=format_date(moment.date()), time=format_time(moment))
        + "\n\n"
        + kept
    )
    if not confirm(parent, question, _("&Restore"), _("Database damaged")):
        show_info(
            parent,
            _("Mi na Mi Desk closes without changing anything.") + "\n\n" + kept,
            _("Database damaged"),
        )
        return False
    try:
        restore_database_file(paths, backup.path, Actor.system())
    except Exception as error:
        show_exception(parent, error)
        return False
    return True


def install_auto_backup(context: AppContext) -> QTimer | None:
    if context.demo:
        return None  # a throw-away database needs no backups
    timer = QTimer(context.window)
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(lambda: backup_if_due(context))
    timer.start()
    return timer


def backup_if_due(context: AppContext) -> None:
    if backup_dialogs.restoring:
        return
    paths = context.paths

    def done(made: object) -> None:
        if made is not None:
            context.bus.changed.emit("backups")

    tasks.run_task(None, lambda: maybe_auto_backup(paths), on_done=done, on_error=_log_only)


def backup_on_close(context: AppContext) -> None:
    """After the window's tasks ended and its connections closed."""
    if not context.demo:
        auto_backup_on_close(context.paths)


def _log_only(error: BaseException) -> None:
    log.error("automatic backup task failed: %s", type(error).__name__)
