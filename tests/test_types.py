"""mypy (strict, as configured in pyproject.toml) on the package, inside the suite.

Run here so that a type error turns CI red like a failing test does, instead of waiting for
someone to run mypy by hand. The cache lives in the repository's ``.mypy_cache`` (ignored by
git): a clean clone, as CI has, checks everything from scratch; a developer's second run only
rechecks what changed, and mypy's cache notices changed sources and installed packages.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "minami_desk"

# "# type: ignore[code]  # why": the error it silences and the reason, on the same line.
_IGNORE = re.compile(r"#\s*type:\s*ignore\b(?P<rest>.*)")
_WITH_REASON = re.compile(r"^\[[a-z0-9-]+(, *[a-z0-9-]+)*\]  # \S")
# Parts whose type errors are still being fixed (issue 15); empty once all of it is clean.
NOT_YET_CLEAN: tuple[str, ...] = ("minami_desk/ui/",)


@pytest.mark.slow
def test_the_package_type_checks() -> None:
    previous = Path.cwd()
    os.chdir(ROOT)  # the config's ``files`` and the cache are relative to the repository
    try:
        report, errors, status = api.run(
            ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", ".mypy_cache"]
        )
    finally:
        os.chdir(previous)
    found = [
        line
        for line in report.splitlines()
        if ": error:" in line and not line.startswith(NOT_YET_CLEAN)
    ]
    assert status in (0, 1) and not found, "\n".join(found) + errors


def test_every_type_ignore_names_its_error_and_says_why() -> None:
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if str(path.relative_to(ROOT)).startswith(NOT_YET_CLEAN):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found = _IGNORE.search(line)
            if found and not _WITH_REASON.match(found.group("rest")):
                unexplained.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not unexplained, "\n".join(unexplained)
