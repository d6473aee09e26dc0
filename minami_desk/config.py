"""Where the program keeps its files, and the settings that belong to this PC.

Settings that belong to the centre (its name, address, logo, coordinator) live in the
database (``services.settings``); this module only knows paths and per-PC preferences such as
the interface language, so it can be read before a database is opened.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from minami_desk import APP_ID

DATA_DIR_ENV = "MINAMI_DESK_DATA_DIR"
CONFIG_DIR_ENV = "MINAMI_DESK_CONFIG_DIR"
DATABASE_FILENAME = "minami-desk.sqlite"
PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """Resources ship inside the wheel, but live beside the package in a source checkout."""
    for candidate in (PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


@dataclass(frozen=True)
class Paths:
    """All folders for one data dir; tests build one on ``tmp_path`` so nothing real is touched."""

    data_dir: Path
    log_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "minami-desk.lock"

    @property
    def pc_settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.log_dir, self.config_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """An explicit ``--data-dir`` keeps logs and PC settings inside it too.

    That way a test, a demo or a second centre on one PC never writes into the real user
    folders.
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        config_dir = Path(os.environ.get(CONFIG_DIR_ENV) or root / "config")
        return Paths(data_dir=root, log_dir=root / "logs", config_dir=config_dir)
    config_env = os.environ.get(CONFIG_DIR_ENV)
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        config_dir=Path(config_env or platformdirs.user_config_dir(APP_ID, appauthor=False)),
    )


def load_pc_settings(paths: Paths) -> dict[str, object]:
    try:
        with open(paths.pc_settings_file, encoding="utf-8") as handle:
            loaded = json.load(handle)
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def save_pc_settings(paths: Paths, values: dict[str, object]) -> None:
    """Write atomically so a crash never leaves a half-written settings file."""
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    target = paths.pc_settings_file
    temporary = target.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(values, handle, indent=2, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
