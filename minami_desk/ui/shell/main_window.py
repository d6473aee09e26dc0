"""The main window: a sidebar of sections, the global search, menus and a status bar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from minami_desk import APP_NAME
from minami_desk.i18n import N_, _
from minami_desk.services.actor import Actor, role_label
from minami_desk.ui.shell import desk_lock, screens
from minami_desk.ui.shell.context import AppContext, EventBus, Navigator
from minami_desk.ui.shell.idle_lock import Cover, IdleWatcher, LockDialog
from minami_desk.ui.shell.screens import ActionSpec, SectionSpec

if TYPE_CHECKING:
    from minami_desk.services.database import Database
    from minami_desk.ui.backup.guard import StartCheck

log = logging.getLogger(__name__)

MENU_TITLES = {
    "file": N_("&File"),
    "view": N_("&View"),
    "admin": N_("&Administration"),
    "help": N_("&Help"),
}


def focus_into(section: QWidget) -> None:
    """Put the focus inside ``section`` unless it is there already: on what the section names
    as its start (``focus_first()``), else on its first widget that takes Tab."""
    current = QApplication.focusWidget()
    if current is not None and section.isAncestorOf(current):
        return
    first = getattr(section, "focus_first", None)
    if callable(first):
        first()
        return
    widget = section.nextInFocusChain()
    while widget is not None and widget is not section:
        if (
            section.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()


class MainWindow(QMainWindow):
    # The start-up integrity check running in the background (``backup.guard.StartCheck``),
    # when this window was opened by ``app.start_window``.
    start_check: StartCheck | None = None
    # Emitted once the data layer is attached (the start-up benchmark waits for it).
    data_attached = Signal()

    def __init__(self, context: AppContext, idle_timeout_ms: int | None = None) -> None:
        super().__init__()
        self.context = context
        context.window = self
        # False while the data layer is still being loaded (``app.start_window`` shows the
        # frame first): the screens are made, and the search runs, once it is there.
        self.data_ready = context.db is not None
        self._queued_search: tuple[str, bool] | None = None
        self._placeholders: dict[str, QLabel] = {}
        self.setWindowTitle(APP_NAME + (" — " + _("demo") if context.demo else ""))
        self.setMinimumSize(960, 620)
        self._section_keys: list[str] = []
        self._menu_actions: list[QAction] = []
        self.is_locked = False
        self._signed_out = False
        self.idle: IdleWatcher | None = None
        self.lock_dialog: LockDialog | None = None
        self._covers: list[Cover] = []
        self._focus_before_lock: QWidget | None = None
        self._build_search_bar()
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self._install_navigation()
        self._connect_bus()
        self._restore_geometry()
        self._idle_timeout_ms = idle_timeout_ms
        if self.data_ready:
            desk_lock.start_idle_lock(self, idle_timeout_ms)
        else:
            self.statusBar().showMessage(_("Opening…"))

    def attach_database(self, db: Database) -> None:
        """The data layer is there: make the current screen, register the screens' navigation
        and run what was typed in the search meanwhile."""
        self.context.db = db
        self.data_ready = True
        self.statusBar().clearMessage()
        for action in self._data_actions:
            action.setEnabled(not self.is_locked)
        self._install_module_hooks()
        desk_lock.start_idle_lock(self, self._idle_timeout_ms)
        self._show_row(self.sidebar.currentRow())
        queued, self._queued_search = self._queued_search, None
        if queued is not None and queued[0].strip():
            self._search(queued[0], queued[1])
        self.data_attached.emit()

    def _search(self, text: str, enter: bool) -> None:
        if not self.data_ready:
            self._queued_search = (text, enter)
            return
        self.context.navigator.open("global_search", text=text, enter=enter)

    def _connect_bus(self) -> None:
        self.context.bus.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )

    # -- layout ---------------------------------------------------------------------------
    def _build_search_bar(self) -> None:
        bar = QToolBar(_("Search"), self)
        bar.setObjectName("searchBar")
        bar.setMovable(False)
        self.global_search = QLineEdit(bar)
        self.global_search.setObjectName("globalSearch")
        self.global_search.setPlaceholderText(
            _("Find a resident: name, phone, resident number or postcode (Ctrl+K)")
        )
        self.global_search.setAccessibleName(_("Find a resident"))
        self.global_search.setToolTip(
            _("Type a few letters of a name, a phone number, a resident number or a postcode")
        )
        self.global_search.setClearButtonEnabled(True)
        self.global_search.setMinimumWidth(420)
        self.global_search.textEdited.connect(lambda text: self._search(text, False))
        self.global_search.returnPressed.connect(
            lambda: self._search(self.global_search.text(), True)
        )
        self.global_search.installEventFilter(self)
        bar.addWidget(self.global_search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.search_bar = bar
        self.search_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        self.search_shortcut.activated.connect(self.focus_search)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search field moves into the list of hits, as in Bewoners itself."""
        if (
            watched is self.global_search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            text = self.global_search.text()
            if self.data_ready:  # before that there are no hits to move into
                self.context.navigator.open("global_search", text=text, results=True)
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.global_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.global_search.selectAll()

    def _build_body(self) -> None:
        """The sidebar lists every section; a section's widget is made on its first visit.

        Building every section up front meant every one of them reading its data before the
        window could show: seconds on ten years of data for screens nobody had asked for yet.
        """
        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget(body)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(_("Sections"))
        self.sidebar.setFixedWidth(200)
        self.stack = QStackedWidget(body)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._sections = screens.sections(self.context.actor)
        self._specs: dict[str, SectionSpec] = {}
        self._pages: dict[str, QWidget] = {}
        self._widgets: dict[str, QWidget] = {}
        for spec in self._sections:
            page = QWidget(self.stack)
            page.setObjectName(f"page_{spec.key}")
            page_layout = QHBoxLayout(page)
            page_layout.setContentsMargins(16, 12, 16, 12)
            if not self.data_ready:
                waiting = QLabel(_("Loading…"), page)
                waiting.setObjectName("muted")
                waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
                page_layout.addWidget(waiting)
                self._placeholders[spec.key] = waiting
            self.stack.addWidget(page)
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _(spec.title))
            self.sidebar.addItem(item)
            self._section_keys.append(spec.key)
            self._specs[spec.key] = spec
            self._pages[spec.key] = page
        self._fit_sidebar()
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.sidebar.itemActivated.connect(
            lambda item: self.show_section(self._section_keys[self.sidebar.row(item)], focus=True)
        )
        if self._section_keys:
            self.sidebar.setCurrentRow(0)

    def _fit_sidebar(self) -> None:
        """Wide enough for the longest title in the font in use (the system's size, 11 pt)."""
        self.sidebar.ensurePolished()
        metrics = self.sidebar.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.sidebar.item(row).text())
                for row in range(self.sidebar.count())
            ),
            default=0,
        )
        # Item padding and margin from the stylesheet (14 + 6 px a side), plus the frame.
        self.sidebar.setFixedWidth(max(200, widest + 2 * (14 + 6) + 16))

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        widget = self.section_widget(self._section_keys[row])
        self.stack.setCurrentIndex(row)
        if widget is not None and hasattr(widget, "activated"):
            widget.activated()

    def section_widget(self, key: str) -> QWidget | None:
        """The section's widget, made now if nobody visited the section yet (None when the
        signed-in role has no such section, or while the data layer is still loading)."""
        if key not in self._specs:
            return None
        widget = self._widgets.get(key)
        if widget is None:
            if not self.data_ready:
                return None
            waiting = self._placeholders.pop(key, None)
            if waiting is not None:
                waiting.deleteLater()
            widget = self._specs[key].create(self.context)
            widget.setObjectName(f"section_{key}")
            self._pages[key].layout().addWidget(widget)
            self._widgets[key] = widget
        return widget

    def section_created(self, key: str) -> bool:
        """Whether the section's widget exists yet (for tests and the start-up benchmark)."""
        return key in self._widgets

    @property
    def section_keys(self) -> list[str]:
        return list(self._section_keys)

    def show_section(self, key: str, focus: bool = False) -> QWidget | None:
        """``focus``: the keys go on inside the section (Ctrl+1…9, Enter in the sidebar)."""
        if key not in self._section_keys:
            return None
        widget = self.section_widget(key)
        self.sidebar.setCurrentRow(self._section_keys.index(key))
        if focus and widget is not None:
            focus_into(widget)
        return widget

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        self._data_actions: list[QAction] = []
        for key, title in MENU_TITLES.items():
            menus[key] = self.menuBar().addMenu(_(title))
        for index, key in enumerate(self._section_keys[:9]):
            spec_title = self.sidebar.item(index).text()
            action = QAction(spec_title, self)
            self._menu_actions.append(action)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_section(k, focus=True))
            menus["view"].addAction(action)
        menus["view"].addSeparator()
        for menu_key, items in screens.menus(self.context.actor).items():
            menu = menus.get(menu_key, menus["file"])
            for spec in items:
                if isinstance(spec, ActionSpec):
                    self._add_action(menu, spec)
                else:
                    menu.addSeparator()
        menus["file"].addSeparator()
        quit_action = QAction(_("&Quit"), self)
        self._menu_actions.append(quit_action)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menus["file"].addAction(quit_action)
        for menu in menus.values():
            if menu.isEmpty():
                menu.menuAction().setVisible(False)
        self.menus = menus

    def _add_action(self, menu: QMenu, spec: ActionSpec) -> None:
        action = QAction(_(spec.text), self)
        self._menu_actions.append(action)
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tooltip:
            action.setToolTip(_(spec.tooltip))
        action.triggered.connect(lambda _checked=False, s=spec: s.trigger(self.context))
        # The screens' actions need the data layer; until it is there they are greyed.
        action.setEnabled(self.data_ready)
        self._data_actions.append(action)
        menu.addAction(action)

    def _build_status_bar(self) -> None:
        self.who_label = QLabel(self)
        self.who_label.setObjectName("muted")
        self.statusBar().addPermanentWidget(self.who_label)
        self._show_who()
        if self.context.demo:
            badge = QLabel(_("DEMO — fictional data, nothing is kept"), self)
            badge.setObjectName("muted")
            self.statusBar().addPermanentWidget(badge)

    def _install_navigation(self) -> None:
        navigator = self.context.navigator
        for key in self._section_keys:
            navigator.register(f"section:{key}", lambda k=key: self.show_section(k))
        if self.data_ready:
            self._install_module_hooks()

    def _install_module_hooks(self) -> None:
        """The screens' own navigation targets; they load the screens' modules, so they wait
        for the data layer."""
        for target in screens.installers(self.context.actor):
            screens.resolve(target)(self.context)

    def _show_who(self) -> None:
        actor = self.context.actor
        role = role_label(actor.role)
        if actor.name:
            text = _("Signed in: {name} ({role})").format(name=actor.name, role=role)
        else:
            text = _("Signed in as: {role}").format(role=role)
        self.who_label.setText(text)
        self.who_label.setAccessibleName(text)

    def switch_actor(self, actor: Actor) -> None:
        """Rebuild everything that depends on the role for ``actor``; the database stays open."""
        self.context.actor = actor
        self.context.navigator = Navigator()
        self.context.bus = EventBus()
        for action in self._menu_actions:
            action.deleteLater()
        self._menu_actions = []
        self.menuBar().clear()
        for menu in self.menus.values():
            menu.deleteLater()
        self._section_keys = []
        self._build_body()
        self._build_menus()
        self._install_navigation()
        self._connect_bus()
        self._show_who()
        if self.data_ready:  # else ``attach_database`` starts it (the idle time is a setting)
            desk_lock.start_idle_lock(
                self, self.idle.timer.interval() if self.idle is not None else None
            )

    def lock(self) -> None:
        """Cover the window with the sign-in screen (``desk_lock``)."""
        desk_lock.lock(self)

    def unlock(self, actor: Actor) -> None:
        """Hand the window back to the same person or over to the next (``desk_lock``)."""
        desk_lock.unlock(self, actor)

    # -- state ----------------------------------------------------------------------------
    def _settings(self) -> QSettings:
        self.context.paths.config_dir.mkdir(parents=True, exist_ok=True)
        return QSettings(
            str(self.context.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )

    def _restore_geometry(self) -> None:
        settings = self._settings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        state = settings.value("state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.idle is not None:
            self.idle.stop()
        if not self._signed_out and self.data_ready:
            self._signed_out = True
            try:
                from minami_desk.services import accounts

                accounts.sign_out(self.context.db, self.context.actor)
            except Exception:  # closing must never fail on the audit row
                log.exception("could not record signing out")
        settings = self._settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("state", self.saveState())
        settings.sync()
        super().closeEvent(event)
