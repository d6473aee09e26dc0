"""Subcommand modules, found automatically so that each section adds its own file.

Every module here has ``ORDER`` (its place in ``--help``) and ``register(subparsers)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def _discover() -> list[ModuleType]:
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
    ]
    return sorted(modules, key=lambda module: (getattr(module, "ORDER", 100), module.__name__))


COMMAND_MODULES = _discover()
