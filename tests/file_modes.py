"""Files holding personal data are readable by their owner only."""

from __future__ import annotations

import stat
import sys
from pathlib import Path


def assert_owner_only(*paths: Path) -> None:
    if sys.platform == "win32":  # rights come from the folder's ACL there, not mode bits
        return
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}: others may read it"
