"""The attendance screen's data: everyone signed up for one session, their status, the counts;
and the one-step "everyone present" with its undo."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import Attendance, Resident
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.residents import search_statement
from minami_desk.services.sessions.common import get_session
from minami_desk.services.sessions.queries import Counts, SessionSummary, session_summary
from minami_desk.services.sessions.registration import age_ranges, audience_warning

# The order of groups on the screen: the expected people first, the waiting list last.
_GROUP_ORDER = {"registered": 0, "present": 0, "absent": 0, "cancelled": 1, "waitlist": 2}


@dataclass(frozen=True)
class AttendanceRow:
    resident_id: int
    number: int
    name: str
    status: str
    walk_in: bool
    age_warning: str | None


@dataclass(frozen=True)
class AttendanceList:
    session: SessionSummary
    rows: list[AttendanceRow]

    @property
    def counts(self) -> Counts:
        """Recounted from the rows, so the screen's numbers follow every toggle at once."""
        by_status: dict[str, int] = {}
        for row in self.rows:
            by_status[row.status] = by_status.get(row.status, 0) + 1
        return Counts.from_statuses(by_status, sum(1 for row in self.rows if row.walk_in))


def attendance_list(db: Database, actor: Actor, session_id: int) -> AttendanceList:
    """Every resident signed up, sorted by last name; waiting list last, in queue order."""
    actor.require(Permission.TAKE_ATTENDANCE)
    summary = session_summary(db, actor, session_id)
    wanted = age_ranges(db)[summary.audience]
    day = summary.day
    with db.read_session() as session:
        found = session.execute(
            select(
                Attendance.id,
                Attendance.status,
                Attendance.walk_in,
                Attendance.registered_at,
                Resident.id,
                Resident.number,
                Resident.first_name,
                Resident.infix,
                Resident.last_name,
                Resident.birth_date,
                Resident.age_group,
            )
            .join(Resident, Resident.id == Attendance.resident_id)
            .where(Attendance.session_id == session_id)
            .order_by(Resident.sort_key, Resident.id)
        ).all()
    queue = sorted((row.registered_at, row[0]) for row in found if row.status == "waitlist")
    place_in_queue = {attendance_id: index for index, (_at, attendance_id) in enumerate(queue)}
    # Stable sort: the last-name order stays inside each group.
    ordered = sorted(
        found, key=lambda row: (_GROUP_ORDER[row.status], place_in_queue.get(row[0], 0))
    )
    rows = [
        AttendanceRow(
            resident_id=row[4],
            number=row.number,
            name=" ".join(part for part in (row.first_name, row.infix, row.last_name) if part),
            status=row.status,
            walk_in=row.walk_in,
            age_warning=audience_warning(wanted, row.birth_date, row.age_group, day),
        )
        for row in ordered
    ]
    return AttendanceList(session=summary, rows=rows)


@dataclass(frozen=True)
class WalkInCandidate:
    resident_id: int
    number: int
    name: str
    birth_year: int | None
    on_list: bool  # already signed up (or on the waiting list) for this session


def find_walk_in(
    db: Database, actor: Actor, session_id: int, text: str, limit: int = 12
) -> list[WalkInCandidate]:
    """Residents matching ``text`` for the walk-in search, marking who is already on the list."""
    actor.require(Permission.FIND_RESIDENTS)
    if not text.strip():
        return []
    with db.read_session() as session:
        found = session.scalars(search_statement(text).limit(limit)).all()
        listed = set(
            session.scalars(
                select(Attendance.resident_id).where(
                    Attendance.session_id == session_id,
                    Attendance.resident_id.in_([resident.id for resident in found]),
                    Attendance.status != "cancelled",
                )
            )
        )
        return [
            WalkInCandidate(
                resident_id=resident.id,
                number=resident.number,
                name=resident.full_name,
                birth_year=resident.birth_date.year if resident.birth_date else None,
                on_list=resident.id in listed,
            )
            for resident in found
        ]


def mark_everyone_present(db: Database, actor: Actor, session_id: int) -> list[int]:
    """Everyone still "registered" becomes "present" in one step (most evenings nearly all
    come); returns the residents changed, which ``undo_everyone_present`` needs."""
    actor.require(Permission.TAKE_ATTENDANCE)
    with db.session() as session:
        get_session(session, session_id)
        rows = session.scalars(
            select(Attendance).where(
                Attendance.session_id == session_id, Attendance.status == "registered"
            )
        ).all()
        for row in rows:
            row.status = "present"
        if rows:
            record(session, actor, "changed", "session", session_id, f"present={len(rows)}")
        return [row.resident_id for row in rows]


def undo_everyone_present(
    db: Database, actor: Actor, session_id: int, resident_ids: list[int]
) -> int:
    """Back to "registered" for those the step above changed and nobody changed since."""
    actor.require(Permission.TAKE_ATTENDANCE)
    with db.session() as session:
        rows = session.scalars(
            select(Attendance).where(
                Attendance.session_id == session_id,
                Attendance.resident_id.in_(resident_ids),
                Attendance.status == "present",
            )
        ).all()
        for row in rows:
            row.status = "registered"
        if rows:
            record(session, actor, "changed", "session", session_id, f"undone present={len(rows)}")
        return len(rows)
