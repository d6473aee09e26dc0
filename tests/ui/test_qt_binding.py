"""The Qt binding must survive a working day of widget calls.

PySide6 6.12.0 under Python 3.11 lost a reference to ``None`` on void calls such as
``setText`` and aborted the whole program after a few thousand (pyproject pins below it).
This runs such calls in a child process, since the failure is a hard abort.
"""

from __future__ import annotations

import os
import subprocess
import sys

CODE = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QTableWidgetItem
app = QApplication([])
label, listing = QLabel(), QListWidget()
for i in range(30000):
    label.setText("x")
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.UserRole, i)
    if i % 100 == 0:
        listing.clear()
    listing.addItem("x")
print("survived")
"""


def test_many_void_calls_do_not_abort_the_program() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
