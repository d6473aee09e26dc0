"""The success-story form: the story itself, who it is about, and how it may be shared."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk import clock
from minami_desk.i18n import N_, _, format_date
from minami_desk.services.referrals import resident_label
from minami_desk.services.residents import search_residents
from minami_desk.services.stories import (
    MAX_STORY,
    SHARING_LABELS,
    StoryInput,
    StoryRow,
    save_story,
    sharing_label,
    trajectory_choices,
)
from minami_desk.ui.kit.date_field import DateField
from minami_desk.ui.kit.form_row import FormRows, save_and_close
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import dialog_buttons

TRAJECTORY_STATUS = {
    "active": N_("ongoing"),
    "completed": N_("completed"),
    "stopped": N_("stopped"),
}


class StoryDialog(QDialog):
    """New story (``existing`` None) or an existing one; ``resident_id`` pre-links a resident."""

    def __init__(
        self,
        context: AppContext,
        existing: StoryRow | None = None,
        resident_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or context.window)
        self.context = context
        self.existing = existing
        self.saved_id: int | None = None
        self.setWindowTitle(_("Change story") if existing else _("New success story"))
        self.setMinimumSize(640, 620)
        layout = QVBoxLayout(self)
        form = FormRows(self)

        self.title = QLineEdit(self)
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(_("For example: Back at work after a hard year"))
        form.add("title", _("&Title"), self.title)
        self.story_date = DateField(self, _("Date of the story"), clock.today())
        self.story_date.setToolTip(_("When it happened or was told; reports use it for the period"))
        form.add("story_date", _("&Date"), self.story_date)
        self.story = QPlainTextEdit(self)
        self.story.setAccessibleName(_("The story"))
        self.story.setToolTip(
            _("In the resident's own words; an empty line starts a new paragraph")
        )
        self.story.setTabChangesFocus(True)
        self.story.setMinimumHeight(180)
        self.story.setPlaceholderText(
            _("Tell it in the resident's own words. A blank line starts a new paragraph.")
        )
        self.counter = QLabel(self)
        self.counter.setObjectName("muted")
        self.story.textChanged.connect(self._count)
        story_column = QVBoxLayout()
        story_column.addWidget(self.story)
        story_column.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        form.add("story", _("&Story"), story_column, self.story)

        resident_row = QHBoxLayout()
        self.resident_search = QLineEdit(self)
        self.resident_search.setAccessibleName(_("Find the resident"))
        self.resident_search.setPlaceholderText(_("Name or resident number"))
        self.resident = QComboBox(self)
        self.resident.setAccessibleName(_("Resident the story is about"))
        self.resident.setToolTip(_("Type in the field before it to find the resident"))
        self.resident.setMinimumWidth(260)
        self.resident.addItem(_("— no resident linked —"), None)
        resident_row.addWidget(self.resident_search, 1)
        resident_row.addWidget(self.resident, 2)
        form.add("resident", _("&Resident"), resident_row, self.resident_search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search)
        self.resident_search.textEdited.connect(lambda _text: self._search_timer.start())
        self.resident.currentIndexChanged.connect(self._fill_trajectories)

        self.trajectory = QComboBox(self)
        self.trajectory.setAccessibleName(_("Trajectory the story belongs to"))
        self.trajectory.setToolTip(_("Optional: the resident's trajectory the story grew from"))
        form.add("trajectory", _("Tra&jectory"), self.trajectory)

        sharing_column = QVBoxLayout()
        self.sharing_group = QButtonGroup(self)
        self.sharing_buttons: dict[str, QRadioButton] = {}
        for code in SHARING_LABELS:
            button = QRadioButton(sharing_label(code), self)
            button.setAccessibleName(sharing_label(code))
            button.toggled.connect(self._sync_pseudonym)
            self.sharing_group.addButton(button)
            self.sharing_buttons[code] = button
            sharing_column.addWidget(button)
        self.sharing_buttons["named"].setToolTip(
            _("Printed with the resident's first and last name")
        )
        self.sharing_buttons["anonymised"].setToolTip(
            _("Printed under a pseudonym; remove names and details that give the person away")
        )
        self.pseudonym = QLineEdit(self)
        self.pseudonym.setAccessibleName(_("Pseudonym"))
        self.pseudonym.setPlaceholderText(_("Pseudonym, for example: Mrs A."))
        pseudonym_row = QHBoxLayout()
        pseudonym_caption = QLabel(_("&Pseudonym"), self)
        pseudonym_caption.setBuddy(self.pseudonym)
        pseudonym_row.addSpacing(22)
        pseudonym_row.addWidget(pseudonym_caption)
        pseudonym_row.addWidget(self.pseudonym, 1)
        sharing_column.addLayout(pseudonym_row)
        self.withdrawn = QLabel(self)
        self.withdrawn.setWordWrap(True)
        self.withdrawn.hide()
        sharing_column.addWidget(self.withdrawn)
        form.add("sharing", _("Sharing &consent"), sharing_column, self.sharing_buttons["named"])
        form.errors["pseudonym"] = form.errors["sharing"]
        self.sharing_buttons["not_shared"].setChecked(True)

        form.place(layout)
        self.form = form
        buttons, self.save_button = dialog_buttons(
            self, _("&Save story"), self.save, _("Save story")
        )
        layout.addWidget(buttons)

        if existing is not None:
            self._fill(existing)
        elif resident_id is not None:
            self._link_resident(resident_id)
        self._fill_trajectories()
        self._sync_pseudonym()
        self._count()
        self.title.setFocus()

    def _fill(self, row: StoryRow) -> None:
        self.title.setText(row.title)
        self.story_date.set_value(row.story_date)
        self.story.setPlainText(row.story)
        if row.resident_id is not None:
            self.resident.addItem(
                _("{name} (no. {number})").format(
                    name=row.resident_name, number=row.resident_number
                ),
                row.resident_id,
            )
            self.resident.setCurrentIndex(1)
        self._wanted_trajectory = row.trajectory_id
        self.sharing_buttons[row.sharing].setChecked(True)
        self.pseudonym.setText(row.pseudonym)
        if row.consent_withdrawn_at is not None:
            when = format_date(clock.local(row.consent_withdrawn_at).date(), "long")
            self.withdrawn.setText(
                "⚠ "
                + _("Consent withdrawn on {date}: this story is never shared.").format(date=when)
            )
            self.withdrawn.show()
            for button in self.sharing_buttons.values():
                button.setEnabled(False)
            self.pseudonym.setEnabled(False)

    def _link_resident(self, resident_id: int) -> None:
        self.resident.addItem(
            resident_label(self.context.db, self.context.actor, resident_id), resident_id
        )
        self.resident.setCurrentIndex(self.resident.count() - 1)

    def _search(self) -> None:
        text = self.resident_search.text().strip()
        if len(text) < 2:
            return
        found = search_residents(self.context.db, self.context.actor, text, limit=20)
        chosen = self.resident.currentData()
        self.resident.blockSignals(True)
        self.resident.clear()
        self.resident.addItem(_("— no resident linked —"), None)
        for resident in found:
            self.resident.addItem(
                _("{name} (no. {number})").format(name=resident.full_name, number=resident.number),
                resident.id,
            )
        self.resident.blockSignals(False)
        index = self.resident.findData(chosen) if chosen is not None else -1
        self.resident.setCurrentIndex(index if index > 0 else (1 if found else 0))
        self._fill_trajectories()

    def _fill_trajectories(self) -> None:
        wanted = getattr(self, "_wanted_trajectory", None) or self.trajectory.currentData()
        self.trajectory.clear()
        self.trajectory.addItem(_("— no trajectory —"), None)
        resident_id = self.resident.currentData()
        if resident_id is not None:
            for choice in trajectory_choices(self.context.db, self.context.actor, resident_id):
                self.trajectory.addItem(
                    _("Trajectory from {date} ({status})").format(
                        date=format_date(choice.start_date, "long"),
                        status=_(TRAJECTORY_STATUS[choice.status]),
                    ),
                    choice.id,
                )
        self.trajectory.setCurrentIndex(max(self.trajectory.findData(wanted), 0))
        self._wanted_trajectory = None

    def _sync_pseudonym(self) -> None:
        anonymised = self.sharing_buttons["anonymised"].isChecked()
        withdrawn = self.existing is not None and self.existing.consent_withdrawn_at is not None
        self.pseudonym.setEnabled(anonymised and not withdrawn)

    def _count(self) -> None:
        count = len(self.story.toPlainText().strip())
        self.counter.setText(
            _("{count} of at most {limit} characters").format(count=count, limit=MAX_STORY)
        )

    def choose_sharing(self, code: str) -> None:
        self.sharing_buttons[code].setChecked(True)

    def value(self) -> StoryInput:
        sharing = next(code for code, button in self.sharing_buttons.items() if button.isChecked())
        return StoryInput(
            title=self.title.text(),
            story=self.story.toPlainText(),
            story_date=self.story_date.value(),
            sharing=sharing,
            pseudonym=self.pseudonym.text(),
            resident_id=self.resident.currentData(),
            trajectory_id=self.trajectory.currentData(),
        )

    def save(self) -> None:
        story_id = self.existing.id if self.existing else None
        data = self.value()

        def store() -> None:
            self.saved_id = save_story(self.context.db, self.context.actor, data, story_id)

        save_and_close(self, self.context, self.form, store, "story", _("The story is saved."))
