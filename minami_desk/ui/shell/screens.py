"""Every screen of the window, in one table: sections, Vandaag panels, menu actions, Beheer pages.

A screen is named by a ``"module:attribute"`` string and imported when first used, so reading
this table costs nothing: the window's frame shows before the data layer (SQLAlchemy,
reportlab, …) is loaded. The order of each list is the order on screen. Adding a screen means
adding one line here; the feature's package (``ui/<feature>/``) holds the screen itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Actor, Permission

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from minami_desk.ui.shell.context import AppContext


def resolve(target: str) -> Callable[..., Any]:
    """``"package.module:name"`` → that attribute, importing the module now."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def module_of(target: str) -> str:
    return target.partition(":")[0]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # an N_() msgid, translated where shown
    target: str  # "module:Class", called with the AppContext
    permission: Permission | None = None
    # "module:function" registering the section's navigator targets (needs the data layer)
    install: str | None = None
    icon: str = ""

    def create(self, context: AppContext) -> QWidget:
        return resolve(self.target)(context)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class TodayPanelSpec:
    key: str
    target: str
    permission: Permission | None = None

    def create(self, context: AppContext) -> QWidget:
        return resolve(self.target)(context)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ActionSpec:
    menu: str  # "file", "view", "admin" or "help"
    text: str  # an N_() msgid
    target: str  # "module:function", called with the AppContext
    shortcut: str | None = None
    permission: Permission | None = None
    tooltip: str = ""

    def trigger(self, context: AppContext) -> Any:
        return resolve(self.target)(context)


@dataclass(frozen=True)
class AdminPageSpec:
    key: str
    title: str  # an N_() msgid
    target: str
    permission: Permission | None = Permission.MANAGE_SETTINGS

    def create(self, context: AppContext) -> QWidget:
        return resolve(self.target)(context)  # type: ignore[no-any-return]


class Separator:
    """A line in a menu. It shows only when the actions right next to it in the table are
    both shown, so a role that lacks a group sees no stray or doubled lines."""


SEPARATOR = Separator()
UI = "minami_desk.ui"

SECTIONS = [
    SectionSpec("today", N_("Today"), f"{UI}.shell.today:TodaySection"),
    SectionSpec(
        "residents",
        N_("Residents"),
        f"{UI}.desk.section:ResidentsSection",
        Permission.FIND_RESIDENTS,
        install=f"{UI}.desk.section:install",
    ),
    SectionSpec(
        "sessions",
        N_("Sessions"),
        f"{UI}.sessions.section:SessionsSection",
        Permission.TAKE_ATTENDANCE,
        install=f"{UI}.sessions.section:install",
    ),
    SectionSpec(
        "trajectories",
        N_("Trajectories"),
        f"{UI}.trajectories.section:TrajectoriesSection",
        Permission.VIEW_TRAJECTORIES,
        install=f"{UI}.trajectories.section:install",
    ),
    SectionSpec(
        "referrals",
        N_("Referrals"),
        f"{UI}.referrals.section:ReferralsSection",
        Permission.VIEW_REFERRALS,
        install=f"{UI}.referrals.section:install",
    ),
    SectionSpec(
        "stories",
        N_("Stories"),
        f"{UI}.stories.section:StoriesSection",
        Permission.MANAGE_STORIES,
        install=f"{UI}.stories.section:install",
    ),
    SectionSpec(
        "reports", N_("Reports"), f"{UI}.reports.section:ReportsSection", Permission.VIEW_REPORTS
    ),
    SectionSpec(
        "admin", N_("Administration"), f"{UI}.shell.admin:AdminSection", Permission.MANAGE_SETTINGS
    ),
]

# Vandaag: the first panel spans the width, the others fill two columns in this order.
TODAY_PANELS = [
    TodayPanelSpec("desk", f"{UI}.desk.search_panel:DeskPanel", Permission.FIND_RESIDENTS),
    TodayPanelSpec(
        "desk_contacts", f"{UI}.desk.contacts_panel:ContactsPanel", Permission.RECORD_CONTACTS
    ),
    TodayPanelSpec(
        "sessions_today", f"{UI}.sessions.today_panel:TodaysSessions", Permission.TAKE_ATTENDANCE
    ),
    TodayPanelSpec(
        "milestones_due",
        f"{UI}.trajectories.milestones_panel:_create",
        Permission.VIEW_TRAJECTORIES,
    ),
    TodayPanelSpec(
        "referral_followups",
        f"{UI}.referrals.followups_panel:ReferralFollowUpsPanel",
        Permission.VIEW_REFERRALS,
    ),
]

# Per menu, in menu order (the menus themselves are ordered in the main window).
ACTIONS: list[ActionSpec | Separator] = [
    ActionSpec(
        "file",
        N_("&New resident…"),
        f"{UI}.desk.actions:new_resident",
        shortcut="Ctrl+N",
        permission=Permission.REGISTER_RESIDENTS,
        tooltip=N_("Register a new resident"),
    ),
    ActionSpec(
        "file",
        N_("Register &walk-in…"),
        f"{UI}.desk.actions:walk_in",
        shortcut="Ctrl+I",
        permission=Permission.RECORD_CONTACTS,
        tooltip=N_("Record a walk-in or call with its help request"),
    ),
    ActionSpec(
        "file",
        N_("&Plan a session…"),
        f"{UI}.sessions.actions:plan_session",
        shortcut="Ctrl+Shift+N",
        permission=Permission.MANAGE_SESSIONS,
        tooltip=N_("Plan a session or a series in Bijeenkomsten"),
    ),
    ActionSpec(
        "file",
        N_("&Import residents…"),
        f"{UI}.desk.actions:import_residents",
        permission=Permission.IMPORT_EXPORT,
    ),
    ActionSpec(
        "file",
        N_("&Export residents…"),
        f"{UI}.desk.actions:export_residents",
        permission=Permission.IMPORT_EXPORT,
    ),
    SEPARATOR,
    ActionSpec(
        "file",
        N_("Print &certificates…"),
        f"{UI}.trajectories.actions:print_certificates",
        permission=Permission.PRINT_CERTIFICATES,
        tooltip=N_("Certificates of the trajectories completed in a period, for the ceremony"),
    ),
    SEPARATOR,
    ActionSpec(
        "file",
        N_("S&witch user…"),
        f"{UI}.accounts.actions:switch_user",
        tooltip=N_("Another person signs in; the window opens for their role"),
    ),
    SEPARATOR,
    ActionSpec(
        "file",
        N_("&Make a backup…"),
        f"{UI}.backup.actions:make_backup",
        permission=Permission.BACKUP_RESTORE,
        tooltip=N_("An encrypted backup file for the board, checked after writing"),
    ),
    ActionSpec(
        "file",
        N_("Change &password…"),
        f"{UI}.accounts.actions:change_password",
        tooltip=N_("Replace your password by one only you know"),
    ),
    ActionSpec(
        "file",
        N_("&Lock"),
        f"{UI}.accounts.actions:lock_now",
        shortcut="Ctrl+L",
        tooltip=N_("Cover the screen until you sign in again; what you typed is kept"),
    ),
    ActionSpec(
        "file",
        N_("&Restore a backup…"),
        f"{UI}.backup.actions:restore_from_file",
        permission=Permission.BACKUP_RESTORE,
        tooltip=N_("Replace all data by a backup; the current data is saved first"),
    ),
    ActionSpec(
        "view",
        N_("&Language and appearance…"),
        f"{UI}.shell.preferences:open_preferences",
        tooltip=N_("Dutch or English, light or dark: for this PC"),
    ),
    ActionSpec(
        "admin",
        N_("Save the &processing register (AVG)…"),
        f"{UI}.privacy.actions:save_processing_register",
        permission=Permission.MANAGE_SETTINGS,
        tooltip=N_("A one-page PDF of what the program stores, why, how long and who sees it"),
    ),
    ActionSpec("help", N_("&Keyboard shortcuts"), f"{UI}.shell.help:show_shortcuts", shortcut="F1"),
    ActionSpec("help", N_("&About Mi na Mi Desk"), f"{UI}.shell.help:show_about"),
]

# Beheer's pages, in the order of its list.
ADMIN_PAGES = [
    AdminPageSpec("centre", N_("The centre"), f"{UI}.centre.page:CentrePage"),
    AdminPageSpec(
        "staff", N_("Staff"), f"{UI}.accounts.staff_page:StaffPage", Permission.MANAGE_ACCOUNTS
    ),
    AdminPageSpec(
        "postcodes", N_("Postcodes and neighbourhoods"), f"{UI}.desk.postcodes_page:PostcodesPage"
    ),
    AdminPageSpec(
        "milestone_template",
        N_("Trajectories"),
        f"{UI}.trajectories.template_page:MilestoneTemplatePage",
    ),
    AdminPageSpec(
        "organisations",
        N_("Agencies"),
        f"{UI}.referrals.organisations_page:OrganisationsPage",
        Permission.MANAGE_REFERRALS,
    ),
    AdminPageSpec(
        "session_kinds", N_("Kinds of session"), f"{UI}.sessions.kinds_page:SessionKindsPage"
    ),
    AdminPageSpec("themes", N_("Themes"), f"{UI}.desk.themes_page:ThemesPage"),
    AdminPageSpec(
        "certificate_text",
        N_("Certificate"),
        f"{UI}.trajectories.certificate_text_page:CertificateTextPage",
    ),
    AdminPageSpec(
        "audit_log",
        N_("Audit log"),
        f"{UI}.privacy.audit_log_page:AuditLogPage",
        Permission.VIEW_AUDIT_LOG,
    ),
    AdminPageSpec(
        "backups", N_("Backups"), f"{UI}.backup.backups_page:BackupsPage", Permission.BACKUP_RESTORE
    ),
    AdminPageSpec(
        "retention",
        N_("Retention periods"),
        f"{UI}.privacy.retention_page:RetentionPage",
        Permission.ERASE_PERSONAL_DATA,
    ),
]

# Navigator targets that are not sections (the person export and erasure, which the resident
# page opens), registered for every role once the data layer is there.
INSTALLERS = [f"{UI}.privacy.actions:install"]


def allowed(actor: Actor, permission: Permission | None) -> bool:
    return permission is None or actor.can(permission)


def sections(actor: Actor) -> list[SectionSpec]:
    return [spec for spec in SECTIONS if allowed(actor, spec.permission)]


def today_panels(actor: Actor) -> list[TodayPanelSpec]:
    return [spec for spec in TODAY_PANELS if allowed(actor, spec.permission)]


def admin_pages(actor: Actor) -> list[AdminPageSpec]:
    return [spec for spec in ADMIN_PAGES if allowed(actor, spec.permission)]


def menus(actor: Actor) -> dict[str, list[ActionSpec | Separator]]:
    """The actions ``actor`` may use, per menu, with the separators that stay (see
    ``Separator``)."""
    shown = [
        item if isinstance(item, Separator) or allowed(actor, item.permission) else None
        for item in ACTIONS
    ]
    found: dict[str, list[ActionSpec | Separator]] = {}
    for index, item in enumerate(shown):
        if isinstance(item, Separator):
            before, after = shown[index - 1] if index else None, shown[index + 1 : index + 2]
            if (
                isinstance(before, ActionSpec)
                and after
                and isinstance(after[0], ActionSpec)
                and after[0].menu == before.menu
            ):
                found[before.menu].append(item)
        elif item is not None:
            found.setdefault(item.menu, []).append(item)
    return found


def installers(actor: Actor) -> list[str]:
    """``install(context)`` hooks for ``actor``: their sections' navigator targets, then the
    others."""
    return [spec.install for spec in sections(actor) if spec.install] + INSTALLERS


def start_modules() -> list[str]:
    """The screen modules the window needs as soon as the data layer is there: Vandaag's
    panels and the navigation hooks. The data loader imports them on its thread, so the UI
    thread then only builds widgets."""
    targets = [spec.install for spec in SECTIONS if spec.install] + INSTALLERS
    targets += [spec.target for spec in TODAY_PANELS]
    found: list[str] = []
    for target in targets:
        if module_of(target) not in found:
            found.append(module_of(target))
    return found
