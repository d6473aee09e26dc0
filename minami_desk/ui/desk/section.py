"""Bewoners: the searchable list of residents, and each resident's page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _
from minami_desk.services.actor import Permission
from minami_desk.ui.desk.search import ResidentSearch
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading


class ResidentsSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        list_page = QWidget(self.stack)
        layout = QVBoxLayout(list_page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(Heading(_("Residents"), list_page), 1)
        new = QPushButton(_("&New resident"), list_page)
        new.setObjectName("primary")
        new.setAccessibleName(_("Register a new resident"))
        new.setToolTip(_("Register a new resident (Ctrl+N)"))
        new.clicked.connect(self.register_new)
        new.setVisible(context.actor.can(Permission.REGISTER_RESIDENTS))
        top.addWidget(new)
        if context.actor.can(Permission.IMPORT_EXPORT):
            imported = QPushButton(_("&Import…"), list_page)
            imported.setAccessibleName(_("Import residents from a CSV or Excel file"))
            imported.clicked.connect(self.import_file)
            exported = QPushButton(_("E&xport…"), list_page)
            exported.setAccessibleName(_("Export residents to a CSV or Excel file"))
            exported.clicked.connect(self.export_file)
            top.addWidget(imported)
            top.addWidget(exported)
        layout.addLayout(top)
        self.search = ResidentSearch(context, list_page, list_all=True)
        self.search.opened.connect(self.open_resident)
        layout.addWidget(self.search, 1)
        self.archived = QCheckBox(_("Also show &archived residents"), list_page)
        self.archived.setAccessibleName(_("Also show archived residents"))
        self.archived.toggled.connect(self._toggle_archived)
        layout.addWidget(self.archived)
        self.stack.addWidget(list_page)
        from minami_desk.ui.desk.resident_page import ResidentPage  # on the first visit

        self.page = ResidentPage(context, self.stack)
        self.page.back.connect(self.show_list)
        self.stack.addWidget(self.page)
        self._loaded = False
        self.keep_focus = False
        context.bus.changed.connect(self._changed)

    def activated(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.search.refresh()
        if self.stack.currentIndex() == 0 and not self.keep_focus:
            self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, what: str) -> None:
        if what == "resident" and self._loaded:
            self.search.refresh()

    def _toggle_archived(self, on: bool) -> None:
        self.search.model.include_archived = on
        self.search.refresh()

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_resident(self, resident_id: int) -> None:
        self.context.navigator.open("resident", resident_id)

    def show_resident(self, resident_id: int) -> None:
        self.page.show_resident(resident_id)
        self.stack.setCurrentWidget(self.page)

    def find(self, text: str, enter: bool = False, results: bool = False) -> None:
        self._loaded = True
        self.stack.setCurrentIndex(0)
        self.search.search(text)
        if enter:
            self.search.open_first()
        elif results:
            self.search.focus_results()

    def register_new(self) -> None:
        from minami_desk.ui.desk.registration_dialog import register_new

        register_new(self.context, self, search_text=self.search.field.text())

    def import_file(self) -> None:
        from minami_desk.ui.desk.import_dialog import ImportDialog

        ImportDialog(self.context, self).exec()

    def export_file(self) -> None:
        from minami_desk.ui.desk.import_dialog import export_residents_dialog

        export_residents_dialog(self.context, self)


def _section(context: AppContext, keep_focus: bool = False) -> ResidentsSection | None:
    """Switch to Bewoners; ``keep_focus`` leaves the focus where the user is typing."""
    window: Any = context.window
    if window is None:
        return None
    widget = window.section_widget("residents")
    if not isinstance(widget, ResidentsSection):
        return None
    widget.keep_focus = keep_focus
    window.show_section("residents")
    widget.keep_focus = False
    return widget


def open_resident_page(context: AppContext, resident_id: int) -> None:
    section = _section(context)
    if section is not None:
        section.show_resident(resident_id)


def global_search(
    context: AppContext, text: str = "", enter: bool = False, results: bool = False
) -> None:
    """The window's search field (Ctrl+K): results in Bewoners; Enter opens the first hit,
    Down (``results``) moves into the list of hits."""
    section = _section(context, keep_focus=True)
    if section is not None:
        section.find(text, enter, results)


def install(context: AppContext) -> None:
    context.navigator.register("resident", lambda rid, **_extra: open_resident_page(context, rid))
    context.navigator.register("global_search", lambda **extra: global_search(context, **extra))
    context.navigator.register(
        "register_resident", lambda **extra: _register_resident(context, **extra)
    )


def _register_resident(context: AppContext, **extra: Any) -> int | None:
    """For other features (the attendance screen's "not found? register"): the new resident's id."""
    from minami_desk.ui.desk.registration_dialog import register_new

    return register_new(context, **extra)
