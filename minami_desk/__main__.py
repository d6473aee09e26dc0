"""Allows ``python -m minami_desk`` as well as the ``minami-desk`` script."""

from __future__ import annotations

import sys

from minami_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
