"""Merging two registrations of one person: pick the other, choose who stays, confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import _
from minami_desk.services.merge import merge_residents
from minami_desk.services.profile import ResidentDetails, get_resident
from minami_desk.ui.desk.search import ResidentSearch
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import confirm, show_exception


def describe(details: ResidentDetails) -> str:
    born = details.birth_date.strftime("%d-%m-%Y") if details.birth_date else "—"
    return _("{name} — no. {number}, born {born}, phone {phone}, postcode {postcode}").format(
        name=details.full_name,
        number=details.number,
        born=born,
        phone=details.phone or "—",
        postcode=details.postcode or "—",
    )


class MergeDialog(QDialog):
    def __init__(self, context: AppContext, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent or context.window)
        self.context = context
        self.first = get_resident(context.db, context.actor, resident_id)
        self.second: ResidentDetails | None = None
        self.kept_id: int | None = None
        self.setWindowTitle(_("Merge residents"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Registered twice? Find the other registration. Everything of the one that goes "
                "(contacts, sessions, trajectories, referrals, consents) moves to the one that "
                "stays."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.picker = ResidentSearch(context, self, list_all=False, compact=True)
        self.picker.opened.connect(self.choose_other)
        layout.addWidget(self.picker)
        self.choice_label = QLabel(_("Which registration stays?"), self)
        self.choice_label.setObjectName("subheading")
        layout.addWidget(self.choice_label)
        self.keep_first = QRadioButton(describe(self.first), self)
        self.keep_second = QRadioButton("", self)
        self.group = QButtonGroup(self)
        for button in (self.keep_first, self.keep_second):
            self.group.addButton(button)
            layout.addWidget(button)
        self.keep_first.setChecked(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.merge_button = QPushButton(_("&Merge"), self)
        self.merge_button.setObjectName("primary")
        self.merge_button.setAutoDefault(False)
        self.merge_button.setAccessibleName(_("Merge the two registrations"))
        self.merge_button.clicked.connect(self.merge)
        buttons.addWidget(cancel)
        buttons.addWidget(self.merge_button)
        layout.addLayout(buttons)
        self._update()
        self.picker.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_other(self, resident_id: int) -> None:
        if resident_id == self.first.id:
            return
        self.second = get_resident(self.context.db, self.context.actor, resident_id)
        self.keep_second.setText(describe(self.second))
        # The older registration (lower number) stays by default: paper forms carry it.
        older_first = self.first.number <= self.second.number
        (self.keep_first if older_first else self.keep_second).setChecked(True)
        self._update()

    def _update(self) -> None:
        ready = self.second is not None
        for widget in (self.choice_label, self.keep_first, self.keep_second):
            widget.setVisible(ready)
        self.merge_button.setEnabled(ready)

    def merge(self, ask: bool = True) -> None:
        if self.second is None:
            return
        keep, drop = (
            (self.first, self.second) if self.keep_first.isChecked() else (self.second, self.first)
        )
        question = _("Merge {drop} into {keep}? This cannot be undone.").format(
            drop=drop.full_name, keep=keep.full_name
        )
        if ask and not confirm(self, question, _("Merge")):
            return
        try:
            merge_residents(self.context.db, self.context.actor, keep.id, drop.id)
        except Exception as error:
            show_exception(self, error)
            return
        self.kept_id = keep.id
        self.context.bus.changed.emit("resident")
        self.accept()
