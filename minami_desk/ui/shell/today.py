"""Vandaag: the home section. The panels of ``screens.TODAY_PANELS`` fill it, in their order."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from minami_desk.clock import today
from minami_desk.i18n import _, format_date
from minami_desk.ui.shell import screens
from minami_desk.ui.shell.context import AppContext
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
        # The first panel (search and quick actions) spans the width; the others stack in two
        # columns, each panel at its natural height, so one tall panel leaves no holes.
        rows = QVBoxLayout(holder)
        rows.setContentsMargins(0, 0, 8, 0)
        rows.setSpacing(12)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        column_layouts = [QVBoxLayout(), QVBoxLayout()]
        for column in column_layouts:
            column.setSpacing(12)
            columns.addLayout(column, 1)
        self.panels: list[QWidget] = []
        specs = screens.today_panels(context.actor)
        for index, spec in enumerate(specs):
            panel = spec.create(context)
            panel.setObjectName(f"today_{spec.key}")
            self.panels.append(panel)
            if index == 0:
                rows.addWidget(panel)
            else:
                column_layouts[(index - 1) % 2].addWidget(panel)
        for column in column_layouts:
            column.addStretch(1)
        rows.addLayout(columns, 1)
        if not specs:
            rows.addWidget(EmptyState(_("Nothing to show yet."), holder))
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
