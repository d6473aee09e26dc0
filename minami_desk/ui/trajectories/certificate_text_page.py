"""Beheer → Certificaat: the text under the participant's name, and the ceremony's place."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError
from minami_desk.i18n import _
from minami_desk.services.settings import get_settings, set_settings
from minami_desk.services.trajectories.certificates import (
    DEFAULT_PLACE,
    DEFAULT_TEXT,
    PLACE_KEY,
    TEXT_KEY,
)
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import Heading, show_exception


class CertificateTextPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(_("Certificate"), self, level=2))
        form = QFormLayout()
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(_("Text of the certificate"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        label = QLabel(_("&Text under the name"), self)
        label.setBuddy(self.text)
        form.addRow(label, self.text)
        help_text = QLabel(
            _(
                "You may use: {naam} (full name), {voornaam} (first name), {centrum} (the "
                'centre\'s name), {periode} ("van 3 juni 2026 tot en met 3 december 2026"), '
                "{begeleider} (the coach)."
            ),
            self,
        )
        help_text.setObjectName("muted")
        help_text.setWordWrap(True)
        form.addRow("", help_text)
        self.place = QLineEdit(self)
        self.place.setAccessibleName(_("Place of the ceremony"))
        place_label = QLabel(_("&Place of the ceremony"), self)
        place_label.setBuddy(self.place)
        form.addRow(place_label, self.place)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        reset = QPushButton(_("&Default text"), self)
        reset.setAccessibleName(_("Put back the default text"))
        reset.clicked.connect(lambda: self.text.setPlainText(DEFAULT_TEXT))
        save = QPushButton(_("&Save"), self)
        save.setObjectName("primary")
        save.setAccessibleName(_("Save the certificate text"))
        save.clicked.connect(self.save)
        buttons.addWidget(reset)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.activated()

    def activated(self) -> None:
        values = get_settings(self.context.db, "certificate.")
        self.text.setPlainText(str(values.get(TEXT_KEY) or DEFAULT_TEXT))
        self.place.setText(str(values.get(PLACE_KEY) or DEFAULT_PLACE))

    def save(self) -> None:
        text = " ".join(self.text.toPlainText().split())
        values = {TEXT_KEY: text or DEFAULT_TEXT, PLACE_KEY: self.place.text().strip()}
        try:
            set_settings(self.context.db, self.context.actor, values)
        except UserError as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("settings")
        self.context.bus.status_message.emit(_("The certificate text is saved."))
