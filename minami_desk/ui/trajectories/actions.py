"""File menu → Certificaten afdrukken…: the ceremony's batch, from anywhere in the window."""

from __future__ import annotations

from minami_desk.ui.shell.context import AppContext


def print_certificates(context: AppContext) -> None:
    from minami_desk.ui.trajectories.certificates_dialog import CertificatesDialog

    CertificatesDialog(context, context.window).exec()
