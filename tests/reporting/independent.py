"""Every Kerncijfer computed again with plain SQL, straight from its definition.

Deliberately written apart from the service (raw SQL text on a plain sqlite3 connection, UTC
bounds computed here), so the service's query building is really checked, not repeated.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

HELD = "s.status <> 'cancelled' AND s.starts_at >= :start AND s.starts_at < :until"
SQL = {
    "Unieke deelnemers": "SELECT COUNT(DISTINCT a.resident_id) FROM attendance a "
    f"JOIN session s ON s.id = a.session_id WHERE a.status = 'present' AND {HELD}",
    "Nieuwe inschrijvingen": "SELECT COUNT(*) FROM resident "
    "WHERE registered_on BETWEEN :first AND :last AND merged_into_id IS NULL",
    "Bijeenkomsten": f"SELECT COUNT(*) FROM session s WHERE {HELD}",
    "Aanwezigheden": "SELECT COUNT(*) FROM attendance a JOIN session s ON s.id = a.session_id "
    f"WHERE a.status = 'present' AND {HELD}",
    "Inloopcontacten": "SELECT COUNT(*) FROM contact "
    "WHERE contact_at >= :start AND contact_at < :after",
    "Actieve trajecten": "SELECT COUNT(*) FROM trajectory "
    "WHERE start_date <= :last AND (end_date IS NULL OR end_date >= :first)",
    "Gestarte trajecten": "SELECT COUNT(*) FROM trajectory "
    "WHERE start_date BETWEEN :first AND :last",
    "Afgeronde trajecten": "SELECT COUNT(*) FROM trajectory "
    "WHERE status = 'completed' AND end_date BETWEEN :first AND :last",
    "Gestopte trajecten": "SELECT COUNT(*) FROM trajectory "
    "WHERE status = 'stopped' AND end_date BETWEEN :first AND :last",
    "Uitgereikte certificaten": "SELECT COUNT(*) FROM certificate "
    "WHERE issued_on BETWEEN :first AND :last",
    "Verwijzingen": "SELECT COUNT(*) FROM referral WHERE referred_on BETWEEN :first AND :last",
    "Succesverhalen": "SELECT COUNT(*) FROM success_story "
    "WHERE story_date BETWEEN :first AND :last",
}


def _utc_text(day: date) -> str:
    moment = datetime.combine(day, time(0), tzinfo=AMSTERDAM).astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def expected_figures(
    connection: sqlite3.Connection, first: date, last: date, now: datetime
) -> dict[str, float]:
    """The thirteen Kerncijfers by their Dutch label, for the days ``first``..``last``."""
    after = _utc_text(last + timedelta(days=1))
    now_text = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    parameters = {
        "first": first.isoformat(),
        "last": last.isoformat(),
        "start": _utc_text(first),
        "after": after,
        "until": min(after, now_text),
    }
    result: dict[str, float] = {
        label: connection.execute(sql, parameters).fetchone()[0] for label, sql in SQL.items()
    }
    sessions, present = result["Bijeenkomsten"], result["Aanwezigheden"]
    result["Gemiddelde opkomst per bijeenkomst"] = round(present / sessions, 1) if sessions else 0
    return result
