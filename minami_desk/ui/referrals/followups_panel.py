"""Vandaag → referrals to follow up: the follow-up date is today or already past."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from minami_desk import clock
from minami_desk.i18n import _, ngettext
from minami_desk.services.referral_followups import count_follow_ups_due, follow_ups_due
from minami_desk.services.referrals import ReferralRow, status_label
from minami_desk.ui.panel_loading import LatestAnswer
from minami_desk.ui.referrals import navigation
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading

# The oldest ones first; the heading gives the full count.
SHOWN = 100


def _line(row: ReferralRow, days_late: int) -> str:
    who = _("{name} (no. {number})").format(name=row.resident_name, number=row.resident_number)
    if days_late > 0:
        when = "⚠ " + ngettext("{count} day overdue", "{count} days overdue", days_late).format(
            count=days_late
        )
    else:
        when = "● " + _("today")
    return f"{who} — {row.organisation_name}\n{when} · {status_label(row.status)}"


class ReferralFollowUpsPanel(QFrame):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.heading = Heading(_("Referrals to follow up"), self, level=2)
        layout.addWidget(self.heading)
        hint = QLabel(_("Ask how it went: open a referral with Enter or a double click."), self)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Referrals to follow up"))
        self.list.setAlternatingRowColors(True)  # each referral takes two lines
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.list)
        self.empty = EmptyState(_("No referrals to follow up today."), self)
        layout.addWidget(self.empty)
        self.empty.hide()  # until the first answer
        self.loader = LatestAnswer(context, self)
        context.bus.changed.connect(self._on_changed)

    def refresh(self) -> None:
        """Read off the UI thread; only the latest answer is shown."""
        db, actor, today = self.context.db, self.context.actor, clock.today()

        def load() -> tuple[list[ReferralRow], int]:
            rows = follow_ups_due(db, actor, today, limit=SHOWN)
            return rows, count_follow_ups_due(db, actor, today)

        self.loader.load(load, lambda found: self._show(today, *found))

    def _show(self, today: date, rows: list[ReferralRow], total: int) -> None:
        self.list.clear()
        for row in rows:
            days_late = (today - row.follow_up_on).days if row.follow_up_on else 0
            item = QListWidgetItem(_line(row, days_late), self.list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        title = _("Referrals to follow up")
        self.heading.setText(f"{title} ({total})" if rows else title)

    def _open(self, item: QListWidgetItem) -> None:
        navigation.open_referral(self.context, item.data(Qt.ItemDataRole.UserRole))

    def _on_changed(self, what: str) -> None:
        if what in ("referral", "resident"):
            self.refresh()

    def activated(self) -> None:
        self.refresh()
