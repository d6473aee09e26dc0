"""Extension points of the window, discovered from their packages at start-up.

Each section, Vandaag panel, menu action and Beheer page lives in its own module and
declares itself with a spec, so adding a screen never means editing the main window.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from minami_desk.services.actor import Actor, Permission

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from minami_desk.ui.context import AppContext


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # an N_() msgid, translated where shown
    order: int
    create: Callable[[AppContext], QWidget]
    permission: Permission | None = None
    icon: str = ""


@dataclass(frozen=True)
class TodayPanelSpec:
    key: str
    order: int
    create: Callable[[AppContext], QWidget]
    permission: Permission | None = None


@dataclass(frozen=True)
class ActionSpec:
    menu: str  # "file", "view", "admin" or "help"
    text: str  # an N_() msgid
    order: int
    trigger: Callable[[AppContext], Any]
    shortcut: str | None = None
    permission: Permission | None = None
    tooltip: str = ""


@dataclass(frozen=True)
class AdminPageSpec:
    key: str
    title: str  # an N_() msgid
    order: int
    create: Callable[[AppContext], QWidget]
    permission: Permission | None = Permission.MANAGE_SETTINGS


def lazy(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported when first called: a spec module stays light (no data layer,
    no reportlab), so the window's frame can show before the data layer is loaded."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    call.__qualname__ = f"{module}.{name}"
    call.lazy_module = module  # type: ignore[attr-defined]
    return call


def start_modules() -> list[str]:
    """The screen modules the window needs as soon as the data layer is there: Vandaag's
    panels and the navigation hooks. The data loader imports them on its thread, so the UI
    thread then only builds widgets."""
    found: list[str] = []
    hooks = [getattr(module, "install", None) for module in discover("minami_desk.ui.sections")]
    hooks += action_installers()
    panels = [
        module.PANEL.create
        for module in discover("minami_desk.ui.today")
        if hasattr(module, "PANEL")
    ]
    for item in hooks + panels:
        name = getattr(item, "lazy_module", None)
        if isinstance(name, str) and name not in found:
            found.append(name)
    return found


def discover(package: str) -> list[ModuleType]:
    """Import every module of ``package`` (sorted by name, so the order is reproducible)."""
    root = importlib.import_module(package)
    return [
        importlib.import_module(f"{package}.{info.name}")
        for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda item: item.name)
        if not info.name.startswith("_")
    ]


def allowed(actor: Actor, permission: Permission | None) -> bool:
    return permission is None or actor.can(permission)


def sections(actor: Actor) -> list[tuple[ModuleType, SectionSpec]]:
    found = [
        (module, module.SECTION)
        for module in discover("minami_desk.ui.sections")
        if hasattr(module, "SECTION")
    ]
    return sorted(
        ((module, spec) for module, spec in found if allowed(actor, spec.permission)),
        key=lambda pair: pair[1].order,
    )


def today_panels(actor: Actor) -> list[TodayPanelSpec]:
    specs = [
        module.PANEL for module in discover("minami_desk.ui.today") if hasattr(module, "PANEL")
    ]
    return sorted((s for s in specs if allowed(actor, s.permission)), key=lambda s: s.order)


def actions(actor: Actor) -> list[ActionSpec]:
    specs = [
        spec
        for module in discover("minami_desk.ui.actions")
        for spec in getattr(module, "ACTIONS", [])
    ]
    return sorted((s for s in specs if allowed(actor, s.permission)), key=lambda s: s.order)


def admin_pages(actor: Actor) -> list[AdminPageSpec]:
    specs = [module.PAGE for module in discover("minami_desk.ui.admin") if hasattr(module, "PAGE")]
    return sorted((s for s in specs if allowed(actor, s.permission)), key=lambda s: s.order)


def action_installers() -> list[Callable[[AppContext], None]]:
    """``install(context)`` of menu-action modules: navigator targets that are not sections
    (e.g. the person export, which the resident page opens), registered once at start-up."""
    return [
        module.install
        for module in discover("minami_desk.ui.actions")
        if callable(getattr(module, "install", None))
    ]
