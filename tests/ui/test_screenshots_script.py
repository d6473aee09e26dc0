"""``scripts/screenshots.py`` runs offscreen and saves a picture of every section and page."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from minami_desk.ui.shell import style

ROOT = Path(__file__).resolve().parents[2]


def test_one_language_and_theme(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "shots"
    try:
        code = script.main(
            [
                "--lang",
                "en",
                "--theme",
                "dark",
                "--out",
                str(out),
                "--residents",
                "40",
                "--months",
                "2",
            ]
        )
    finally:
        from minami_desk import i18n
        from minami_desk.app import make_application

        i18n.set_language("nl")
        make_application(theme="system")
    assert code == 0
    names = sorted(path.name for path in out.glob("*.png"))
    assert "en-dark-01-today.png" in names
    assert any("-admin-" in name and name.endswith("-backups.png") for name in names)
    assert len(names) >= 15
    picture = QImage(str(out / "en-dark-02-residents.png"))
    assert picture.width() == 1280
    # The window's background is the dark theme's, not a light one.
    corner = picture.pixelColor(picture.width() - 5, picture.height() // 2)
    assert corner.lightness() < 80, corner.name()
    assert QColor(style.DARK["window"]).lightness() < 80
