"""Navigator targets for referrals: "new_referral" (from a resident or a contact) and "referral".

The dialogs open window-modal without blocking (``open()``), and the handler returns the
dialog, so a caller (or a test) can reach it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from minami_desk.services.actor import Permission
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception


def _show(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_new_referral(
    context: AppContext, resident_id: int, contact_id: int | None = None
) -> QDialog | None:
    from minami_desk.ui.referrals.referral_dialog import ReferralDialog  # loaded on first use

    try:
        return _show(ReferralDialog(context, resident_id, contact_id=contact_id))
    except Exception as error:
        show_exception(context.window, error)
        return None


def open_referral(context: AppContext, referral_id: int) -> QDialog | None:
    from minami_desk.ui.referrals.follow_up_dialog import FollowUpDialog  # loaded on first use

    try:
        return _show(FollowUpDialog(context, referral_id))
    except Exception as error:
        show_exception(context.window, error)
        return None


def install(context: AppContext) -> None:
    """Register the targets once, for roles that may make and follow up referrals."""
    if not context.actor.can(Permission.MANAGE_REFERRALS):
        return
    context.navigator.register(
        "new_referral",
        lambda resident_id, contact_id=None: open_new_referral(context, resident_id, contact_id),
    )
    context.navigator.register("referral", lambda referral_id: open_referral(context, referral_id))
