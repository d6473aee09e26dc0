"""Every dialog of the program, built on the demo database the way the window opens it.

The accessibility walk opens each of these; ``all_dialog_classes()`` finds every ``QDialog``
subclass in ``minami_desk.ui`` so that a new dialog without an entry here fails the test.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog

from minami_desk import clock
from minami_desk.services import accounts
from minami_desk.services.referrals import list_referrals
from minami_desk.services.residents import list_residents_rows
from minami_desk.services.sessions.queries import session_summary, week_sessions
from minami_desk.services.stories import StoryInput, list_stories, save_story
from minami_desk.services.trajectories.queries import get_trajectory, list_trajectories
from minami_desk.ui.shell.context import AppContext

# Abstract helpers: never shown on their own, only through their subclasses.
BASES = {"minami_desk.ui.trajectories.forms.ServiceDialog"}


def all_dialog_classes() -> set[str]:
    """Dotted names of every QDialog subclass defined in ``minami_desk.ui`` (all modules)."""
    import minami_desk.ui

    for info in pkgutil.walk_packages(minami_desk.ui.__path__, "minami_desk.ui."):
        importlib.import_module(info.name)

    found: set[str] = set()

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("minami_desk.ui"):
                found.add(f"{sub.__module__}.{sub.__qualname__}")
            walk(sub)

    walk(QDialog)
    return found - BASES


@dataclass(frozen=True)
class Ids:
    resident: int
    other_resident: int
    trajectory: int
    session: int
    referral: int
    story: int


def demo_ids(context: AppContext) -> Ids:
    db, actor = context.db, context.actor
    residents = list_residents_rows(db, actor)
    trajectory = list_trajectories(db, actor, status="active", limit=1)[0]
    today = clock.today()
    sessions = []
    for weeks in range(0, 30):
        sessions = week_sessions(db, actor, today - timedelta(weeks=weeks))
        if sessions:
            break
    return Ids(
        resident=int(residents[0][0]),
        other_resident=int(residents[1][0]),
        trajectory=trajectory.id,
        session=sessions[0].id,
        referral=list_referrals(db, actor, limit=1)[0].id,
        story=_a_story(context, int(residents[0][0])),
    )


def _a_story(context: AppContext, resident_id: int) -> int:
    """The demo data has no success stories; the walk needs one to open as "change"."""
    stories = list_stories(context.db, context.actor)
    if stories:
        return stories[0].id
    story = StoryInput(
        title="Weer aan het werk",
        story="Na een moeilijk jaar vond zij via de taalles een baan in de wijk.",
        story_date=clock.today(),
        resident_id=resident_id,
    )
    return save_story(context.db, context.actor, story)


Factory = Callable[[AppContext, Ids, Path], QDialog]


def _factories() -> dict[str, list[tuple[str, Factory]]]:
    """Class name -> (label, factory) for each state worth walking (new and existing)."""
    from minami_desk.services.referrals import get_referral
    from minami_desk.services.stories import get_story
    from minami_desk.ui.accounts.actions import ChangePasswordDialog
    from minami_desk.ui.accounts.staff_page import AddStaffDialog, ResetPasswordDialog
    from minami_desk.ui.backup.dialogs import BackupDialog
    from minami_desk.ui.desk.contact_dialog import ContactDialog
    from minami_desk.ui.desk.import_dialog import ImportDialog
    from minami_desk.ui.desk.merge_dialog import MergeDialog
    from minami_desk.ui.desk.registration_dialog import RegistrationDialog
    from minami_desk.ui.referrals.follow_up_dialog import FollowUpDialog
    from minami_desk.ui.referrals.referral_dialog import ReferralDialog
    from minami_desk.ui.sessions.attendance_screen import AttendanceScreen
    from minami_desk.ui.sessions.plan_dialog import PlanDialog
    from minami_desk.ui.sessions.sheet_preview import SheetDialog
    from minami_desk.ui.shell.about import AboutDialog, ShortcutsDialog
    from minami_desk.ui.shell.idle_lock import LockDialog
    from minami_desk.ui.shell.preferences import PreferencesDialog
    from minami_desk.ui.shell.sign_in import CreateAdminDialog, SignInDialog
    from minami_desk.ui.stories.story_dialog import StoryDialog
    from minami_desk.ui.trajectories.certificates_dialog import CertificatesDialog
    from minami_desk.ui.trajectories.close_dialogs import CompleteDialog, StopDialog
    from minami_desk.ui.trajectories.milestone_dialogs import (
        MarkDoneDialog,
        MoveDialog,
        ScoresDialog,
    )
    from minami_desk.ui.trajectories.start_dialog import StartTrajectoryDialog

    def detail(c: AppContext, i: Ids):  # type: ignore[no-untyped-def]
        return get_trajectory(c.db, c.actor, i.trajectory)

    def sheet(c: AppContext, i: Ids, tmp: Path) -> QDialog:
        from minami_desk.services.sessions.export import save_attendance_sheet

        path = save_attendance_sheet(c.db, c.actor, i.session, tmp / "sheet.pdf")
        return SheetDialog(path, c.window)

    def staff_row(c: AppContext) -> accounts.StaffRow:
        return accounts.list_staff(c.db, c.actor)[0]

    return {
        "shell.about.AboutDialog": [("about", lambda c, i, t: AboutDialog(c, c.window))],
        "shell.about.ShortcutsDialog": [
            ("shortcuts", lambda c, i, t: ShortcutsDialog(c, c.window))
        ],
        "accounts.actions.ChangePasswordDialog": [
            ("password", lambda c, i, t: ChangePasswordDialog(c, c.window))
        ],
        "accounts.staff_page.AddStaffDialog": [
            ("add staff", lambda c, i, t: AddStaffDialog(c, c.window))
        ],
        "accounts.staff_page.ResetPasswordDialog": [
            ("reset password", lambda c, i, t: ResetPasswordDialog(c, staff_row(c), c.window))
        ],
        "backup.dialogs.BackupDialog": [
            ("backup", lambda c, i, t: BackupDialog(c.window, t / "backup.mnb"))
        ],
        "desk.contact_dialog.ContactDialog": [
            ("walk-in", lambda c, i, t: ContactDialog(c)),
            ("contact", lambda c, i, t: ContactDialog(c, i.resident)),
        ],
        "desk.import_dialog.ImportDialog": [("import", lambda c, i, t: ImportDialog(c))],
        "desk.merge_dialog.MergeDialog": [("merge", lambda c, i, t: MergeDialog(c, i.resident))],
        "desk.registration_dialog.RegistrationDialog": [
            ("new", lambda c, i, t: RegistrationDialog(c)),
            ("change", lambda c, i, t: RegistrationDialog(c, i.resident)),
        ],
        "shell.idle_lock.LockDialog": [("lock", lambda c, i, t: LockDialog(c.window))],
        "shell.preferences.PreferencesDialog": [
            ("language and appearance", lambda c, i, t: PreferencesDialog(c, c.window))
        ],
        "referrals.follow_up_dialog.FollowUpDialog": [
            ("follow-up", lambda c, i, t: FollowUpDialog(c, i.referral))
        ],
        "referrals.referral_dialog.ReferralDialog": [
            ("new", lambda c, i, t: ReferralDialog(c, i.resident)),
            (
                "change",
                lambda c, i, t: ReferralDialog(
                    c, i.resident, existing=get_referral(c.db, c.actor, i.referral)
                ),
            ),
        ],
        "stories.story_dialog.StoryDialog": [
            ("new", lambda c, i, t: StoryDialog(c, resident_id=i.resident)),
            ("change", lambda c, i, t: StoryDialog(c, get_story(c.db, c.actor, i.story))),
        ],
        "sessions.attendance_screen.AttendanceScreen": [
            ("attendance", lambda c, i, t: AttendanceScreen(c, i.session))
        ],
        "sessions.plan_dialog.PlanDialog": [
            ("new", lambda c, i, t: PlanDialog(c)),
            (
                "change",
                lambda c, i, t: PlanDialog(c, session_summary(c.db, c.actor, i.session)),
            ),
        ],
        "sessions.sheet_preview.SheetDialog": [("sheet", sheet)],
        "shell.sign_in.SignInDialog": [("sign in", lambda c, i, t: SignInDialog(c.db, c.window))],
        "shell.sign_in.CreateAdminDialog": [
            ("first administrator", lambda c, i, t: CreateAdminDialog(c.db, c.window))
        ],
        "trajectories.certificates_dialog.CertificatesDialog": [
            ("certificates", lambda c, i, t: CertificatesDialog(c, c.window))
        ],
        "trajectories.close_dialogs.CompleteDialog": [
            ("complete", lambda c, i, t: CompleteDialog(c, i.trajectory, c.window))
        ],
        "trajectories.close_dialogs.StopDialog": [
            ("stop", lambda c, i, t: StopDialog(c, i.trajectory, c.window))
        ],
        "trajectories.start_dialog.StartTrajectoryDialog": [
            ("start", lambda c, i, t: StartTrajectoryDialog(c, i.resident, c.window))
        ],
        "trajectories.milestone_dialogs.MarkDoneDialog": [
            (
                "done",
                lambda c, i, t: MarkDoneDialog(
                    c, detail(c, i).milestones[0], detail(c, i).goals, c.window
                ),
            )
        ],
        "trajectories.milestone_dialogs.MoveDialog": [
            ("move", lambda c, i, t: MoveDialog(c, detail(c, i).milestones[-1], c.window))
        ],
        "trajectories.milestone_dialogs.ScoresDialog": [
            (
                "scores",
                lambda c, i, t: ScoresDialog(c, i.trajectory, detail(c, i).goals, c.window),
            )
        ],
    }


def dialog_entries() -> dict[str, list[tuple[str, Factory]]]:
    return {f"minami_desk.ui.{key}": value for key, value in _factories().items()}


def open_every_dialog(context: AppContext, tmp: Path) -> Iterator[tuple[str, QDialog]]:
    """Each dialog shown (not exec'd), yielded, then closed."""
    ids = demo_ids(context)
    for name, entries in sorted(dialog_entries().items()):
        for label, factory in entries:
            dialog = factory(context, ids, tmp)
            dialog.show()
            try:
                yield f"{name.rsplit('.', 1)[-1]} ({label})", dialog
            finally:
                dialog.hide()
                dialog.deleteLater()
