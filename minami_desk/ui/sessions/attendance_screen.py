"""The attendance screen: one session, everyone signed up, big toggles, walk-ins, live counts.

Every toggle is saved at once in its own small transaction, so closing the window (or a power
cut) never loses more than the click in progress. Keyboard: Tab reaches the toggles; in a row
A = aanwezig, F = afwezig, M = afgemeld; Up/Down move between rows; Ctrl+F goes to the
walk-in search.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _
from minami_desk.services.actor import Permission
from minami_desk.services.clock import today
from minami_desk.services.sessions.attendance import (
    AttendanceList,
    AttendanceRow,
    attendance_list,
    find_walk_in,
)
from minami_desk.services.sessions.common import attendance_word
from minami_desk.services.sessions.queries import Counts
from minami_desk.services.sessions.registration import register_resident, set_status
from minami_desk.ui.context import AppContext
from minami_desk.ui.sessions.common import when_text
from minami_desk.ui.widgets import Heading, show_exception

# The three toggles: status, label, key.
TOGGLES = (
    ("present", N_("Present"), Qt.Key.Key_A),
    ("absent", N_("Absent"), Qt.Key.Key_F),
    ("cancelled", N_("Cancelled"), Qt.Key.Key_M),
)


# The chosen toggle is filled and carries a tick, so it is not told by colour alone.
TOGGLE_STYLE = """
QPushButton[toggle="true"] { font-size: 11pt; padding: 6px 12px; }
QPushButton[toggle="true"]:checked { color: white; font-weight: 600; border-radius: 4px; }
QPushButton#toggle_present:checked { background: #1B7A4A; }
QPushButton#toggle_absent:checked { background: #8A5A00; }
QPushButton#toggle_cancelled:checked { background: #5B6770; }
QPushButton[toggle="true"]:focus { border: 2px solid #0E6E6E; }
QLabel#notice { background: #FFF4D6; color: #3D2E00; padding: 6px 10px; border-radius: 4px; }
"""


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


class AttendanceRowWidget(QFrame):
    """One resident: name, status in words, and the three toggles."""

    def __init__(self, row: AttendanceRow, on_choose: Callable[[int, str], None]) -> None:
        super().__init__()
        self.setObjectName("card")
        self.row = row
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        name = row.name + (" — " + _("walk-in") if row.walk_in else "")
        self.name_label = QLabel(name, self)
        self.name_label.setMinimumWidth(240)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.name_label.setFont(font)
        number = QLabel(_("no. {number}").format(number=row.number), self)
        number.setObjectName("muted")
        layout.addWidget(self.name_label, 2)
        layout.addWidget(number)
        if row.age_warning:
            warning = QLabel("⚠", self)
            warning.setToolTip(row.age_warning)
            warning.setAccessibleName(row.age_warning)
            layout.addWidget(warning)
        self.status_label = QLabel(self)
        self.status_label.setMinimumWidth(110)
        layout.addWidget(self.status_label, 1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # a click on the chosen one is ignored, not unchecked
        self.buttons: dict[str, QPushButton] = {}
        for status, label, _key in TOGGLES:
            button = QPushButton(_(label), self)
            button.setCheckable(True)
            button.setMinimumSize(120, 38)
            button.setObjectName(f"toggle_{status}")
            button.setProperty("toggle", True)
            button.setAccessibleName(_("{status}: {name}").format(status=_(label), name=row.name))
            button.setToolTip(_("Keys: A present, F absent, M cancelled; arrows up and down"))
            button.clicked.connect(
                lambda _checked=False, s=status: on_choose(self.row.resident_id, s)
            )
            self.group.addButton(button)
            self.buttons[status] = button
            layout.addWidget(button)
        self.show_status(row.status)

    def show_status(self, status: str) -> None:
        self.status = status
        self.status_label.setText(attendance_word(status))
        for key, button in self.buttons.items():
            button.setChecked(key == status)
            marker = "✓ " if key == status else ""
            label = next(text for code, text, _k in TOGGLES if code == key)
            button.setText(marker + _(label))


class AttendanceScreen(QDialog):
    def __init__(self, context: AppContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.session_id = session_id
        self.setWindowTitle(_("Attendance"))
        self.setObjectName("attendanceScreen")
        self.resize(980, 720)
        self.rows: list[AttendanceRowWidget] = []
        self.statuses: dict[int, str] = {}
        self.walk_ins: set[int] = set()
        self._button_positions: dict[int, tuple[int, int]] = {}
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
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.holder = QWidget(self.scroll)
        self.rows_layout = QVBoxLayout(self.holder)
        self.rows_layout.setSpacing(4)
        self.rows_layout.addStretch(1)
        self.scroll.setWidget(self.holder)
        layout.addWidget(self.scroll, 1)
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
        self.setStyleSheet(TOGGLE_STYLE)
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
        self.new_resident.setVisible(self.context.navigator.can_open("resident_quick_register"))
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
        focused = self._focused_position()
        for widget in self.rows:
            widget.setParent(None)
            widget.deleteLater()
        self.rows = []
        self.statuses = {row.resident_id: row.status for row in listing.rows}
        self.walk_ins = {row.resident_id for row in listing.rows if row.walk_in}
        self._button_positions = {}
        for index, row in enumerate(listing.rows):
            widget = AttendanceRowWidget(row, self.choose)
            for column, button in enumerate(widget.buttons.values()):
                button.installEventFilter(self)
                self._button_positions[id(button)] = (index, column)
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, widget)
            self.rows.append(widget)
        self._update_counts()
        self._restore_focus(focused)

    def _update_counts(self) -> None:
        by_status: dict[str, int] = {}
        for status in self.statuses.values():
            by_status[status] = by_status.get(status, 0) + 1
        self.counts = Counts.from_statuses(by_status, len(self.walk_ins))
        self.counts_label.setText(counts_text(self.counts))

    # -- actions ------------------------------------------------------------------------------
    def choose(self, resident_id: int, status: str) -> None:
        """Save one toggle at once; a freed place moves the waiting list up, and we say so."""
        widget = self._row_for(resident_id)
        if widget is None:
            return
        if widget.status == status:
            widget.show_status(status)  # clicking the chosen toggle keeps it chosen
            return
        try:
            change = set_status(
                self.context.db, self.context.actor, self.session_id, resident_id, status
            )
        except Exception as error:
            widget.show_status(widget.status)
            show_exception(self, error)
            return
        widget.show_status(status)
        self.statuses[resident_id] = status
        self._update_counts()
        self.context.bus.changed.emit("session")
        if change.moved_up is not None:
            self.say(
                _("{name} moved up from the waiting list and now has a place.").format(
                    name=change.moved_up.name
                )
            )
            self.reload()

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
            line = f"{candidate.name}  ({_('no. {number}').format(number=candidate.number)}"
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
        widget = self._row_for(resident_id)
        name = widget.row.name if widget is not None else ""
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
        resident_id = self.context.navigator.open(
            "resident_quick_register", parent=self, text=self.search.text()
        )
        if isinstance(resident_id, int):
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
        position = self._button_positions.get(id(watched))
        if position is None:
            return False
        index, column = position
        for code, _label, shortcut in TOGGLES:
            if key == shortcut:
                self.choose(self.rows[index].row.resident_id, code)
                return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            target = index + (-1 if key == Qt.Key.Key_Up else 1)
            if 0 <= target < len(self.rows):
                self._focus_row(target, column)
            return True
        return False

    def _focus_row(self, index: int, column: int = 0) -> None:
        widget = self.rows[index]
        button = list(widget.buttons.values())[column]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(widget)

    def _focused_position(self) -> tuple[int, int] | None:
        focus = self.focusWidget()
        for index, widget in enumerate(self.rows):
            for column, button in enumerate(widget.buttons.values()):
                if button is focus:
                    return index, column
        return None

    def _restore_focus(self, position: tuple[int, int] | None) -> None:
        if position is not None and self.rows:
            self._focus_row(min(position[0], len(self.rows) - 1), position[1])

    def _row_for(self, resident_id: int) -> AttendanceRowWidget | None:
        return next((w for w in self.rows if w.row.resident_id == resident_id), None)

    def focus_first_row(self) -> None:
        if self.rows:
            self._focus_row(0)
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
