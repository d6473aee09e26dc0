"""Beheer → Centrum: the centre's name, address, coordinator and logo, as printed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _, pgettext
from minami_desk.services.settings import get_settings, set_settings
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, show_exception

FIELDS = [
    ("centre.name", N_("&Name of the centre")),
    ("centre.address", N_("&Address")),
    ("centre.postcode_city", N_("Postcode and &place")),
    ("centre.phone", N_("&Phone")),
    ("centre.email", N_("&E-mail")),
    ("centre.coordinator", N_("&Coordinator (signs certificates)")),
]


class CentrePage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("The centre"), self, level=2))
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        for key, label in FIELDS:
            field = QLineEdit(self)
            field.setAccessibleName(_(label).replace("&", ""))
            form.addRow(_(label), field)
            self.inputs[key] = field
        logo_row = QHBoxLayout()
        self.logo = QLineEdit(self)
        self.logo.setAccessibleName(_("Logo file"))
        self.logo.setPlaceholderText(_("Empty: the Mi na Mi logo that comes with the program"))
        browse = QPushButton(_("&Choose…"), self)
        browse.setAccessibleName(_("Choose a logo file"))
        browse.clicked.connect(self._choose_logo)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        logo_label = QLabel(_("&Logo (PNG or JPG)"), self)
        logo_label.setBuddy(self.logo)  # a row of a layout gets no buddy by itself
        form.addRow(logo_label, logo_row)
        layout.addLayout(form)
        save = QPushButton(pgettext("Alt+O taken", "&Save"), self)
        save.setObjectName("primary")
        save.setAccessibleName(_("Save the centre's details"))
        save.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.activated()

    def activated(self) -> None:
        values = get_settings(self.context.db, "centre.")
        for key, field in self.inputs.items():
            field.setText(str(values.get(key) or ""))
        self.logo.setText(str(values.get("centre.logo_path") or ""))

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), "", _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo.setText(path)

    def save(self) -> None:
        values: dict[str, object] = {
            key: field.text().strip() for key, field in self.inputs.items()
        }
        values["centre.logo_path"] = self.logo.text().strip()
        try:
            set_settings(self.context.db, self.context.actor, values)
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("settings")
        self.context.bus.status_message.emit(_("The centre's details are saved."))
