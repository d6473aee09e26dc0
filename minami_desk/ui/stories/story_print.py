"""Printing a success story: the PDF opens in the PC's viewer, which previews and prints it.

The program has no PDF renderer of its own (Qt's PDF module is not part of the essentials), so
the system viewer is the preview; "Save as PDF" is for the newsletter editor.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from minami_desk.i18n import _
from minami_desk.services.centre import centre_info
from minami_desk.services.stories import story_for_print
from minami_desk.ui.shell.context import AppContext


def open_document(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_folder() -> Path:
    """A private temporary folder: printed stories may carry a name, so not in a shared place."""
    folder = Path(tempfile.gettempdir()) / "minami-desk-afdrukken"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def write_story(context: AppContext, story_id: int, target: Path) -> Path:
    """Build the page off the UI thread; refuses (in Dutch) a story that may not be shared."""
    story = story_for_print(context.db, context.actor, story_id)
    from minami_desk.reports.story import write_story_pdf  # reportlab: loaded when printing

    return write_story_pdf(story, centre_info(context.db), target)


def print_story(context: AppContext, story_id: int, parent: QWidget | None = None) -> None:
    target = print_folder() / f"verhaal-{story_id}.pdf"
    context.run_task(
        lambda: write_story(context, story_id, target),
        on_done=open_document,
        title=_("Preparing the story for printing…"),
        parent=parent,
    )


def save_story_as(context: AppContext, story_id: int, parent: QWidget | None = None) -> None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the story as PDF"), f"succesverhaal-{story_id}.pdf", _("PDF (*.pdf)")
    )
    if not path:
        return
    target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
    context.run_task(
        lambda: write_story(context, story_id, target),
        on_done=lambda saved: context.bus.status_message.emit(
            _("Saved: {path}").format(path=saved)
        ),
        parent=parent,
    )
