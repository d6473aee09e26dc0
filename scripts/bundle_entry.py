"""Entry point of the PyInstaller bundle: the same ``main`` as the ``minami-desk`` script."""

import sys

from minami_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
