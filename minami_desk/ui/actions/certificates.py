"""File menu → Certificaten afdrukken…: the ceremony's batch, from anywhere in the window."""

from __future__ import annotations

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui.context import AppContext
from minami_desk.ui.registry import ActionSpec


def print_certificates(context: AppContext) -> None:
    from minami_desk.ui.trajectories.certificates_dialog import CertificatesDialog

    CertificatesDialog(context, context.window).exec()


ACTIONS = [
    ActionSpec(
        menu="file",
        text=N_("Print &certificates…"),
        order=300,
        trigger=print_certificates,
        permission=Permission.PRINT_CERTIFICATES,
        tooltip=N_("Certificates of the trajectories completed in a period, for the ceremony"),
    )
]
