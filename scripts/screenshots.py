"""Screenshots of every section and Beheer page, in Dutch and English, light and dark.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py --out /tmp/shots
    python scripts/screenshots.py --lang en --theme dark --out /tmp/shots

Builds a demo database in a temporary folder, opens the window signed in as the demo's
coordinator (an administrator, so every screen shows), reaches each section through the
sidebar as a person would, and saves ``<lang>-<theme>-<nn>-<section>[-<page>].png``.
Meant to be looked at: wording, clipping, colours and empty states.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LANGUAGES = ("nl", "en")
THEMES = ("light", "dark")


def _settle(app: object) -> None:
    from minami_desk.ui.shell.tasks import wait_for_tasks

    for _round in range(3):
        wait_for_tasks()
        app.processEvents()  # type: ignore[attr-defined]


def shoot(
    data_dir: Path, out: Path, language: str, theme: str, size: tuple[int, int]
) -> list[Path]:
    from PySide6.QtWidgets import QListWidget, QWidget

    from minami_desk import i18n
    from minami_desk.app import build_window, install_qt_translations, make_application
    from minami_desk.config import resolve_paths
    from minami_desk.data.store import open_database
    from minami_desk.services.accounts import ensure_demo_account

    i18n.set_language(language)
    app = make_application(theme=theme)
    translator = install_qt_translations(app, language)
    paths = resolve_paths(data_dir)
    db = open_database(paths)
    actor = ensure_demo_account(db)
    window = build_window(paths, demo=True, actor=actor, db=db, idle_timeout_ms=3_600_000)
    window.resize(*size)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    saved: list[Path] = []
    sidebar: QListWidget = window.sidebar  # type: ignore[attr-defined]
    keys = window.section_keys  # type: ignore[attr-defined]
    try:
        for row in range(sidebar.count()):
            sidebar.setCurrentRow(row)
            _settle(app)
            name = f"{language}-{theme}-{row + 1:02d}-{keys[row]}"
            target = out / f"{name}.png"
            window.grab().save(str(target))  # type: ignore[attr-defined]
            saved.append(target)
            page = window.stack.currentWidget()  # type: ignore[attr-defined]
            admin = next((w for w in page.findChildren(QWidget) if hasattr(w, "page_keys")), None)
            if admin is None:
                continue
            for index, page_key in enumerate(admin.page_keys):
                admin.pages_list.setCurrentRow(index)
                _settle(app)
                target = out / f"{name}-{index + 1:02d}-{page_key}.png"
                window.grab().save(str(target))  # type: ignore[attr-defined]
                saved.append(target)
    finally:
        window.context.idle = None  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        _settle(app)
        db.dispose()
        if translator is not None:
            app.removeTranslator(translator)  # type: ignore[attr-defined]
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--theme", choices=(*THEMES, "all"), default="all")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=820)
    parser.add_argument("--residents", type=int, default=400)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)
    languages = LANGUAGES if args.lang == "all" else (args.lang,)
    themes = THEMES if args.theme == "all" else (args.theme,)
    args.out.mkdir(parents=True, exist_ok=True)

    from minami_desk.config import resolve_paths
    from minami_desk.services.demo import make_demo_database

    with tempfile.TemporaryDirectory(prefix="minami-shots-") as folder:
        data_dir = Path(folder) / "data"
        paths = resolve_paths(data_dir)
        paths.ensure()
        make_demo_database(
            paths, cache_dir=Path(folder) / "cache", residents=args.residents, months=args.months
        )
        count = 0
        for language in languages:
            for theme in themes:
                count += len(shoot(data_dir, args.out, language, theme, (args.width, args.height)))
    print(f"{count} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
