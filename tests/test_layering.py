"""Imports point down (DESIGN.md): the contracts in pyproject.toml, checked by import-linter.

Run inside the suite so a change that breaks a layer turns CI red instead of waiting for review.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from importlinter import cli

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept(capsys: pytest.CaptureFixture[str]) -> None:
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        exit_code = cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    finally:
        os.chdir(previous)
    report = capsys.readouterr().out
    assert exit_code == 0, report
    assert "broken" not in report.lower().replace("0 broken", ""), report
