"""Start-up of the window: language, single-instance lock, database, error hook, main window."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from minami_desk import APP_ID, APP_NAME, __version__, i18n
from minami_desk.config import Paths, load_pc_settings, resolve_paths, resource_path
from minami_desk.i18n import _
from minami_desk.logging_setup import configure_logging

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    from minami_desk.data.db import Database
    from minami_desk.services.actor import Actor
    from minami_desk.ui.backup.guard import StartCheck
    from minami_desk.ui.shell.data_loader import DataLoader
    from minami_desk.ui.shell.main_window import MainWindow

    # The database and its check at start, or the exit code when no window may open.
    Opened = tuple[Database, StartCheck | None] | int

log = logging.getLogger(__name__)


def _install_exception_hook() -> None:
    """An unexpected error is logged (traceback only) and told in Dutch; the window stays."""
    from minami_desk.ui.widgets import show_error

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        # Only the frames and the exception type: its message might hold what someone typed.
        frames = "".join(traceback.format_tb(tb))
        log.error("unexpected %s\n%s", kind.__name__, frames)
        show_error(
            None,
            _(
                "Something unexpected went wrong. What you had saved is safe. "
                "If this happens again, tell the administrator; the details are in the log file."
            ),
            _("Unexpected error"),
        )

    sys.excepthook = hook


def choose_language(paths: Paths, requested: str | None) -> str:
    stored = load_pc_settings(paths).get("language")
    return i18n.set_language(requested or (stored if isinstance(stored, str) else None))


def choose_theme(paths: Paths, requested: str | None) -> str:
    """``--theme``, else ``MINAMI_DESK_THEME``, else the PC setting, else "system"."""
    import os

    from minami_desk.ui.shell.style import THEME_ENV

    stored = load_pc_settings(paths).get("theme")
    chosen = requested or os.environ.get(THEME_ENV) or (stored if isinstance(stored, str) else None)
    return chosen or "system"


def install_qt_translations(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own dialogs (file, print, message boxes) in the interface language.

    Returns the installed translator (None for a language Qt has no catalog for), so a test
    can take it out again.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(i18n.ui_locale()))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(i18n.ui_locale()), "qtbase", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


def make_application(argv: list[str] | None = None, theme: str | None = None) -> QApplication:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # Fractional scaling (125 %, 150 %) as the system sets it, not rounded to whole steps.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Mi na Mi")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "minami-desk.png"))))
    from minami_desk.ui.shell import style

    style.set_theme(theme)
    style.apply_theme(app)
    if not getattr(app, "_follows_system_theme", False):
        style.follow_system_changes(app)
        app._follows_system_theme = True  # type: ignore[attr-defined]  # our mark: connect once
    return app


def build_window(
    paths: Paths,
    demo: bool = False,
    actor: Actor | None = None,
    db: Database | None = None,
    idle_timeout_ms: int | None = None,
) -> MainWindow:
    """The main window on an open database; used by ``run_gui`` and by the tests.

    Without ``actor`` the window works as an administrator nobody signed in as (the tests'
    default; there is then no idle lock, as nobody could unlock it). ``run_gui`` signs in first.
    """
    from minami_desk.data.store import open_database
    from minami_desk.services.actor import Actor
    from minami_desk.ui.shell.context import AppContext
    from minami_desk.ui.shell.main_window import MainWindow

    if db is None:
        db = open_database(paths)
    if actor is None:
        actor = Actor(staff_id=None, role="beheerder", via="ui")
    context = AppContext(paths=paths, db=db, actor=actor, demo=demo)
    return MainWindow(context, idle_timeout_ms=idle_timeout_ms)


def _sign_in(db: Database, demo: bool, parent: QWidget | None = None) -> Actor | None:
    """The demo opens as its coordinator; otherwise the person signs in (or creates the
    administrator on a fresh database). None when they cancel."""
    from minami_desk.services.accounts import ensure_demo_account

    if demo:
        return ensure_demo_account(db)
    from minami_desk.ui.shell.sign_in import sign_in_at_start

    return sign_in_at_start(db, parent)


def start_window(paths: Paths, demo: bool = False, actor: Actor | None = None) -> MainWindow | int:
    """Everything from the check at start to the shown window: open (and, when due, migrate)
    the database, check it, sign in, fill the window.

    ``run_gui`` and the start-up benchmark both come through here. Returns the shown window,
    or the exit code (an int) when no window opens. Expects the single-instance lock to be
    held.

    The window's frame shows at once, covered until someone signed in, while the data layer
    is imported and the database opened on a background thread (``DataLoader``); the sign-in
    dialog sits on the covered window and waits for the database only when "Aanmelden" is
    pressed. ``actor`` skips the sign-in (tests that need no password).
    """
    from minami_desk.services.actor import Actor as _Actor
    from minami_desk.ui.shell import desk_lock
    from minami_desk.ui.shell.data_loader import DataLoader

    loader = DataLoader(paths, demo, start=False)
    if actor is not None:
        return _start_frame(paths, demo, actor, loader)
    # Who is at the desk is not known yet: the frame is built for the narrowest role and
    # rebuilt for the person who signs in; the cover hides it until then.
    window = _frame(paths, demo, _Actor(staff_id=None, role="vrijwilliger", via="ui"))
    desk_lock.cover_until_signed_in(window)
    window.show()
    loader.start()
    from minami_desk.ui.backup.guard import install_auto_backup, offer_restore

    while True:
        if demo:
            opened = _open(loader, window)
            signed_in = None if isinstance(opened, int) else _sign_in(opened[0], demo, window)
        else:
            opened, signed_in = _sign_in_while_loading(paths, loader, window)
        if isinstance(opened, int):
            window.close()
            return opened
        db, check = opened
        if check is not None and check.damaged:
            # The verdict came while signing in; nothing was written. Offer the backup,
            # then open the restored file and sign in on it.
            check.handled = True
            result = check.wait()
            db.dispose()
            if result is None or not offer_restore(paths, result, window):
                window.close()
                return 1
            loader = DataLoader(paths, demo)
            continue
        if signed_in is None:
            if check is not None:
                check.cancel()
            db.dispose()
            window.close()
            return 0
        break
    window.switch_actor(signed_in)
    window.attach_database(db)
    desk_lock.uncover_signed_in(window)
    install_auto_backup(window.context)
    if check is not None:
        window.start_check = check
        check.attach(window.context)
    return window


class _SignInClosed(Exception):
    """The sign-in dialog was closed while signing in: the data layer found a reason (a
    database without any account yet, or one that cannot be opened)."""


def _sign_in_while_loading(
    paths: Paths, loader: DataLoader, parent: QWidget | None = None
) -> tuple[Opened, Actor | None]:
    """The sign-in dialog while the data layer still loads: the database (as ``_open`` gives
    it) and who signed in (None: cancelled). Pressing "Aanmelden" waits for the data layer
    with a busy cursor. A new database (the migration creates it) or one without any account
    yet gets the "create the administrator" dialog, which needs the database first."""
    from minami_desk.ui.shell.sign_in import SignInDialog, sign_in_at_start

    if loader.done or not paths.database.exists():
        opened = _open(loader, parent)
        if isinstance(opened, int):
            return opened, None
        return opened, sign_in_at_start(opened[0], parent)
    state: dict[str, Opened | bool] = {}

    def arrived() -> None:
        from minami_desk.services.accounts import needs_first_admin

        opened = _open(loader, parent)
        state["opened"] = opened
        if "over" in state:  # cancelled before the data layer was there
            return
        if isinstance(opened, int) or needs_first_admin(opened[0]):
            state["closed"] = True
            dialog.reject()

    def sign_in(name: str, password: str) -> Actor:
        from minami_desk.services.accounts import sign_in as check_password

        loader.wait()
        loader.deliver()
        opened = state["opened"]
        if state.get("closed") or isinstance(opened, int):
            raise _SignInClosed
        return check_password(opened[0], name, password)

    dialog = SignInDialog(None, parent, sign_in=sign_in)
    loader.when_done(arrived)
    accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
    state["over"] = True
    loader.wait()
    loader.deliver()
    opened = state["opened"]
    if isinstance(opened, int):
        return opened, None
    if state.get("closed"):  # nobody can sign in yet: the first administrator
        return opened, sign_in_at_start(opened[0], parent)
    return opened, dialog.actor if accepted else None


def _open(loader: DataLoader, parent: QWidget | None = None) -> Opened:
    """The loader's database and check, or the exit code when no window may open (the user
    was told why)."""
    from minami_desk.data.migrate import MigrationFailedError, SchemaTooNewError
    from minami_desk.ui.widgets import show_error

    try:
        opened = loader.opened()
    except SchemaTooNewError:
        show_error(
            parent,
            _("This database was made by a newer version of Mi na Mi Desk. Install that version."),
        )
        return 1
    except MigrationFailedError as error:
        show_error(
            parent,
            _(
                "Updating the database failed. Nothing was lost: a copy from "
                "before the update is at {path}"
            ).format(path=error.backup_path),
        )
        return 1
    if opened is None:
        return 1
    return opened


def _frame(paths: Paths, demo: bool, actor: Actor) -> MainWindow:
    """The window without a database yet: it holds its screens back until ``attach_database``."""
    from minami_desk.ui.shell.context import AppContext
    from minami_desk.ui.shell.main_window import MainWindow

    context = AppContext(paths=paths, db=None, actor=actor, demo=demo)  # type: ignore[arg-type]  # db comes with attach_database
    return MainWindow(context)


def _start_frame(paths: Paths, demo: bool, actor: Actor, loader: DataLoader) -> MainWindow:
    """The window's frame on screen now for a known ``actor``; its screens once the data
    layer is there."""
    window = _frame(paths, demo, actor)
    context = window.context
    window.show()
    loader.start()

    def arrived() -> None:
        from minami_desk.ui.backup.guard import install_auto_backup

        opened = _open(loader)
        if isinstance(opened, int):
            window.close()
            return
        db, check = opened
        window.attach_database(db)
        install_auto_backup(context)
        if check is not None:
            window.start_check = check
            check.attach(context)

    loader.when_done(arrived)
    return window


def _already_open(paths: Paths) -> int:
    """A second start on this data dir: the open window comes forward and this start ends
    (0); only when that fails does the desk read why nothing opened (1)."""
    from minami_desk.cli.common import already_open_message
    from minami_desk.ui.shell.front_door import has_screen, knock
    from minami_desk.ui.widgets import show_error

    if knock(paths):
        log.info("second start: the open window was brought forward")
        return 0
    print(already_open_message(), file=sys.stderr)
    if has_screen():
        show_error(None, already_open_message(), APP_NAME)
    return 1


def run_gui(
    paths: Paths, demo: bool = False, language: str | None = None, theme: str | None = None
) -> int:
    demo_dir: Path | None = None
    if demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="minami-desk-demo-"))
        real_paths = paths
        paths = resolve_paths(demo_dir)
        paths = Paths(
            data_dir=paths.data_dir, log_dir=paths.log_dir, config_dir=real_paths.config_dir
        )
    paths.ensure()
    configure_logging(paths, "window")
    language = choose_language(paths, language)
    app = make_application(theme=choose_theme(paths, theme))
    install_qt_translations(app, language)
    from minami_desk.data.lock import AlreadyOpenError, InstanceLock

    lock = InstanceLock(paths.lock_file)
    try:
        lock.acquire()
    except AlreadyOpenError:
        return _already_open(paths)
    from minami_desk.ui.shell.front_door import FrontDoor

    door = FrontDoor(paths)
    if not door.open():
        log.warning("no local socket for a second start to knock on")
    try:
        if demo:
            from minami_desk.services.demo import make_demo_database

            make_demo_database(paths)
        window = start_window(paths, demo=demo)
        if isinstance(window, int):
            return window
        _install_exception_hook()
        log.info("window opened (version %s)", __version__)
        code = app.exec()
        from minami_desk.ui.backup.guard import backup_on_close
        from minami_desk.ui.shell.tasks import wait_for_tasks

        if window.start_check is not None:
            window.start_check.cancel()
        wait_for_tasks()
        window.context.db.dispose()
        # The closing backup only reads (a consistent snapshot), and on a large database it
        # takes a while: let a new window start meanwhile instead of saying "already open".
        door.close()
        lock.release()
        backup_on_close(window.context)
        return int(code)
    finally:
        door.close()
        lock.release()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
