"""Extract and compile the translation catalogs, one per source module, with babel.

    python scripts/i18n.py update    # add new msgids to every language's .po, drop stale ones
    python scripts/i18n.py compile   # .po -> .mo
    python scripts/i18n.py check     # exit 1 when a Dutch translation is missing
    python scripts/i18n.py fill nl FILE.json   # set msgstrs from a {msgid: msgstr} file

A module's strings live in ``resources/translations/<lang>/<dotted.module>.po``; English
catalogs hold the msgid itself, so ``--lang en`` is complete by construction and a translator
can still change wording there.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "minami_desk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("nl", "en")
STABLE_DATE = datetime(2026, 11, 27, tzinfo=UTC)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def extract_module(path: Path) -> list[tuple[str | tuple[str, str], int]]:
    found = []
    for lineno, message, _comments, _context in extract_from_file(
        "python", str(path), keywords=KEYWORDS, comment_tags=()
    ):
        found.append((message, lineno))
    return found


def source_messages() -> dict[str, list[tuple[str | tuple[str, str], int]]]:
    """msgids per module, for every module that has any."""
    result = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        messages = extract_module(path)
        if messages:
            result[module_name(path)] = messages
    return result


def read_catalog(path: Path, language: str) -> Catalog:
    if path.exists():
        with open(path, "rb") as handle:
            return read_po(handle, locale=language)
    return Catalog(locale=language, project="minami-desk", fuzzy=False)


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Fixed header dates, so regenerating a catalog only changes it when its messages change."""
    catalog.creation_date = STABLE_DATE
    catalog.revision_date = STABLE_DATE
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
    path.write_bytes(buffer.getvalue())


def update() -> None:
    messages = source_messages()
    for language in LANGUAGES:
        folder = TRANSLATIONS / language
        for module, entries in messages.items():
            po_path = folder / f"{module}.po"
            old = read_catalog(po_path, language)
            new = Catalog(locale=language, project="minami-desk", fuzzy=False)
            for message, lineno in entries:
                key = message[0] if isinstance(message, tuple) else message
                previous = old.get(key)
                if previous is not None and previous.string:
                    string = previous.string
                elif language == "en":
                    string = message if isinstance(message, str) else tuple(message)
                else:
                    string = "" if isinstance(message, str) else ("", "")
                existing = new.get(key)
                if existing is None:
                    new.add(message, string, locations=[(module, lineno)])
                else:
                    existing.locations.append((module, lineno))
            write_catalog(po_path, new)
        for stale in folder.glob("*.po"):
            if stale.stem not in messages:
                stale.unlink()
                stale.with_suffix(".mo").unlink(missing_ok=True)


def compile_all() -> None:
    for language in LANGUAGES:
        folder = TRANSLATIONS / language
        for po_path in sorted(folder.glob("*.po")):
            catalog = read_catalog(po_path, language)
            buffer = BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            po_path.with_suffix(".mo").write_bytes(buffer.getvalue())


def missing_dutch() -> list[str]:
    problems = []
    messages = source_messages()
    for module, entries in messages.items():
        catalog = read_catalog(TRANSLATIONS / "nl" / f"{module}.po", "nl")
        for message, lineno in entries:
            key = message[0] if isinstance(message, tuple) else message
            entry = catalog.get(key)
            strings = entry.string if entry is not None else ""
            ok = all(strings) if isinstance(strings, tuple | list) else bool(strings)
            if not ok:
                problems.append(f"{module}:{lineno}: {key!r}")
    return problems


def fill(language: str, mapping_file: Path) -> int:
    """Apply translations to every catalog that holds the msgid; returns how many were set."""
    import json

    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    applied = 0
    for po_path in sorted((TRANSLATIONS / language).glob("*.po")):
        catalog = read_catalog(po_path, language)
        changed = False
        for message in catalog:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if key and key in mapping:
                value = mapping[key]
                message.string = tuple(value) if isinstance(value, list) else value
                changed = True
                applied += 1
        if changed:
            write_catalog(po_path, catalog)
    return applied


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "fill" and len(argv) == 3:
        print(fill(argv[1], Path(argv[2])), "translations set")
    elif command == "check":
        problems = missing_dutch()
        for line in problems:
            print(line)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
