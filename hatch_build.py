"""Compile the translations into the wheel, so the wheel never carries a stale or missing .mo.

Only ``minami_desk/resources/translations/<lang>.mo`` is shipped; the ``.po`` and ``.pot``
sources live in ``translations/``, outside what the wheel packs. An editable install skips this:
there the program compiles the ``.po`` itself on first use (``minami_desk/i18n_compile.py``).
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]  # generic in its builder config
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "i18n_compile", root / "minami_desk" / "i18n_compile.py"
        )
        assert spec is not None and spec.loader is not None
        compiler = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(compiler)
        self._out = tempfile.TemporaryDirectory(prefix="minami-desk-mo-")
        for po_file in sorted((root / "translations").glob("*.po")):
            mo_file = Path(self._out.name) / f"{po_file.stem}.mo"
            mo_file.write_bytes(compiler.compile_po(po_file.read_bytes(), po_file.stem))
            build_data["force_include"][str(mo_file)] = (
                f"minami_desk/resources/translations/{mo_file.name}"
            )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            out.cleanup()
