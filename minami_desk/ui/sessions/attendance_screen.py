"""The attendance screen: one session, everyone signed up, big toggles, walk-ins, live counts.

Every toggle is saved at once in its own small transaction, so closing the window (or a power
cut) never loses more than the click in progress. Keyboard: the table has the focus; A =
aanwezig, F = afwezig, M = afgemeld for the current row; arrows move; Space or Enter on a
toggle chooses it; Ctrl+F goes to the search for sign-ups and walk-ins.

A table of items rather than rows of buttons, so 60 or 100 registrations open at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk.clock import today
from minami_desk.i18n import N_, _
from minami_desk.services.actor import Permission
from minami_desk.services.sessions.attendance import (
    AttendanceList,
    attendance_list,
    find_walk_in,
)
from minami_desk.services.sessions.common import attendance_word
from minami_desk.services.sessions.queries import Counts
from minami_desk.services.sessions.registration import register_resident, set_status
from minami_desk.ui.sessions.common import when_text
from minami_desk.ui.sessions.cursor_frame import CursorFrame
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.shell.style import colours
from minami_desk.ui.widgets import Heading, show_exception

# The three toggles: status, label, key.
TOGGLES = (
    ("present", N_("Present"), Qt.Key.Key_A),
    ("absent", N_("Absent"), Qt.Key.Key_F),
    ("cancelled", N_("Cancelled"), Qt.Key.Key_M),
)


def counts_text(counts: Counts) -> str:
    return _(
        "Present {present} · Absent {absent} · Cancelled {cancelled} · Not yet ticked {open}"
        " · Waiting list {waitlist} · Walk-ins {walk_ins}"
    ).format(
        present=counts.present,
        absent=counts.absent,
        cancelled=counts.cancelled,
        open=counts.registered,
        waitlist=counts.waitlist,
        walk_ins=counts.walk_ins,
    )


_FIRST_TOGGLE = 3  # columns: name, number, status, then the three toggles


def _cell(text: str, font: QFont | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if font is not None:
        item.setFont(font)
    return item


class AttendanceScreen(QDialog):
    def __init__(self, context: AppContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.session_id = session_id
        self.setWindowTitle(_("Attendance"))
        self.setObjectName("attendanceScreen")
        self.resize(980, 720)
        self.row_ids: list[int] = []
        self.names: dict[int, str] = {}
        self.statuses: dict[int, str] = {}
        self.walk_ins: set[int] = set()
        self.walk_in_default = True
        layout = QVBoxLayout(self)
        self.heading = Heading("", self)
        self.subheading = QLabel(self)
        self.subheading.setObjectName("muted")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("subheading")
        self.counts_label.setAccessibleName(_("Counts"))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        for widget in (self.heading, self.subheading, self.counts_label, self.notice):
            layout.addWidget(widget)
        self.table = QTableWidget(0, _FIRST_TOGGLE + len(TOGGLES), self)
        self.table.setObjectName("attendanceTable")
        self.table.setAccessibleName(
            _("Signed up; keys A present, F absent, M cancelled, arrows to move")
        )
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("No."), _("Status"), *(_(label) for _c, label, _k in TOGGLES)]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setDefaultSectionSize(42)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, _FIRST_TOGGLE + len(TOGGLES)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, 70)
        self.table.setColumnWidth(2, 110)
        for column in range(_FIRST_TOGGLE, _FIRST_TOGGLE + len(TOGGLES)):
            self.table.setColumnWidth(column, 130)
        self.table.setToolTip(_("Keys: A present, F absent, M cancelled; arrows up and down"))
        self.table.cellClicked.connect(self._clicked)
        self.table.installEventFilter(self)
        self.table.setItemDelegate(CursorFrame(self.table))
        self.name_font = QFont(self.table.font())
        self.name_font.setPointSizeF(self.name_font.pointSizeF() * 1.15)
        self.toggle_font = QFont(self.table.font())
        self.toggle_font.setPointSizeF(self.toggle_font.pointSizeF() * 1.05)
        self.chosen_font = QFont(self.toggle_font)
        self.chosen_font.setBold(True)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_walk_in())
        buttons = QHBoxLayout()
        self.sheet_button = QPushButton(_("&Attendance sheet…"), self)
        self.sheet_button.setAccessibleName(_("Preview and print the attendance sheet"))
        self.sheet_button.clicked.connect(self._open_sheet)
        self.sheet_button.setVisible(context.actor.can(Permission.PRINT_ATTENDANCE_SHEETS))
        close = QPushButton(_("&Close"), self)
        close.setAccessibleName(_("Close the attendance screen"))
        close.clicked.connect(self.close)
        buttons.addWidget(self.sheet_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter belongs to the table and the search
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _build_walk_in(self) -> QVBoxLayout:
        box = QVBoxLayout()
        row = QHBoxLayout()
        label = QLabel(_("Add &someone:"), self)
        self.search = QLineEdit(self)
        self.search.setObjectName("walkInSearch")
        self.search.setPlaceholderText(_("Name, phone or resident number (Ctrl+F)"))
        self.search.setAccessibleName(_("Find a resident to add as walk-in"))
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.search.textEdited.connect(self._search)
        self.search.installEventFilter(self)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        self.register_button = QPushButton(_("Sign &up"), self)
        self.register_button.setAccessibleName(
            _("Sign the chosen resident up (waiting list when full)")
        )
        self.register_button.clicked.connect(lambda: self._add_chosen(walk_in=False))
        self.walk_in_button = QPushButton(_("Add as wal&k-in"), self)
        self.walk_in_button.setAccessibleName(_("Add the chosen resident as walk-in (present)"))
        self.walk_in_button.clicked.connect(lambda: self._add_chosen(walk_in=True))
        row.addWidget(self.register_button)
        row.addWidget(self.walk_in_button)
        self.new_resident = QPushButton(_("&New resident…"), self)
        self.new_resident.setAccessibleName(_("Register a new resident as walk-in"))
        self.new_resident.clicked.connect(self._quick_register)
        self.new_resident.setVisible(self.context.actor.can(Permission.REGISTER_RESIDENTS))
        row.addWidget(self.new_resident)
        box.addLayout(row)
        self.results = QListWidget(self)
        self.results.setObjectName("walkInResults")
        self.results.setAccessibleName(_("Residents found; Enter adds as walk-in"))
        self.results.setMaximumHeight(130)
        self.results.itemActivated.connect(lambda _item: self._add_chosen(self.walk_in_default))
        self.results.hide()
        box.addWidget(self.results)
        return box

    def reload(self) -> None:
        listing = attendance_list(self.context.db, self.context.actor, self.session_id)
        self._show(listing)

    def _show(self, listing: AttendanceList) -> None:
        summary = listing.session
        title = summary.title
        if summary.cancelled:
            title += "  — " + _("CANCELLED")
        self.heading.setText(title)
        # Before the day of the session people sign up; from that day on they walk in.
        self.walk_in_default = summary.day <= today()
        facts = [when_text(summary), summary.kind_name]
        if summary.location:
            facts.append(summary.location)
        if summary.facilitator_name:
            facts.append(_("led by {name}").format(name=summary.facilitator_name))
        self.subheading.setText(" · ".join(facts))
        current = self.table.currentRow(), self.table.currentColumn()
        self.row_ids = [row.resident_id for row in listing.rows]
        self.names = {row.resident_id: row.name for row in listing.rows}
        self.statuses = {row.resident_id: row.status for row in listing.rows}
        self.walk_ins = {row.resident_id for row in listing.rows if row.walk_in}
        table = self.table
        table.setUpdatesEnabled(False)
        table.setRowCount(len(listing.rows))
        for index, row in enumerate(listing.rows):
            name = row.name + (" — " + _("walk-in") if row.walk_in else "")
            name_item = _cell(("⚠ " if row.age_warning else "") + name, self.name_font)
            if row.age_warning:
                name_item.setToolTip(row.age_warning)
            table.setItem(index, 0, name_item)
            table.setItem(index, 1, _cell(str(row.number)))
            table.setItem(index, 2, _cell(""))
            for offset in range(len(TOGGLES)):
                table.setItem(index, _FIRST_TOGGLE + offset, _cell(""))
            self._paint(index)
        table.setUpdatesEnabled(True)
        self._update_counts()
        if self.row_ids:
            row, column = current
            table.setCurrentCell(
                min(max(row, 0), len(self.row_ids) - 1),
                column if column >= _FIRST_TOGGLE else _FIRST_TOGGLE,
            )

    def _paint(self, index: int) -> None:
        """The row's status in words, and its chosen toggle filled, bold and ticked."""
        status = self.statuses[self.row_ids[index]]
        self.table.item(index, 2).setText(attendance_word(status))
        for offset, (code, label, _key) in enumerate(TOGGLES):
            item = self.table.item(index, _FIRST_TOGGLE + offset)
            chosen = code == status
            item.setText(("✓ " if chosen else "") + _(label))
            item.setFont(self.chosen_font if chosen else self.toggle_font)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if chosen:
                # The theme's colour per state (light and dark checked for contrast).
                item.setBackground(QColor(colours()[code]))
                item.setForeground(QColor(colours()["chosen_text"]))
            else:
                item.setBackground(QBrush())
                item.setForeground(QBrush())

    def _update_counts(self) -> None:
        by_status: dict[str, int] = {}
        for status in self.statuses.values():
            by_status[status] = by_status.get(status, 0) + 1
        self.counts = Counts.from_statuses(by_status, len(self.walk_ins))
        self.counts_label.setText(counts_text(self.counts))

    # -- actions ------------------------------------------------------------------------------
    def choose(self, resident_id: int, status: str) -> None:
        """Save one toggle at once; a freed place moves the waiting list up, and we say so."""
        if resident_id not in self.statuses or self.statuses[resident_id] == status:
            return
        try:
            change = set_status(
                self.context.db, self.context.actor, self.session_id, resident_id, status
            )
        except Exception as error:
            show_exception(self, error)
            return
        self.statuses[resident_id] = status
        self._paint(self.row_ids.index(resident_id))
        self._update_counts()
        self.context.bus.changed.emit("session")
        if change.moved_up is not None:
            self.say(
                _("{name} moved up from the waiting list and now has a place.").format(
                    name=change.moved_up.name
                )
            )
            self.reload()

    def _clicked(self, row: int, column: int) -> None:
        if column >= _FIRST_TOGGLE and 0 <= row < len(self.row_ids):
            self.choose(self.row_ids[row], TOGGLES[column - _FIRST_TOGGLE][0])

    def say(self, message: str) -> None:
        self.notice.setText("ℹ " + message)
        self.notice.setAccessibleName(message)
        self.notice.show()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search(self, text: str) -> None:
        self.results.clear()
        try:
            found = find_walk_in(self.context.db, self.context.actor, self.session_id, text)
        except Exception as error:
            show_exception(self, error)
            return
        for candidate in found:
            number = _("no. {number}").format(number=candidate.number)
            line = f"{candidate.name}  ({number}"
            if candidate.birth_year:
                line += f", {candidate.birth_year}"
            line += ")"
            if candidate.on_list:
                line += "  — " + _("already on the list")
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, candidate.resident_id)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)

    def _add_chosen(self, walk_in: bool) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is None:
            self.focus_search()
            return
        self.add(int(item.data(Qt.ItemDataRole.UserRole)), walk_in)

    def add(self, resident_id: int, walk_in: bool = True) -> None:
        """Sign up (waiting list when full) or add as walk-in, who is present at once."""
        try:
            result = register_resident(
                self.context.db, self.context.actor, self.session_id, resident_id, walk_in=walk_in
            )
        except Exception as error:
            show_exception(self, error)
            return
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self.reload()
        self.context.bus.changed.emit("session")
        name = self.names.get(resident_id, "")
        if result.status == "waitlist":
            message = _("{name} is on the waiting list (number {position}).").format(
                name=name, position=result.position
            )
        elif walk_in:
            message = _("{name} added as walk-in (present).").format(name=name)
        else:
            message = _("{name} is signed up.").format(name=name)
        if result.warning:
            message += " " + _("Note: {warning}").format(warning=result.warning)
        self.say(message)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _quick_register(self) -> None:
        """Not found? Register the person on the spot (names taken from the search) and add them.
        The desk owns the registration dialog; the navigator opens it."""
        resident_id = self.context.navigator.open(
            "register_resident", parent=self, open_page=False, search_text=self.search.text()
        )
        if resident_id is not None:
            self.add(resident_id, self.walk_in_default)

    def _open_sheet(self) -> None:
        from minami_desk.ui.sessions.sheet_preview import open_attendance_sheet

        open_attendance_sheet(self.context, self.session_id, self)

    # -- keyboard -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.search:
            if key == Qt.Key.Key_Down and self.results.isVisible():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
                self._add_chosen(self.walk_in_default)
                return True
            return False
        if watched is not self.table or not self.row_ids:
            return False
        row, column = self.table.currentRow(), self.table.currentColumn()
        if row < 0:
            return False
        for code, _label, shortcut in TOGGLES:
            if key == shortcut:
                self.choose(self.row_ids[row], code)
                return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._clicked(row, column)
            return True
        return False

    def focus_first_row(self) -> None:
        if self.row_ids:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentCell(0, _FIRST_TOGGLE)
        else:
            self.focus_search()


_open_screens: dict[int, AttendanceScreen] = {}


def open_attendance(context: AppContext, session_id: int) -> AttendanceScreen | None:
    """The navigator's "session" target: one attendance screen per session, raised if open."""
    screen = _open_screens.get(session_id)
    if screen is not None:
        screen.raise_()
        screen.activateWindow()
        return screen
    try:
        screen = AttendanceScreen(context, session_id)
    except Exception as error:
        show_exception(context.window, error)
        return None
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_screens[session_id] = screen
    screen.destroyed.connect(lambda _obj=None, key=session_id: _open_screens.pop(key, None))
    screen.show()
    screen.focus_first_row()
    return screen
