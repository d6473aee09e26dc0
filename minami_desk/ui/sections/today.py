"""Vandaag: the home section. Panels from ``ui/today`` fill it, in their order."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from minami_desk.i18n import N_, _, format_date
from minami_desk.services.clock import today
from minami_desk.ui import registry
from minami_desk.ui.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading


class TodaySection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = Heading("", self)
        outer.addWidget(self.heading)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget(scroll)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.panels: list[QWidget] = []
        specs = registry.today_panels(context.actor)
        for index, spec in enumerate(specs):
            panel = spec.create(context)
            panel.setObjectName(f"today_{spec.key}")
            self.panels.append(panel)
            if index == 0:
                grid.addWidget(panel, 0, 0, 1, 2)
            else:
                row, column = divmod(index - 1, 2)
                grid.addWidget(panel, row + 1, column)
        if not specs:
            grid.addWidget(EmptyState(_("Nothing to show yet."), holder), 0, 0)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self._refresh_heading()

    def _refresh_heading(self) -> None:
        self.heading.setText(_("Today, {date}").format(date=format_date(today(), "full")))

    def activated(self) -> None:
        self._refresh_heading()
        for panel in self.panels:
            if hasattr(panel, "activated"):
                panel.activated()


SECTION = registry.SectionSpec(key="today", title=N_("Today"), order=10, create=TodaySection)
