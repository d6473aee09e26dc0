"""Who is acting, and what each role may do. Services check; the UI merely hides.

Every service that returns sensitive fields or changes data takes an ``Actor`` and calls
``actor.require(...)`` before touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from minami_desk.errors import PermissionDeniedError
from minami_desk.i18n import N_, _


class Permission(StrEnum):
    FIND_RESIDENTS = "find_residents"  # name, number, phone, postcode: enough to find someone
    REGISTER_RESIDENTS = "register_residents"
    VIEW_RESIDENT_DETAILS = "view_resident_details"  # notes, consents, full timeline
    EDIT_RESIDENTS = "edit_residents"
    MERGE_RESIDENTS = "merge_residents"
    RECORD_CONTACTS = "record_contacts"
    VIEW_HELP_REQUESTS = "view_help_requests"  # contact descriptions
    MANAGE_SESSIONS = "manage_sessions"
    TAKE_ATTENDANCE = "take_attendance"
    PRINT_ATTENDANCE_SHEETS = "print_attendance_sheets"
    VIEW_TRAJECTORIES = "view_trajectories"  # notes and self-assessments
    MANAGE_TRAJECTORIES = "manage_trajectories"
    PRINT_CERTIFICATES = "print_certificates"
    VIEW_REFERRALS = "view_referrals"  # reasons and outcomes
    MANAGE_REFERRALS = "manage_referrals"
    MANAGE_STORIES = "manage_stories"
    VIEW_REPORTS = "view_reports"
    IMPORT_EXPORT = "import_export"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_ACCOUNTS = "manage_accounts"
    BACKUP_RESTORE = "backup_restore"
    VIEW_AUDIT_LOG = "view_audit_log"
    ERASE_PERSONAL_DATA = "erase_personal_data"  # anonymise on request or after retention
    EXPORT_PERSONAL_DATA = "export_personal_data"  # inzageverzoek: everything about one person


_VOLUNTEER = frozenset(
    {
        Permission.FIND_RESIDENTS,
        Permission.REGISTER_RESIDENTS,
        Permission.RECORD_CONTACTS,
        Permission.MANAGE_SESSIONS,
        Permission.TAKE_ATTENDANCE,
        Permission.PRINT_ATTENDANCE_SHEETS,
    }
)
_STAFF = _VOLUNTEER | {
    Permission.VIEW_RESIDENT_DETAILS,
    Permission.EDIT_RESIDENTS,
    Permission.MERGE_RESIDENTS,
    Permission.VIEW_HELP_REQUESTS,
    Permission.VIEW_TRAJECTORIES,
    Permission.MANAGE_TRAJECTORIES,
    Permission.PRINT_CERTIFICATES,
    Permission.VIEW_REFERRALS,
    Permission.MANAGE_REFERRALS,
    Permission.MANAGE_STORIES,
    Permission.VIEW_REPORTS,
    Permission.IMPORT_EXPORT,
    Permission.EXPORT_PERSONAL_DATA,
}
# How each role is called where people read it; translate with ``_()`` (see ``role_label``).
ROLE_LABELS = {
    "beheerder": N_("administrator"),
    "medewerker": N_("staff member"),
    "vrijwilliger": N_("volunteer"),
}


def role_label(role: str) -> str:
    return _(ROLE_LABELS[role]) if role in ROLE_LABELS else role


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "vrijwilliger": _VOLUNTEER,
    "medewerker": frozenset(_STAFF),
    "beheerder": frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The person (or the command line) on whose behalf a service runs."""

    staff_id: int | None
    role: str
    via: str = "ui"  # "ui", "cli" or "system"
    name: str = ""  # display name for the status bar; never written to the audit log

    @classmethod
    def command_line(cls) -> Actor:
        """Whoever can run the command line can read the database file anyway."""
        return cls(staff_id=None, role="beheerder", via="cli")

    @classmethod
    def system(cls) -> Actor:
        """Internal jobs such as the demo generator and automatic backups."""
        return cls(staff_id=None, role="beheerder", via="system")

    @classmethod
    def for_staff(cls, staff_id: int, role: str, name: str = "") -> Actor:
        """A signed-in person at the window."""
        return cls(staff_id=staff_id, role=role, via="ui", name=name)

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDeniedError(
                _("Your role does not allow this. Ask a staff member or the administrator.")
            )
