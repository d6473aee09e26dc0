"""Bijeenkomsten: the week view and the list, planning, cancelling, and taking attendance."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from minami_desk.clock import today
from minami_desk.i18n import _, format_date
from minami_desk.services.actor import Permission
from minami_desk.services.sessions.kinds import list_kinds
from minami_desk.services.sessions.planning import cancel_session, restore_session
from minami_desk.services.sessions.queries import (
    list_facilitators,
    session_summary,
    sessions_between,
    week_sessions,
)
from minami_desk.ui.sessions.list_view import SessionList
from minami_desk.ui.sessions.plan_dialog import PlanDialog
from minami_desk.ui.sessions.week_view import WeekView
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, confirm, show_exception


class SessionsSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.monday = today() - timedelta(days=today().weekday())
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(Heading(_("Sessions"), self))
        top.addStretch(1)
        self.week_label = QLabel(self)
        self.week_label.setObjectName("subheading")
        top.addWidget(self.week_label)
        layout.addLayout(top)

        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip, handler in (
            ("previous", _("◀ &Previous week"), _("Page Up"), lambda: self.step_week(-1)),
            ("this", _("This &week"), _("Go back to this week"), self.this_week),
            ("next", _("&Next week ▶"), _("Page Down"), lambda: self.step_week(1)),
            ("attendance", _("&Attendance"), _("Enter"), self.open_current),
            ("plan", _("&Plan…"), _("Ctrl+Shift+N"), self.plan),
            ("edit", _("&Change…"), "", self.edit_current),
            ("cancel", _("Ca&ncel or restore…"), "", self.toggle_cancel),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text.replace("&", "").strip("◀▶ "))
            if tip:
                button.setToolTip(tip)
            button.clicked.connect(handler)
            self.buttons[key] = button
            bar.addWidget(button)
            if key == "next":
                bar.addStretch(1)
        can_manage = context.actor.can(Permission.MANAGE_SESSIONS)
        for key in ("plan", "edit", "cancel"):
            self.buttons[key].setVisible(can_manage)
        self.buttons["plan"].setObjectName("primary")
        layout.addLayout(bar)

        self.tabs = QTabWidget(self)
        self.week = WeekView(self.tabs)
        if can_manage:  # the empty week says what to do, to those who may do it
            self.week.empty.setText(
                _("No sessions this week yet — plan one with Plan… (Ctrl+Shift+N)")
            )
        self.list = SessionList(self.tabs)
        self.tabs.addTab(self.week, _("&Week"))
        self.tabs.addTab(self.list, _("&List"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout.addWidget(self.tabs, 1)
        self.week.activated.connect(
            lambda session_id: context.navigator.open("session", session_id)
        )
        self.week.week_step.connect(self.step_week)
        self.list.activated.connect(
            lambda session_id: context.navigator.open("session", session_id)
        )
        self.list.filters_changed.connect(self.refresh)
        self.week.selection_changed.connect(self._update_buttons)
        self.list.selection_changed.connect(self._update_buttons)
        context.bus.changed.connect(self._changed)

    # -- data -------------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def focus_first(self) -> None:
        """Arriving by keyboard: on today's sessions in the week (Enter opens one)."""
        self.tabs.setCurrentWidget(self.week)
        self.week.focus_today()

    def _changed(self, what: str) -> None:
        if what in ("session", "settings", "session_kind"):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def refresh(self) -> None:
        db, actor = self.context.db, self.context.actor
        try:
            if self.tabs.currentWidget() is self.week:
                sessions = week_sessions(db, actor, self.monday)
                self.week.show_week(self.monday, sessions)
            else:
                self.list.set_choices(list_kinds(db, include_inactive=True), list_facilitators(db))
                first, last, kind_id, facilitator_id = self.list.filters()
                self.list.show_sessions(
                    sessions_between(db, actor, first, last, kind_id, facilitator_id)
                )
        except Exception as error:
            show_exception(self, error)
            return
        sunday = self.monday + timedelta(days=6)
        self.week_label.setText(
            _("Week {number}: {first} – {last}").format(
                number=self.monday.isocalendar().week,
                first=format_date(self.monday, "d MMM"),
                last=format_date(sunday, "d MMM yyyy"),
            )
        )
        self._stale = False
        self._update_buttons()

    def step_week(self, step: int) -> None:
        self.monday += timedelta(days=7 * step)
        self.refresh()
        self.week.focus_day(0)

    def this_week(self) -> None:
        self.monday = today() - timedelta(days=today().weekday())
        self.refresh()
        self.week.focus_today()

    def show_day(self, day: date) -> None:
        self.tabs.setCurrentWidget(self.week)
        self.monday = day - timedelta(days=day.weekday())
        self.refresh()

    def current_session_id(self) -> int | None:
        if self.tabs.currentWidget() is self.week:
            return self.week.current_session_id()
        return self.list.current_session_id()

    def _update_buttons(self) -> None:
        chosen = self.current_session_id()
        for key in ("attendance", "edit", "cancel"):
            self.buttons[key].setEnabled(chosen is not None)

    # -- actions ----------------------------------------------------------------------------
    def open_session(self, session_id: int) -> None:
        self.context.navigator.open("session", session_id)

    def open_current(self) -> None:
        session_id = self.current_session_id()
        if session_id is not None:
            self.context.navigator.open("session", session_id)

    def plan(self) -> None:
        if not self.context.actor.can(Permission.MANAGE_SESSIONS):
            return
        dialog = PlanDialog(self.context, day=max(self.monday, today()), parent=self)
        dialog.exec()

    def edit_current(self) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            return
        try:
            summary = session_summary(self.context.db, self.context.actor, session_id)
        except Exception as error:
            show_exception(self, error)
            return
        PlanDialog(self.context, existing=summary, parent=self).exec()

    def toggle_cancel(self) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            return
        db, actor = self.context.db, self.context.actor
        try:
            summary = session_summary(db, actor, session_id)
            if summary.cancelled:
                if confirm(self, _("Restore this session? Registrations were kept."), _("Restore")):
                    restore_session(db, actor, session_id)
            else:
                reason, ok = QInputDialog.getText(
                    self,
                    _("Cancel session"),
                    _(
                        "Cancel “{title}” on {date}? Registrations are kept.\n"
                        "Reason (optional, for colleagues):"
                    ).format(title=summary.title, date=format_date(summary.day, "full")),
                )
                if not ok:
                    return
                cancel_session(db, actor, session_id, reason)
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("session")


def plan_from_anywhere(context: AppContext) -> None:
    """Bestand → Bijeenkomst plannen (Ctrl+Shift+N): Bijeenkomsten comes up, then the form."""
    context.navigator.open("section:sessions")
    window: Any = context.window
    section = window.section_widget("sessions") if window is not None else None
    if isinstance(section, SessionsSection):
        section.plan()


def install(context: AppContext) -> None:
    context.navigator.register(
        "session", lambda session_id, **_extra: _open_attendance(context, session_id)
    )
    context.navigator.register("plan_session", lambda **_extra: plan_from_anywhere(context))


def _open_attendance(context: AppContext, session_id: int) -> object:
    """The attendance screen (a large module) loads when a session is first opened."""
    from minami_desk.ui.sessions.attendance_screen import open_attendance

    return open_attendance(context, session_id)
