"""The residents' rights from the window: inzage (PDF + JSON), erasure, the verwerkingsregister.

The resident page opens the first two through the navigator ("person_export",
"anonymise_resident"), so the page needs no knowledge of how they work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from minami_desk.i18n import _
from minami_desk.services.actor import Permission
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import confirm, show_error, show_exception


def _ask_path(context: AppContext, title: str, suggested: str, pattern: str) -> Path | None:
    start = str(Path.home() / suggested)
    chosen, _filter = QFileDialog.getSaveFileName(context.window, title, start, pattern)
    return Path(chosen) if chosen else None


def export_person(context: AppContext, resident_id: int, out: Path | None = None) -> None:
    """Inzageverzoek: everything about one resident as FILE.pdf and FILE.json."""
    if not context.actor.can(Permission.EXPORT_PERSONAL_DATA):
        show_error(context.window, _("Your role does not allow this. Ask a staff member."))
        return
    if out is None:
        out = _ask_path(
            context,
            _("Save the access request (PDF and JSON)"),
            f"inzage-bewoner-{resident_id}.pdf",
            _("PDF (*.pdf)"),
        )
        if out is None:
            return
    db, actor = context.db, context.actor

    def done(paths: list[Path]) -> None:
        context.bus.changed.emit("audit")
        context.bus.status_message.emit(
            _("Saved: {files}").format(files=", ".join(path.name for path in paths))
        )

    # The privacy services (and the PDF writer behind them) load on first use, not at start.
    from minami_desk.services.privacy.person_export import write_person_export

    context.run_task(
        lambda: write_person_export(db, actor, resident_id, out),
        done,
        lambda error: show_exception(context.window, error),
    )


def erase_person(context: AppContext, resident_id: int, confirmed: bool = False) -> None:
    """Erase on request: the resident is anonymised; figures of past periods stay."""
    if not context.actor.can(Permission.ERASE_PERSONAL_DATA):
        show_error(context.window, _("Only the administrator can erase a resident's data."))
        return
    if not confirmed and not confirm(
        context.window,
        _(
            "Erase this resident's personal data? Name, contact details, date of birth, notes "
            "and every text about them are removed for good; their visits still count in the "
            "figures, without a name. This cannot be undone. Make an access request first if "
            "the resident wants a copy."
        ),
        _("Erase for good"),
        _("Erase personal data"),
    ):
        return
    db, actor = context.db, context.actor

    def done(_result: object) -> None:
        context.bus.changed.emit("resident")
        context.bus.status_message.emit(_("The resident's personal data have been erased."))

    from minami_desk.services.privacy.anonymise import anonymise_resident

    context.run_task(
        lambda: anonymise_resident(db, actor, resident_id),
        done,
        lambda error: show_exception(context.window, error),
    )


def save_processing_register(context: AppContext, out: Path | None = None) -> None:
    if out is None:
        out = _ask_path(
            context, _("Save the processing register"), "verwerkingsregister.pdf", _("PDF (*.pdf)")
        )
        if out is None:
            return
    from minami_desk.reports.processing_register import render_processing_register
    from minami_desk.services.privacy.register import processing_register

    db, actor, path = context.db, context.actor, out

    def work() -> Path:
        render_processing_register(processing_register(db, actor), path)
        return path

    context.run_task(
        work,
        lambda saved: context.bus.status_message.emit(_("Saved: {files}").format(files=saved.name)),
        lambda error: show_exception(context.window, error),
    )


def install(context: AppContext) -> None:
    context.navigator.register(
        "person_export", lambda resident_id, **extra: export_person(context, resident_id, **extra)
    )
    context.navigator.register(
        "anonymise_resident",
        lambda resident_id, **extra: erase_person(context, resident_id, **extra),
    )
