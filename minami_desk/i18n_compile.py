"""Turn the translators' ``translations/<lang>.po`` into the ``.mo`` the program reads.

A compiled catalogue kept in git goes stale the first time someone edits the ``.po`` and forgets
to compile, so no ``.mo`` is committed. Instead there are exactly two ways one comes to exist:

* **Packages** (the wheel, the PyInstaller bundle) compile at build time: ``hatch_build.py`` and
  ``build.spec`` call :func:`compile_po` and ship only ``resources/translations/<lang>.mo``; the
  ``.po``/``.pot`` sources stay in the repository's ``translations/`` folder, which neither
  packages.
* **A source checkout** (editable install, tests) compiles on first use: the ``.mo`` is cached
  under ``translations/compiled/`` with the ``.po``'s SHA-256 in its name, so any change to the
  ``.po`` (an edit, a ``git pull``, a branch switch) misses the cache and recompiles, while
  timestamps, which git does not keep, play no part. Where the cache cannot be written, the
  catalogue is compiled in memory.

This module is loaded by path at build time, where only babel is installed: it imports nothing
of the package.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from io import BytesIO
from pathlib import Path

DOMAIN = "minami_desk"
SOURCE_DIR = Path(__file__).resolve().parent.parent / "translations"
CACHE_DIR = SOURCE_DIR / "compiled"


def compile_po(po_data: bytes, language: str) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file; fuzzy entries are left out, as msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(po_data), locale=language, domain=DOMAIN)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def source_po(language: str) -> Path | None:
    """The ``.po`` of a source checkout; ``None`` in an installed package or bundle."""
    path = SOURCE_DIR / f"{language}.po"
    return path if path.is_file() else None


def fresh_mo(po_path: Path, language: str) -> Path | bytes:
    """The compiled catalogue of ``po_path``: a cached file, or bytes when it can't be cached."""
    data = po_path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    cached = CACHE_DIR / f"{language}-{digest}.mo"
    if cached.is_file():
        return cached
    compiled = compile_po(data, language)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=CACHE_DIR, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(compiled)
        os.replace(temporary, cached)  # atomic: a second process reads either none or all
        for old in CACHE_DIR.glob(f"{language}-*.mo"):
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:
        return compiled
    return cached
