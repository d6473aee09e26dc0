"""``check``: SQLite's integrity and foreign-key checks, and the schema revision."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from minami_desk.config import Paths
from minami_desk.data.migrate import head_revision, known_revisions
from minami_desk.data.sqlite_files import connect
from minami_desk.i18n import _


@dataclass
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fault(self, line: str) -> None:
        self.ok = False
        self.lines.append(line)


def run_checks(paths: Paths) -> CheckReport:
    """Read-only: safe while the window is open, and on a damaged file."""
    report = CheckReport()
    if not paths.database.exists():
        report.fault(_("No database found in {folder}.").format(folder=paths.data_dir))
        return report
    try:
        # Read-only through a properly escaped URI: a "?" or "#" in the folder name is path.
        with connect(paths.database, read_only=True) as connection:
            _check(connection, report)
    except sqlite3.DatabaseError as error:
        if "unable to open" in str(error):
            report.fault(_("The database file cannot be opened."))
        else:
            report.fault(_("The database file is damaged."))
    return report


def _check(connection: sqlite3.Connection, report: CheckReport) -> None:
    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if integrity == ["ok"]:
        report.lines.append(_("Integrity: ok"))
    else:
        report.fault(_("Integrity: {count} problems found").format(count=len(integrity)))
    problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        report.fault(_("Links between records: {count} broken").format(count=len(problems)))
    else:
        report.lines.append(_("Links between records: ok"))
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        revision = None
    head = head_revision()
    if revision is None:
        report.fault(_("Schema version: unknown (not a Mi na Mi Desk database?)"))
    elif revision[0] == head:
        report.lines.append(_("Schema version: {revision} (current)").format(revision=head))
    elif revision[0] in known_revisions():
        report.fault(
            _("Schema version: {revision}, expected {head}").format(revision=revision[0], head=head)
        )
    else:
        report.fault(
            _("Schema version: {revision} is newer than this program").format(revision=revision[0])
        )
