"""A row of an exported table (CSV or XLSX), as services yield it and the writer stores it."""

from __future__ import annotations

from datetime import date, datetime

Cell = str | int | float | date | datetime | None
