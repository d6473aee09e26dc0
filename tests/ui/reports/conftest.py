"""The report tests' populated database and their clock (after November), for the section."""

from __future__ import annotations

from tests.reporting.conftest import _after_november, report_data, report_db

__all__ = ["_after_november", "report_data", "report_db"]
