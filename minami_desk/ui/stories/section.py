"""Verhalen: the centre's success stories, their sharing consent, and printing them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minami_desk.i18n import N_, _, format_date, ngettext
from minami_desk.services.audit import record_viewed
from minami_desk.services.stories import (
    StoryRow,
    get_story,
    list_stories,
    sharing_label,
    withdraw_consent,
)
from minami_desk.ui.kit.table import RowsModel, make_table, selected_id
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.stories import story_print
from minami_desk.ui.stories.story_dialog import StoryDialog
from minami_desk.ui.widgets import EmptyState, Heading, confirm, show_exception

HEADERS = (N_("Date"), N_("Title"), N_("About"), N_("Sharing"))


def sharing_text(row: StoryRow) -> str:
    if row.consent_withdrawn_at is not None:
        return "⚠ " + _("Consent withdrawn")
    text = sharing_label(row.sharing)
    if row.sharing != "not_shared" and not row.shareable:
        return "⚠ " + _("{sharing} — not possible now").format(sharing=text)
    return text


def about_text(row: StoryRow) -> str:
    if row.sharing == "anonymised" and row.pseudonym:
        name = row.resident_name or row.pseudonym
        return _("{name} (as {pseudonym})").format(name=name, pseudonym=row.pseudonym)
    return row.resident_name or "—"


class StoriesSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: dict[int, StoryRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(Heading(_("Success stories"), self))
        search_row = QHBoxLayout()
        caption = QLabel(_("&Search"), self)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(_("Search stories"))
        self.search.setPlaceholderText(_("Title, pseudonym or resident"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        caption.setBuddy(self.search)
        search_row.addWidget(caption)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)

        self.model = RowsModel([_(header) for header in HEADERS], self)
        self.table = make_table(self, self.model, _("Success stories"))
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.table, 1)
        self.empty = EmptyState(
            _("No stories yet. When a resident tells how the centre helped, write it down here."),
            self,
        )
        self.empty.hide()
        layout.addWidget(self.empty, 1)

        buttons = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        buttons.addWidget(self.count, 1)
        self.new_button = self._button(
            _("&New story"), _("Write a new success story"), lambda: self.new()
        )
        self.edit_button = self._button(
            _("&Edit"), _("Edit the selected story"), self.edit_selected
        )
        self.withdraw_button = self._button(
            _("&Withdraw consent"),
            _("The resident no longer wants the story shared: it leaves every report"),
            self.withdraw_selected,
        )
        self.save_pdf_button = self._button(
            _("Save as P&DF…"),
            _("Save the printed page, for example for the newsletter"),
            self.save_selected,
        )
        self.print_button = self._button(
            _("&Print…"),
            _("Open the one-page print in the PDF viewer to preview and print"),
            self.print_selected,
        )
        self.print_button.setObjectName("primary")
        for button in (
            self.new_button,
            self.edit_button,
            self.withdraw_button,
            self.save_pdf_button,
            self.print_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._sync_buttons())
        context.bus.changed.connect(self._on_changed)
        self._loaded = False
        self._sync_buttons()

    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        rows = list_stories(self.context.db, self.context.actor, self.search.text())
        keep = self.selected()
        self.rows = {row.id: row for row in rows}
        self.model.set_rows(
            [
                (
                    row.id,
                    (
                        format_date(row.story_date, "short"),
                        row.title,
                        about_text(row),
                        sharing_text(row),
                    ),
                )
                for row in rows
            ]
        )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.count.setText(
            ngettext("{count} story", "{count} stories", len(rows)).format(count=len(rows))
        )
        if rows:
            ids = [row.id for row in rows]
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._sync_buttons()

    def selected(self) -> int | None:
        return selected_id(self.table) if self.model.rows else None

    def _sync_buttons(self) -> None:
        row = self.rows.get(self.selected() or -1)
        self.edit_button.setEnabled(row is not None)
        shareable = row is not None and row.shareable
        self.print_button.setEnabled(shareable)
        self.save_pdf_button.setEnabled(shareable)
        self.withdraw_button.setEnabled(
            row is not None and row.consent_withdrawn_at is None and row.sharing != "not_shared"
        )
        if row is not None and not shareable:
            self.print_button.setToolTip(_("Only a story that may be shared can be printed"))
        else:
            self.print_button.setToolTip(
                _("Open the one-page print in the PDF viewer to preview and print")
            )

    def new(self, resident_id: int | None = None) -> QDialog:
        dialog = StoryDialog(self.context, resident_id=resident_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit(self, story_id: int) -> QDialog | None:
        try:
            row = get_story(self.context.db, self.context.actor, story_id)
            if row.resident_id is not None or row.trajectory_id is not None:  # about a person
                record_viewed(self.context.db, self.context.actor, "success_story", story_id)
        except Exception as error:
            show_exception(self, error)
            return None
        dialog = StoryDialog(self.context, existing=row, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        story_id = self.selected()
        if story_id is not None:
            self.edit(story_id)

    def withdraw_selected(self) -> None:
        story_id = self.selected()
        if story_id is None:
            return
        question = _(
            "Withdraw the consent for this story? From now on it appears in no report and "
            "cannot be printed. This cannot be undone."
        )
        if not confirm(self, question, _("Withdraw consent")):
            return
        try:
            withdraw_consent(self.context.db, self.context.actor, story_id)
        except Exception as error:
            show_exception(self, error)
            return
        self.context.bus.changed.emit("story")
        self.context.bus.status_message.emit(_("Consent withdrawn; the story is no longer shared."))

    def print_selected(self) -> None:
        story_id = self.selected()
        if story_id is not None:
            story_print.print_story(self.context, story_id, self)

    def save_selected(self) -> None:
        story_id = self.selected()
        if story_id is not None:
            story_print.save_story_as(self.context, story_id, self)

    def _on_changed(self, what: str) -> None:
        if what in ("story", "resident") and self._loaded:
            self.refresh()

    def activated(self) -> None:
        self._loaded = True
        self.refresh()


def install(context: AppContext) -> None:
    """ "story" opens a story (from a timeline); "new_story" starts one for a resident."""

    def section() -> StoriesSection | None:
        window = context.window
        widget = window.section_widget("stories") if window is not None else None  # type: ignore[attr-defined]
        return widget if isinstance(widget, StoriesSection) else None

    def open_story(story_id: int) -> QDialog | None:
        found = section()
        return found.edit(story_id) if found is not None else None

    def new_story(resident_id: int | None = None) -> QDialog | None:
        found = section()
        return found.new(resident_id) if found is not None else None

    context.navigator.register("story", open_story)
    context.navigator.register("new_story", new_story)
