"""Merging two registrations of the same person into the one that stays.

Every row that points at the resident who goes (contacts, attendance, trajectories,
referrals, consents, stories, and whatever later tables add) is moved in ONE transaction;
the tables are found from the schema's foreign keys, so a new table cannot be forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database, affected_rows
from minami_desk.data.models import Attendance, Base, Resident, Trajectory
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.residents import index_resident

# Attendance statuses, the most telling first: when both were on one session, this decides.
_STATUS_RANK = {"present": 0, "absent": 1, "registered": 2, "waitlist": 3, "cancelled": 4}
# Resident fields copied from the one who goes when the one who stays has them empty.
_FILL_FIELDS = (
    "birth_date",
    "age_group",
    "gender",
    "phone",
    "phone_digits",
    "email",
    "postcode",
    "wijk",
    "guardian_name",
    "guardian_phone",
)
_HANDLED = {"resident", "resident_search_token", "attendance"}


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    moved: dict[str, int]  # table name → rows moved
    attendance_collisions: int


def _referencing_tables() -> list[tuple[Table, str]]:
    """(table, column) for every foreign key to ``resident.id``."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            for key in column.foreign_keys:
                if key.column.table.name == "resident" and table.name not in _HANDLED:
                    found.append((table, column.name))
    return found


def _merge_attendance(session: Session, keep_id: int, drop_id: int) -> tuple[int, int]:
    """Move attendance; when both were on the same session keep one row, the best status."""
    kept = {
        row.session_id: row
        for row in session.scalars(select(Attendance).where(Attendance.resident_id == keep_id))
    }
    moved = collisions = 0
    for row in list(session.scalars(select(Attendance).where(Attendance.resident_id == drop_id))):
        other = kept.get(row.session_id)
        if other is None:
            row.resident_id = keep_id
            moved += 1
            continue
        collisions += 1
        if _STATUS_RANK.get(row.status, 9) < _STATUS_RANK.get(other.status, 9):
            other.status = row.status
        other.walk_in = other.walk_in and row.walk_in
        other.registered_at = min(other.registered_at, row.registered_at)
        if row.note and row.note not in other.note:
            other.note = f"{other.note}\n{row.note}".strip()
        session.delete(row)
    session.flush()
    return moved, collisions


def merge_residents(db: Database, actor: Actor, keep_id: int, drop_id: int) -> MergeResult:
    """Move everything of ``drop_id`` to ``keep_id``; the dropped record is archived with a
    pointer to the one that stays, so old paper forms with its number still lead somewhere."""
    actor.require(Permission.MERGE_RESIDENTS)
    if keep_id == drop_id:
        raise ValidationError("merge", _("Choose two different residents to merge."))
    with db.session() as session:
        keep = session.get(Resident, keep_id)
        drop = session.get(Resident, drop_id)
        if keep is None or drop is None or keep.anonymised_at or drop.anonymised_at:
            raise NotFoundError(_("This resident no longer exists."))
        if drop.merged_into_id is not None:
            raise ValidationError("merge", _("This resident has already been merged."))
        active = session.scalars(
            select(Trajectory.resident_id).where(
                Trajectory.resident_id.in_((keep_id, drop_id)), Trajectory.status == "active"
            )
        ).all()
        if len(active) > 1:
            raise ValidationError(
                "merge",
                _("Both have an active trajectory. Close one of them before merging."),
            )
        moved: dict[str, int] = {}
        attendance_moved, collisions = _merge_attendance(session, keep_id, drop_id)
        moved["attendance"] = attendance_moved
        for table, column in _referencing_tables():
            result = session.execute(
                update(table).where(table.c[column] == drop_id).values({column: keep_id})
            )
            moved[table.name] = moved.get(table.name, 0) + affected_rows(result)
        for name in _FILL_FIELDS:
            if getattr(keep, name) in (None, "") and getattr(drop, name) not in (None, ""):
                setattr(keep, name, getattr(drop, name))
        if drop.note and drop.note not in keep.note:
            keep.note = f"{keep.note}\n{drop.note}".strip()
        if drop.registered_on < keep.registered_on:
            keep.registered_on = drop.registered_on
        keep.minor_free_help = keep.minor_free_help and drop.minor_free_help
        drop.merged_into_id = keep_id
        drop.archived_at = clock.utcnow()
        session.execute(
            update(Resident)
            .where(Resident.merged_into_id == drop_id)
            .values(merged_into_id=keep_id)
        )
        index_resident(keep)
        record(session, actor, "merged", "resident", keep_id, f"from:{drop_id}")
        record(session, actor, "merged", "resident", drop_id, f"into:{keep_id}")
    return MergeResult(kept_id=keep_id, moved=moved, attendance_collisions=collisions)


__all__ = ["MergeResult", "merge_residents"]
