"""A rotating log file in the log dir. Only ids, codes and tracebacks: never personal data.

The window and the command line each write their own file: a board's scheduled backup runs
``minami-desk backup`` while the window is open, and on Windows a file that another process
holds open cannot be renamed, so rotating one shared file would fail.
"""

from __future__ import annotations

import logging
import logging.handlers
from typing import Literal

from minami_desk.config import Paths

LOG_FILENAMES = {"window": "minami-desk.log", "cli": "minami-desk-cli.log"}
Writer = Literal["window", "cli"]


def configure_logging(paths: Paths, writer: Writer, level: int = logging.INFO) -> None:
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_minami_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / LOG_FILENAMES[writer], maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler._minami_desk = True  # type: ignore[attr-defined]  # marks our own handler for reuse
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
