"""Beheer → Certificaat: the text under the participant's name, and the ceremony's place.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_certificate_text``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="certificate_text",
    title=N_("Certificate"),
    order=45,
    create=registry.lazy("minami_desk.ui.admin._certificate_text", "CertificateTextPage"),
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._certificate_text"), name)
