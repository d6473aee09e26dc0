"""A rotating log file in the log dir. Only ids, codes and tracebacks: never personal data."""

from __future__ import annotations

import logging
import logging.handlers

from minami_desk.config import Paths

LOG_FILENAME = "minami-desk.log"


def configure_logging(paths: Paths, level: int = logging.INFO) -> None:
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_minami_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / LOG_FILENAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler._minami_desk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
