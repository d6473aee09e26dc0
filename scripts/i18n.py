"""Extract, update and check the one translation catalogue, with babel.

    python scripts/i18n.py update    # re-extract translations/minami_desk.pot, merge it into nl.po
    python scripts/i18n.py check     # exit 1 on a stale .pot or a missing/fuzzy/obsolete nl entry
    python scripts/i18n.py fill nl FILE.json   # set msgstrs from a {msgid: msgstr} file

``update`` is what ``pybabel extract -F babel.cfg --no-default-keywords -k _ -k N_
-k ngettext:1,2 -k pgettext:1c,2 -k dutch -k dutch_p:1c,2 --sort-output --add-location=file
-o translations/minami_desk.pot .`` followed by ``pybabel update`` would do, with fixed header
dates so that re-running it changes the files only when the messages change. Locations name the
file without a line number, so moving code within a file does not touch the catalogue.

There is no English catalogue: English is the msgids themselves. Nothing here compiles a
``.mo``; see ``minami_desk/i18n_compile.py`` for why and where that happens.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "translations"
TEMPLATE = SOURCES / "minami_desk.pot"
LANGUAGES = ("nl",)  # every language but English, whose words are the msgids
STABLE_DATE = datetime(2026, 11, 27, tzinfo=UTC)
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "dutch": None,
    "dutch_p": ((1, "c"), 2),
}


def po_path(language: str) -> Path:
    return SOURCES / f"{language}.po"


def extract() -> Catalog:
    """The messages of the package's source, as ``pybabel extract`` finds them."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project="minami-desk", fuzzy=False, domain="minami_desk")
    found = extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(Path(filename).as_posix(), lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def read(path: Path, language: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=language, domain="minami_desk")


HEADER = """\
Mi na Mi Desk: the one translation catalogue of the program. English is the msgids themselves.
Edit nl.po by hand or with a PO editor; regenerate with `python scripts/i18n.py update`."""


def serialise(catalog: Catalog) -> bytes:
    catalog.header_comment = "\n".join(f"# {line}" for line in HEADER.splitlines())
    catalog.copyright_holder = "Mi na Mi"
    catalog.creation_date = STABLE_DATE
    catalog.revision_date = STABLE_DATE
    out = BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def messages(catalog: Catalog) -> Iterator[Message]:
    return (message for message in catalog if message.id)


def key(message: Message) -> tuple[str | None, object]:
    return (message.context, message.id)


def update() -> None:
    template = extract()
    TEMPLATE.write_bytes(serialise(template))
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        catalog.obsolete.clear()
        po_path(language).write_bytes(serialise(catalog))


def problems() -> list[str]:
    """What stops the catalogue from being complete and current; empty when all is well."""
    found: list[str] = []
    fresh = {key(m) for m in messages(extract())}
    committed = {key(m) for m in messages(read(TEMPLATE))}
    found += [f"not in the .pot (run update): {k!r}" for k in sorted(fresh - committed, key=str)]
    found += [f"stale in the .pot (run update): {k!r}" for k in sorted(committed - fresh, key=str)]
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        present = {key(m): m for m in messages(catalog)}
        for wanted in sorted(fresh, key=str):
            entry = present.get(wanted)
            strings = entry.string if entry is not None else ""
            complete = all(strings) if isinstance(strings, tuple | list) else bool(strings)
            if entry is None or not complete:
                found.append(f"{language}: untranslated {wanted!r}")
            elif entry.fuzzy:
                found.append(f"{language}: fuzzy {wanted!r}")
        found += [f"{language}: obsolete {k!r}" for k in sorted(set(present) - fresh, key=str)]
        found += [f"{language}: obsolete {m.id!r}" for m in catalog.obsolete.values()]
    return found


def fill(language: str, mapping_file: Path) -> int:
    """Set the msgstr of every msgid in the file; returns how many were set."""
    import json

    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    catalog = read(po_path(language), language)
    applied = 0
    for message in messages(catalog):
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        if msgid in mapping:
            value = mapping[msgid]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
            applied += 1
    po_path(language).write_bytes(serialise(catalog))
    return applied


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "fill" and len(argv) == 3:
        print(fill(argv[1], Path(argv[2])), "translations set")
    elif command == "check":
        listed = problems()
        for line in listed:
            print(line)
        return 1 if listed else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
