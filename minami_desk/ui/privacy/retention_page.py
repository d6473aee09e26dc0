"""Beheer → Bewaartermijnen: the periods, what is due now, and removing it in one action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _, format_date
from minami_desk.services.privacy.retention import (
    DEFAULTS,
    DESCRIPTIONS,
    MAX_MONTHS,
    MIN_MONTHS,
    RetentionDue,
    RetentionResult,
    apply_retention,
    retention_due,
    retention_periods,
    set_retention_periods,
)
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import EmptyState, Heading, confirm, show_exception

COLUMNS = (N_("Anonymise"), N_("Number"), N_("Name"), N_("Last activity"))


class RetentionPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.due: RetentionDue | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Retention periods"), self, level=2))
        form = QFormLayout()
        self.periods: dict[str, QSpinBox] = {}
        for key in DEFAULTS:
            box = QSpinBox(self)
            box.setRange(MIN_MONTHS, MAX_MONTHS)
            box.setSuffix(_(" months"))
            box.setAccessibleName(_(DESCRIPTIONS[key]))
            caption = QLabel(_(DESCRIPTIONS[key]), self)
            caption.setBuddy(box)
            form.addRow(caption, box)
            self.periods[key] = box
        layout.addLayout(form)
        save_row = QHBoxLayout()
        save = QPushButton(_("&Save the periods"), self)
        save.setAccessibleName(_("Save the retention periods"))
        save.clicked.connect(self.save_periods)
        save_row.addWidget(save)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        layout.addWidget(Heading(_("Due now"), self, level=2))
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(_("Residents due for anonymisation"))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = EmptyState(
            _("No residents are due for anonymisation now. Look here again in a few months."),
            self,
        )
        layout.addWidget(self.empty, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.apply_button = QPushButton(_("&Anonymise and clean up"), self)
        self.apply_button.setObjectName("primary")
        self.apply_button.setAccessibleName(
            _("Anonymise the ticked residents and remove what is past its period")
        )
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)

    def activated(self) -> None:
        for key, value in retention_periods(self.context.db).items():
            self.periods[key].setValue(value)
        try:
            self.due = retention_due(self.context.db, self.context.actor)
        except Exception as error:
            show_exception(self, error)
            return
        due = self.due
        # Short lines, no word wrap: a wrapped label inside the stacked pages gets no height.
        lines = [
            _("• {count} residents without any activity since {date}").format(
                count=len(due.residents), date=format_date(due.resident_cutoff, "long")
            ),
            _("• {count} help-request texts from before {date}").format(
                count=due.contact_texts, date=format_date(due.contact_cutoff, "long")
            ),
            _("• {count} audit-log entries from before {date}").format(
                count=due.audit_rows, date=format_date(due.audit_cutoff, "long")
            ),
            _("Untick a resident to keep them for now, e.g. when they are expected back."),
        ]
        self.summary.setText("\n".join(lines))
        self.table.setRowCount(len(due.residents))
        for index, resident in enumerate(due.residents):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked)
            tick.setData(Qt.ItemDataRole.UserRole, resident.id)
            self.table.setItem(index, 0, tick)
            self.table.setItem(index, 1, QTableWidgetItem(str(resident.number)))
            self.table.setItem(index, 2, QTableWidgetItem(resident.name))
            self.table.setItem(
                index, 3, QTableWidgetItem(format_date(resident.last_activity, "long"))
            )
        nothing = not due.residents and not due.contact_texts and not due.audit_rows
        self.apply_button.setEnabled(not nothing)
        self.table.setVisible(bool(due.residents))
        self.empty.setVisible(not due.residents)

    def ticked_ids(self) -> list[int]:
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def save_periods(self) -> None:
        values = {key: box.value() for key, box in self.periods.items()}
        try:
            set_retention_periods(self.context.db, self.context.actor, values)
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.status_message.emit(_("The retention periods are saved."))
        self.activated()

    def apply(self, _checked: bool = False, confirmed: bool = False) -> None:
        ids = self.ticked_ids()
        if not confirmed and not confirm(
            self,
            _(
                "Anonymise {count} residents and remove the help-request texts and log "
                "entries that are past their period? This cannot be undone."
            ).format(count=len(ids)),
            _("Anonymise and clean up"),
        ):
            return
        db, actor = self.context.db, self.context.actor

        def done(result: RetentionResult) -> None:
            self.context.bus.changed.emit("resident")
            self.context.bus.status_message.emit(
                _(
                    "Done: {residents} residents anonymised, {texts} texts and {rows} log "
                    "entries removed."
                ).format(
                    residents=result.residents, texts=result.contact_texts, rows=result.audit_rows
                )
            )
            self.activated()

        self.context.run_task(
            lambda: apply_retention(db, actor, ids),
            done,
            lambda error: show_exception(self, error),
            parent=self,
        )
