"""Beheer → Logboek: who did what to which record, filtered, fetched a page at a time.

Only the spec lives here, so discovering it stays light (no data layer); the screen is in
``_audit_log``, imported when first used.
"""

from __future__ import annotations

from typing import Any

from minami_desk.i18n import N_
from minami_desk.services.actor import Permission
from minami_desk.ui import registry

PAGE = registry.AdminPageSpec(
    key="audit_log",
    title=N_("Audit log"),
    order=80,
    create=registry.lazy("minami_desk.ui.admin._audit_log", "AuditLogPage"),
    permission=Permission.VIEW_AUDIT_LOG,
)


def __getattr__(name: str) -> Any:
    """Names of the screen module, as before the split (tests and older imports)."""
    import importlib

    return getattr(importlib.import_module("minami_desk.ui.admin._audit_log"), name)
