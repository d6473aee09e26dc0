"""Imports point down: no Qt below the UI, no SQLAlchemy in it (DESIGN.md)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "minami_desk"
QT = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)
SQLALCHEMY = re.compile(r"^\s*(from|import)\s+sqlalchemy", re.MULTILINE)
UI_IMPORT = re.compile(r"^\s*(from|import)\s+minami_desk\.(ui|cli|app)\b", re.MULTILINE)


def _modules(*folders: str) -> list[Path]:
    return [path for folder in folders for path in (PACKAGE / folder).rglob("*.py")]


def test_no_qt_in_services_data_or_reports() -> None:
    offenders = [p for p in _modules("services", "data", "reports") if QT.search(p.read_text())]
    assert offenders == []


def test_no_sqlalchemy_in_ui() -> None:
    offenders = [p for p in _modules("ui") if SQLALCHEMY.search(p.read_text())]
    assert offenders == []


def test_lower_layers_never_import_upper_ones() -> None:
    offenders = [
        p for p in _modules("services", "data", "reports") if UI_IMPORT.search(p.read_text())
    ]
    assert offenders == []
