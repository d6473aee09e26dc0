"""The database handle as the window sees it: the one door from the UI down to the data layer.

The UI holds a ``Database`` and opens one for a restore check or the start, but never imports
``minami_desk.data`` itself (the layer contract in pyproject.toml), so a change below stays
below. Importing this costs no more than the data layer's own modules.
"""

from __future__ import annotations

from minami_desk.data.db import Database
from minami_desk.data.store import open_database

__all__ = ["Database", "open_database"]
