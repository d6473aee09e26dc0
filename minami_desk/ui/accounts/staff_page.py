"""Beheer → Medewerkers: who may sign in, with which role; passwords reset; the idle lock."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.errors import ValidationError
from minami_desk.i18n import N_, _
from minami_desk.services import accounts
from minami_desk.services.accounts import STAFF_ROLES
from minami_desk.services.actor import role_label
from minami_desk.services.settings import get_setting, set_settings
from minami_desk.ui.kit.form_row import FormErrorLabel, show_errors, text_field
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.shell.idle_lock import DEFAULT_IDLE_MINUTES, IDLE_SETTING
from minami_desk.ui.shell.style import colours
from minami_desk.ui.widgets import Heading, confirm, dialog_buttons, show_exception, user_message

COLUMNS = (N_("Name"), N_("Sign-in name"), N_("Role"), N_("Status"))


class AddStaffDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.staff_id: int | None = None
        self.setWindowTitle(_("Add a colleague or volunteer"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.display_name, name_error = text_field(form, self, _("&Name"), _("Name"))
        self.username, user_error = text_field(form, self, _("&Sign-in name"), _("Sign-in name"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(_("Role"))
        for role in STAFF_ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(STAFF_ROLES.index("vrijwilliger"))
        role_caption = QLabel(_("&Role"), self)
        role_caption.setBuddy(self.role)
        form.addRow(role_caption, self.role)
        self.password, password_error = text_field(
            form, self, _("&Password"), _("Password"), secret=True
        )
        self.repeat, repeat_error = text_field(
            form, self, _("R&epeat password"), _("Repeat the password"), secret=True
        )
        self.display_name.setToolTip(_("The name colleagues know this person by"))
        self.username.setToolTip(_("Short and easy to type, for example the first name"))
        self.role.setToolTip(
            _("Volunteers never see help requests, trajectory notes or referral reasons")
        )
        self.password.setToolTip(
            _("At least {count} characters; only its owner should know it").format(
                count=accounts.MIN_PASSWORD_LENGTH
            )
        )
        self.repeat.setToolTip(_("Type the password once more, to rule out a typing error"))
        self.errors = {
            "display_name": name_error,
            "username": user_error,
            "password": password_error,
            "repeat": repeat_error,
        }
        layout.addLayout(form)
        self.general_error = FormErrorLabel(self)
        layout.addWidget(self.general_error)
        buttons, _add = dialog_buttons(self, _("&Add"), self.create)
        layout.addWidget(buttons)

    def create(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.clear_message()
        if self.password.text() != self.repeat.text():
            self.errors["repeat"].show_message(_("The two passwords are not the same."))
            return
        try:
            self.staff_id = accounts.create_staff(
                self.context.db,
                self.context.actor,
                self.username.text(),
                self.display_name.text(),
                str(self.role.currentData()),
                self.password.text(),
            )
        except ValidationError as error:
            show_errors(self.errors, error.errors, self.general_error, fit=True)
            return
        except Exception as error:
            self.general_error.show_message(user_message(error))
            return
        self.accept()


class ResetPasswordDialog(QDialog):
    def __init__(self, context: AppContext, row: accounts.StaffRow, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.row = row
        self.setWindowTitle(_("New password for {name}").format(name=row.display_name))
        layout = QVBoxLayout(self)
        note = QLabel(
            _("Give the new password to {name} in person; a lock-out is lifted as well.").format(
                name=row.display_name
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.password, self.error = text_field(
            form, self, _("&New password"), _("New password"), secret=True
        )
        self.repeat, self.repeat_error = text_field(
            form, self, _("R&epeat password"), _("Repeat the password"), secret=True
        )
        self.password.setToolTip(
            _("At least {count} characters; only its owner should know it").format(
                count=accounts.MIN_PASSWORD_LENGTH
            )
        )
        self.repeat.setToolTip(_("Type the password once more, to rule out a typing error"))
        layout.addLayout(form)
        buttons, _save = dialog_buttons(self, _("&Save"), self.save)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.error.clear_message()
        self.repeat_error.clear_message()
        if self.password.text() != self.repeat.text():
            self.repeat_error.show_message(_("The two passwords are not the same."))
            return
        try:
            accounts.reset_password(
                self.context.db, self.context.actor, self.row.id, self.password.text()
            )
        except Exception as error:
            self.error.show_message(user_message(error))
            return
        self.accept()


class StaffPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[accounts.StaffRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Staff and volunteers"), self, level=2))
        intro = QLabel(
            _(
                "Everyone signs in with their own name and password. Volunteers find and "
                "register residents and take attendance; they never see help requests, "
                "trajectory notes or referral reasons."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(_("Accounts"))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # no clipped names
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("&Add…"), self)
        self.add_button.setObjectName("primary")
        self.add_button.setAccessibleName(_("Add a colleague or volunteer"))
        self.add_button.clicked.connect(self.add)
        self.reset_button = QPushButton(_("New &password…"), self)
        self.reset_button.setAccessibleName(_("Set a new password for the selected account"))
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button = QPushButton(_("S&witch off"), self)
        self.active_button.setAccessibleName(_("Switch the selected account off or on"))
        self.active_button.setToolTip(_("A switched-off account cannot sign in; its history stays"))
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button = QPushButton(_("&Role…"), self)
        self.role_button.setAccessibleName(_("Change the role of the selected account"))
        self.role_button.clicked.connect(lambda: self.change_role())
        for button in (self.add_button, self.reset_button, self.role_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        idle_row = QHBoxLayout()
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(1, 120)
        self.idle_minutes.setSuffix(_(" min"))
        self.idle_minutes.setAccessibleName(_("Lock the screen after this many idle minutes"))
        idle_label = QLabel(_("&Lock the screen when nobody used it for"), self)
        idle_label.setBuddy(self.idle_minutes)
        save_idle = QPushButton(_("Sa&ve"), self)
        save_idle.setAccessibleName(_("Save the idle time"))
        save_idle.clicked.connect(self.save_idle)
        idle_row.addWidget(idle_label)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(save_idle)
        idle_row.addStretch(1)
        layout.addLayout(idle_row)
        self.activated()

    def activated(self) -> None:
        try:
            self.rows = accounts.list_staff(self.context.db, self.context.actor)
        except Exception as error:
            show_exception(self, error)
            return
        now = clock.utcnow()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            if not row.active:
                status = _("switched off")
            elif row.locked_until is not None and row.locked_until > now:
                status = _("locked until {time}").format(
                    time=clock.local(row.locked_until).strftime("%H:%M")
                )
            else:
                status = _("active")
            values = (row.display_name, row.username, role_label(row.role), status)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not row.active:
                    item.setForeground(QColor(colours()["muted"]))  # readable grey (AA)
                self.table.setItem(index, column, item)
        minutes = get_setting(self.context.db, IDLE_SETTING, DEFAULT_IDLE_MINUTES)
        self.idle_minutes.setValue(minutes if isinstance(minutes, int) else DEFAULT_IDLE_MINUTES)
        self._update_buttons()

    def selected(self) -> accounts.StaffRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select_username(self, username: str) -> None:
        for index, row in enumerate(self.rows):
            if row.username == username:
                self.table.selectRow(index)

    def _update_buttons(self) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None)
        self.role_button.setEnabled(row is not None and row.id != self.context.actor.staff_id)
        self.active_button.setEnabled(row is not None and row.id != self.context.actor.staff_id)
        self.active_button.setText(
            _("S&witch on") if row is not None and not row.active else _("S&witch off")
        )

    def add(self) -> None:
        dialog = AddStaffDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.activated()
            self.context.bus.changed.emit("staff")

    def reset_password(self) -> None:
        row = self.selected()
        if row is not None and ResetPasswordDialog(self.context, row, self).exec():
            self.context.bus.status_message.emit(_("The new password is set."))
            self.activated()

    def change_role(self, role: str | None = None) -> None:
        """A volunteer who becomes staff, or the other way round; the window follows at
        their next sign-in."""
        row = self.selected()
        if row is None:
            return
        if role is None:
            labels = [role_label(code) for code in STAFF_ROLES]
            chosen, ok = QInputDialog.getItem(
                self,
                _("Role of {name}").format(name=row.display_name),
                _("&Role"),
                labels,
                STAFF_ROLES.index(row.role),
                False,
            )
            if not ok:
                return
            role = STAFF_ROLES[labels.index(chosen)]
        try:
            accounts.change_role(self.context.db, self.context.actor, row.id, role)
        except Exception as error:
            show_exception(self, error)
            return
        self.activated()
        self.select_username(row.username)

    def toggle_active(self, _checked: bool = False, confirmed: bool = False) -> None:
        row = self.selected()
        if row is None:
            return
        if (
            row.active
            and not confirmed
            and not confirm(
                self,
                _("Switch off the account of {name}? They can no longer sign in.").format(
                    name=row.display_name
                ),
                _("Switch off"),
            )
        ):
            return
        try:
            accounts.set_active(self.context.db, self.context.actor, row.id, not row.active)
        except Exception as error:
            show_exception(self, error)
            return
        self.activated()
        self.select_username(row.username)

    def save_idle(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            set_settings(self.context.db, self.context.actor, {IDLE_SETTING: minutes})
        except Exception as error:
            show_exception(self, error)
            return
        window = self.context.window
        if window is not None and getattr(window, "idle", None) is not None:
            window.idle.set_timeout(minutes * 60_000)  # type: ignore[attr-defined]
        self.context.bus.status_message.emit(_("The idle time is saved."))
