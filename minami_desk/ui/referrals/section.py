"""Verwijzingen: every referral, filtered by status, agency, theme and period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import N_, _, format_date, ngettext, pgettext
from minami_desk.reports.tabular import write_table
from minami_desk.services.actor import Permission
from minami_desk.services.organisations import list_organisations
from minami_desk.services.referrals import (
    EXPORT_HEADER,
    LIST_LIMIT,
    STATUS_LABELS,
    ReferralFilter,
    ReferralRow,
    export_rows,
    handover_label,
    list_referrals,
    status_label,
)
from minami_desk.services.themes import list_themes
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.kit.table import RowsModel, make_table, selected_id
from minami_desk.ui.referrals import navigation
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading

HEADERS = (
    N_("Date"),
    N_("Resident"),
    N_("Agency"),
    N_("Themes"),
    N_("Handover"),
    N_("Status"),
    N_("Follow up on"),
)


def follow_up_text(row: ReferralRow, today: date) -> str:
    """The follow-up date, with a sign (not colour alone) when it is due or overdue."""
    if row.follow_up_on is None or not row.is_open:
        return ""
    text = format_date(row.follow_up_on, "short")
    if row.follow_up_on < today:
        return "⚠ " + _("{date} (overdue)").format(date=text)
    if row.follow_up_on == today:
        return "● " + _("{date} (today)").format(date=text)
    return text


class ReferralsSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(Heading(_("Referrals"), self))

        filters = QGridLayout()
        self.status = QComboBox(self)
        self.status.setAccessibleName(_("Filter by status"))
        self.status.addItem(_("All statuses"), None)
        self.status.addItem(_("Still open (referred or contact made)"), "open")
        for code in STATUS_LABELS:
            self.status.addItem(status_label(code), code)
        self.organisation = QComboBox(self)
        self.organisation.setAccessibleName(_("Filter by agency"))
        self.theme = QComboBox(self)
        self.theme.setAccessibleName(_("Filter by theme"))
        self.period = QCheckBox(_("&Period from"), self)
        self.period.setAccessibleName(_("Filter by period"))
        today = clock.today()
        self.period_start = DateField(self, _("Period start"), today.replace(day=1))
        self.period_end = DateField(self, _("Period end"), today)
        self.period_start.setEnabled(False)
        self.period_end.setEnabled(False)
        self.period.toggled.connect(self.period_start.setEnabled)
        self.period.toggled.connect(self.period_end.setEnabled)

        for column, (label, field) in enumerate(
            (
                (_("&Status"), self.status),
                (_("&Agency"), self.organisation),
                (_("&Theme"), self.theme),
            )
        ):
            caption = QLabel(label, self)
            caption.setBuddy(field)
            filters.addWidget(caption, 0, column)
            filters.addWidget(field, 1, column)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_start)
        period_row.addWidget(QLabel(pgettext("period, written out", "to"), self))
        period_row.addWidget(self.period_end)
        filters.addWidget(self.period, 0, 3)
        filters.addLayout(period_row, 1, 3)
        filters.setColumnStretch(4, 1)
        layout.addLayout(filters)

        self.model = RowsModel([_(header) for header in HEADERS], self)
        self.table: QTableView = make_table(self, self.model, _("Referrals"))
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 1)
        self.empty = EmptyState(
            _("No referrals match these filters. A new referral is made from the resident's page."),
            self,
        )
        layout.addWidget(self.empty, 1)
        self.empty.hide()

        bottom = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        bottom.addWidget(self.count, 1)
        self.export_button = QPushButton(_("&Export…"), self)
        self.export_button.setAccessibleName(_("Export referrals"))
        self.export_button.setToolTip(
            _("All referrals to a CSV or Excel file: date, resident number, agency, theme, status")
        )
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(context.actor.can(Permission.IMPORT_EXPORT))
        bottom.addWidget(self.export_button)
        self.open_button = QPushButton(_("&Open referral"), self)
        self.open_button.setObjectName("primary")
        self.open_button.setAccessibleName(_("Open the selected referral"))
        self.open_button.setToolTip(_("Record the follow-up, or change the details (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        bottom.addWidget(self.open_button)
        layout.addLayout(bottom)

        self._fill_choices()
        for combo in (self.status, self.organisation, self.theme):
            combo.currentIndexChanged.connect(self.refresh)
        self.period.toggled.connect(self.refresh)
        self.period_start.dateChanged.connect(self.refresh)
        self.period_end.dateChanged.connect(self.refresh)
        context.bus.changed.connect(self._on_changed)
        self._loaded = False
        self._generation = 0

    def _fill_choices(self) -> None:
        for combo, items, everything in (
            (
                self.organisation,
                [
                    (o.id, o.name)
                    for o in list_organisations(self.context.db, include_inactive=True)
                ],
                _("All agencies"),
            ),
            (
                self.theme,
                [(t.id, t.name) for t in list_themes(self.context.db)],
                _("All themes"),
            ),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for record_id, name in items:
                combo.addItem(name, record_id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def current_filter(self) -> ReferralFilter:
        start = end = None
        if self.period.isChecked():
            start, end = self.period_start.value(), self.period_end.value()
            if end < start:
                start, end = end, start
        return ReferralFilter(
            status=self.status.currentData(),
            organisation_id=self.organisation.currentData(),
            theme_id=self.theme.currentData(),
            period_start=start,
            period_end=end,
        )

    def refresh(self) -> None:
        chosen = self.current_filter()
        db, actor = self.context.db, self.context.actor
        # Filters change quickly; only the answer to the latest question is shown.
        self._generation += 1
        generation = self._generation
        self.context.run_task(
            lambda: list_referrals(db, actor, chosen),
            lambda rows: self._show_rows(rows) if generation == self._generation else None,
            parent=self,
        )

    def _show_rows(self, rows: list[ReferralRow]) -> None:
        today = clock.today()
        self.rows = rows
        self.model.set_rows(
            [
                (
                    row.id,
                    (
                        format_date(row.referred_on, "short"),
                        _("{name} (no. {number})").format(
                            name=row.resident_name, number=row.resident_number
                        ),
                        row.organisation_name,
                        ", ".join(row.themes),
                        handover_label(row.handover),
                        status_label(row.status),
                        follow_up_text(row, today),
                    ),
                )
                for row in rows
            ],
            [row.reason for row in rows],
        )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.open_button.setEnabled(bool(rows))
        if len(rows) >= LIST_LIMIT:
            self.count.setText(
                _("The newest {count} referrals; narrow the filters to see older ones.").format(
                    count=len(rows)
                )
            )
        else:
            self.count.setText(
                ngettext("{count} referral", "{count} referrals", len(rows)).format(count=len(rows))
            )
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def open_selected(self) -> None:
        referral_id = selected_id(self.table)
        if referral_id is not None:
            navigation.open_referral(self.context, referral_id)

    def export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export referrals"),
            "verwijzingen.xlsx",
            _("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_suffix(".xlsx")
        db, actor = self.context.db, self.context.actor
        self.context.run_task(
            lambda: write_table(target, EXPORT_HEADER, export_rows(db, actor)),
            on_done=lambda count: self.context.bus.status_message.emit(
                ngettext(
                    "{count} referral exported to {path}.",
                    "{count} referrals exported to {path}.",
                    count,
                ).format(count=count, path=target)
            ),
            title=_("Exporting referrals…"),
            parent=self,
        )

    def _on_changed(self, what: str) -> None:
        if what in ("referral", "organisation", "resident") and self._loaded:
            if what == "organisation":
                self._fill_choices()
            self.refresh()

    def activated(self) -> None:
        self._loaded = True
        self._fill_choices()
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)


def install(context: AppContext) -> None:
    navigation.install(context)
