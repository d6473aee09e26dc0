"""The window and the command line each keep their own log file (Windows cannot rotate a file
that another process holds open)."""

from __future__ import annotations

import logging

from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.logging_setup import LOG_FILENAMES, configure_logging


def test_window_and_command_line_write_separate_files(paths: Paths) -> None:
    # GIVEN the window's logging, as app.run_gui sets it up, with one line written
    configure_logging(paths, "window")
    logging.getLogger("minami_desk.test").info("window line")
    # WHEN a scheduled command runs on the same data dir
    assert main(["--data-dir", str(paths.data_dir), "check"]) == 0
    logging.getLogger("minami_desk.test").info("cli line")
    logging.shutdown()
    # THEN each wrote its own file, and neither wrote into the other's
    window_log = (paths.log_dir / LOG_FILENAMES["window"]).read_text(encoding="utf-8")
    cli_log = (paths.log_dir / LOG_FILENAMES["cli"]).read_text(encoding="utf-8")
    assert LOG_FILENAMES["window"] != LOG_FILENAMES["cli"]
    assert "window line" in window_log and "cli line" not in window_log
    assert "cli line" in cli_log and "window line" not in cli_log
