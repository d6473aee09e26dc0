"""The main window: a sidebar of sections, the global search, menus and a status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
from minami_desk.ui import registry
from minami_desk.ui.context import AppContext

log = logging.getLogger(__name__)

MENU_TITLES = {
    "file": N_("&File"),
    "view": N_("&View"),
    "admin": N_("&Administration"),
    "help": N_("&Help"),
}


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.window = self
        self.setWindowTitle(APP_NAME + (" — " + _("demo") if context.demo else ""))
        self.setMinimumSize(960, 620)
        self._section_keys: list[str] = []
        self._build_search_bar()
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self._install_navigation()
        context.bus.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._restore_geometry()

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
        self.global_search.textEdited.connect(
            lambda text: self.context.navigator.open("global_search", text=text, enter=False)
        )
        self.global_search.returnPressed.connect(
            lambda: self.context.navigator.open(
                "global_search", text=self.global_search.text(), enter=True
            )
        )
        bar.addWidget(self.global_search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        shortcut.activated.connect(self.focus_search)

    def focus_search(self) -> None:
        self.global_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.global_search.selectAll()

    def _build_body(self) -> None:
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
        for _module, spec in registry.sections(self.context.actor):
            widget = spec.create(self.context)
            widget.setObjectName(f"section_{spec.key}")
            page = QWidget(self.stack)
            page_layout = QHBoxLayout(page)
            page_layout.setContentsMargins(16, 12, 16, 12)
            page_layout.addWidget(widget)
            self.stack.addWidget(page)
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _(spec.title))
            self.sidebar.addItem(item)
            self._section_keys.append(spec.key)
        self.sidebar.currentRowChanged.connect(self._show_row)
        if self._section_keys:
            self.sidebar.setCurrentRow(0)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        widget = self.section_widget(self._section_keys[row])
        if widget is not None and hasattr(widget, "activated"):
            widget.activated()

    def section_widget(self, key: str) -> QWidget | None:
        if key not in self._section_keys:
            return None
        page = self.stack.widget(self._section_keys.index(key))
        return page.findChild(QWidget, f"section_{key}")

    @property
    def section_keys(self) -> list[str]:
        return list(self._section_keys)

    def show_section(self, key: str) -> QWidget | None:
        if key not in self._section_keys:
            return None
        self.sidebar.setCurrentRow(self._section_keys.index(key))
        return self.section_widget(key)

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for key, title in MENU_TITLES.items():
            menus[key] = self.menuBar().addMenu(_(title))
        for index, key in enumerate(self._section_keys[:9]):
            spec_title = self.sidebar.item(index).text()
            action = QAction(spec_title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_section(k))
            menus["view"].addAction(action)
        menus["view"].addSeparator()
        previous_menu = ""
        for spec in registry.actions(self.context.actor):
            menu = menus.get(spec.menu, menus["file"])
            if spec.menu == previous_menu and spec.order % 100 == 0:
                menu.addSeparator()
            previous_menu = spec.menu
            action = QAction(_(spec.text), self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.tooltip:
                action.setToolTip(_(spec.tooltip))
            action.triggered.connect(lambda _checked=False, s=spec: s.trigger(self.context))
            menu.addAction(action)
        menus["file"].addSeparator()
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menus["file"].addAction(quit_action)
        for menu in menus.values():
            if menu.isEmpty():
                menu.menuAction().setVisible(False)
        self.menus = menus

    def _build_status_bar(self) -> None:
        role = {
            "beheerder": _("administrator"),
            "medewerker": _("staff member"),
            "vrijwilliger": _("volunteer"),
        }.get(self.context.actor.role, "")
        who = QLabel(_("Signed in as: {role}").format(role=role), self)
        who.setObjectName("muted")
        self.statusBar().addPermanentWidget(who)
        if self.context.demo:
            badge = QLabel(_("DEMO — fictional data, nothing is kept"), self)
            badge.setObjectName("muted")
            self.statusBar().addPermanentWidget(badge)

    def _install_navigation(self) -> None:
        navigator = self.context.navigator
        for key in self._section_keys:
            navigator.register(f"section:{key}", lambda k=key: self.show_section(k))
        for module, _spec in registry.sections(self.context.actor):
            install = getattr(module, "install", None)
            if install is not None:
                install(self.context)

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
        settings = self._settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("state", self.saveState())
        settings.sync()
        super().closeEvent(event)
