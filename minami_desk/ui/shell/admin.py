"""Beheer: the centre's settings and lists, the pages of ``screens.ADMIN_PAGES``."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from minami_desk.i18n import _
from minami_desk.ui.shell import screens
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading


class AdminSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(Heading(_("Administration"), self))
        row = QHBoxLayout()
        self.pages_list = QListWidget(self)
        self.pages_list.setAccessibleName(_("Administration pages"))
        self.pages_list.setMaximumWidth(220)
        self.stack = QStackedWidget(self)
        row.addWidget(self.pages_list)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.page_keys: list[str] = []
        for spec in screens.admin_pages(context.actor):
            page = spec.create(context)
            page.setObjectName(f"admin_{spec.key}")
            self.stack.addWidget(page)
            self.pages_list.addItem(_(spec.title))
            self.page_keys.append(spec.key)
        self.pages_list.currentRowChanged.connect(self._show)
        if self.page_keys:
            self.pages_list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.stack.widget(row)
        if page is not None and hasattr(page, "activated"):
            page.activated()

    def show_page(self, key: str) -> QWidget | None:
        if key not in self.page_keys:
            return None
        self.pages_list.setCurrentRow(self.page_keys.index(key))
        return self.stack.currentWidget()

    def activated(self) -> None:
        self._show(self.pages_list.currentRow())
