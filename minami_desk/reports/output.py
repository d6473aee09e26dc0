"""Write a finished document in one step, so a crash never leaves half a PDF behind.

Every document holds personal data (names on a presentielijst, a person's export), so it is
written readable by its owner only: ``mkstemp`` makes the file 0600 on POSIX, and on Windows
it inherits the owner's folder rights (Documents is the user's own).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same folder, flush, fsync, then rename over the target."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
