#!/usr/bin/env bash
# Build the one-folder bundle in dist/minami-desk and print its size.
# Needs: pip install -e ".[bundle]"   (PyInstaller)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "${DIST_DIR:-dist}" --workpath "${WORK_DIR:-build}" build.spec
du -sh "${DIST_DIR:-dist}/minami-desk"
