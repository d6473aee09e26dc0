"""Beheer → Logboek: who did what to which record, filtered, fetched a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import N_, _
from minami_desk.services.audit import AUDIT_ACTIONS
from minami_desk.services.audit_query import (
    AuditFilter,
    AuditRow,
    audit_count,
    audit_entities,
    audit_rows,
    audit_staff,
)
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, show_exception

PAGE_SIZE = 200
_ROOT = QModelIndex()  # the invalid index: a flat table has only the root
ACTION_LABELS = {
    "viewed": N_("viewed"),
    "created": N_("created"),
    "changed": N_("changed"),
    "merged": N_("merged"),
    "exported": N_("exported"),
    "printed": N_("printed"),
    "deleted": N_("deleted"),
    "anonymised": N_("anonymised"),
    "restored": N_("restored"),
    "backed_up": N_("backed up"),
    "imported": N_("imported"),
    "signed_in": N_("signed in"),
    "signed_out": N_("signed out"),
    "sign_in_failed": N_("sign-in failed"),
}
ENTITY_LABELS = {
    "resident": N_("resident"),
    "staff": N_("account"),
    "contact": N_("contact"),
    "consent": N_("consent"),
    "session": N_("session"),
    "session_series": N_("session series"),
    "attendance": N_("attendance"),
    "trajectory": N_("trajectory"),
    "referral": N_("referral"),
    "organisation": N_("agency"),
    "success_story": N_("success story"),
    "setting": N_("setting"),
    "audit_log": N_("audit log"),
    "processing_register": N_("processing register"),
    "backup": N_("backup"),
    "report": N_("report"),
}
VIA_LABELS = {"ui": N_("window"), "cli": N_("command line"), "system": N_("program")}
OPENABLE = ("resident", "session", "trajectory", "referral")  # navigator targets by entity
COLUMNS = (N_("When"), N_("Who"), N_("Via"), N_("Action"), N_("Record"), N_("Number"), N_("Detail"))


def label(table: dict[str, str], code: str) -> str:
    return _(table[code]) if code in table else code


class AuditModel(QAbstractTableModel):
    """Rows arrive a page at a time as the view scrolls (``canFetchMore``/``fetchMore``)."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.filter = AuditFilter()
        self.rows: list[AuditRow] = []
        self.total = 0

    def reload(self, wanted: AuditFilter) -> None:
        self.beginResetModel()
        self.filter = wanted
        self.total = audit_count(self.context.db, self.context.actor, wanted)
        self.rows = audit_rows(self.context.db, self.context.actor, wanted, 0, PAGE_SIZE)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        more = audit_rows(
            self.context.db, self.context.actor, self.filter, len(self.rows), PAGE_SIZE
        )
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return clock.local(row.at).strftime("%d-%m-%Y %H:%M:%S")
        if index.column() == 1:
            return row.staff_name or "—"
        if index.column() == 2:
            return label(VIA_LABELS, row.via)
        if index.column() == 3:
            return label(ACTION_LABELS, row.action)
        if index.column() == 4:
            return label(ENTITY_LABELS, row.entity)
        if index.column() == 5:
            return "" if row.entity_id is None else str(row.entity_id)
        return row.detail


class AuditLogPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Audit log"), self, level=2))
        note = QLabel(
            _("Who did what, by record number only: the log holds no names or texts of residents."),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        grid = QGridLayout()
        self.action = self._combo(_("Action"))
        self.entity = self._combo(_("Kind of record"))
        self.staff = self._combo(_("Staff member"))
        self.use_period = QCheckBox(_("&Period"), self)
        self.use_period.setAccessibleName(_("Filter on a period"))
        self.date_from = DateField(self, _("From"))
        self.date_to = DateField(self, _("Up to and including"))
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        self.use_period.toggled.connect(self.date_from.setEnabled)
        self.use_period.toggled.connect(self.date_to.setEnabled)
        for column, (caption, widget) in enumerate(
            ((_("&Action"), self.action), (_("&Record"), self.entity), (_("&Who"), self.staff))
        ):
            text = QLabel(caption, self)
            text.setBuddy(widget)
            grid.addWidget(text, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.use_period, 0, 3)
        period = QWidget(self)
        period_layout = QGridLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        period_layout.addWidget(self.date_from, 0, 0)
        period_layout.addWidget(QLabel(_("to"), period), 0, 1)
        period_layout.addWidget(self.date_to, 0, 2)
        grid.addWidget(period, 1, 3)
        layout.addLayout(grid)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")
        layout.addWidget(self.count_label)
        self.model = AuditModel(context)
        self.view = QTableView(self)
        self.view.setAccessibleName(_("Audit log entries"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setToolTip(_("Double-click a row to open the record, where it still exists"))
        self.view.doubleClicked.connect(self.open_record)
        layout.addWidget(self.view, 1)
        self.action.addItem(_("All actions"), None)
        for code in AUDIT_ACTIONS:
            self.action.addItem(label(ACTION_LABELS, code), code)
        for widget in (self.action, self.entity, self.staff):
            widget.currentIndexChanged.connect(self.refresh)
        self.use_period.toggled.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        today = clock.today()
        self.date_to.set_value(today)
        self.date_from.set_value(today.replace(day=1))
        self._loading = False

    def _combo(self, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible)
        combo.setMinimumWidth(170)
        return combo

    def _refill(self, combo: QComboBox, first: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None)
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def activated(self) -> None:
        try:
            entities = audit_entities(self.context.db, self.context.actor)
            staff = audit_staff(self.context.db, self.context.actor)
        except Exception as error:
            show_exception(self, error)
            return
        self._refill(
            self.entity, _("All records"), [(label(ENTITY_LABELS, e), e) for e in entities]
        )
        self._refill(
            self.staff,
            _("Everyone"),
            [(name, staff_id) for staff_id, name in staff] + [(_("Command line"), "cli")],
        )
        self.refresh()

    def current_filter(self) -> AuditFilter:
        who = self.staff.currentData()

        def day(edit: DateField) -> date | None:
            return edit.value() if self.use_period.isChecked() else None

        return AuditFilter(
            action=self.action.currentData(),
            entity=self.entity.currentData(),
            staff_id=who if isinstance(who, int) else None,
            via="cli" if who == "cli" else None,
            date_from=day(self.date_from),
            date_to=day(self.date_to),
        )

    def open_record(self, index: QModelIndex) -> None:
        """Residents, sessions, trajectories and referrals open on their own page."""
        row = self.model.rows[index.row()]
        navigator = self.context.navigator
        if row.entity in OPENABLE and row.entity_id is not None and navigator.can_open(row.entity):
            navigator.open(row.entity, row.entity_id)

    def refresh(self) -> None:
        try:
            self.model.reload(self.current_filter())
        except Exception as error:
            show_exception(self, error)
            return
        self.count_label.setText(_("{count} entries").format(count=self.model.total))
