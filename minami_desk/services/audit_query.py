"""Reading the audit log for Beheer → Logboek: filtered, newest first, a page at a time.

The log stores ids only; the names of *staff* are looked up here for the administrator to
read (staff are the ones being accountable), residents stay numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVarTuple

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database, affected_rows
from minami_desk.data.models import AuditLog, Staff
from minami_desk.services.actor import Actor, Permission


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    entity: str | None = None
    staff_id: int | None = None
    via: str | None = None  # "ui", "cli" or "system"
    date_from: date | None = None
    date_to: date | None = None  # inclusive


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    staff_id: int | None
    staff_name: str
    via: str
    action: str
    entity: str
    entity_id: int | None
    detail: str


_Columns = TypeVarTuple("_Columns")


def day_start(day: date) -> datetime:
    """Midnight in Amsterdam at the start of ``day``, as an aware instant."""
    return datetime.combine(day, time.min, clock.AMSTERDAM)


def _filtered(statement: Select[*_Columns], wanted: AuditFilter) -> Select[*_Columns]:
    if wanted.action:
        statement = statement.where(AuditLog.action == wanted.action)
    if wanted.entity:
        statement = statement.where(AuditLog.entity == wanted.entity)
    if wanted.staff_id is not None:
        statement = statement.where(AuditLog.staff_id == wanted.staff_id)
    if wanted.via:
        statement = statement.where(AuditLog.via == wanted.via)
    if wanted.date_from:
        statement = statement.where(AuditLog.at >= day_start(wanted.date_from))
    if wanted.date_to:
        statement = statement.where(AuditLog.at < day_start(wanted.date_to + timedelta(days=1)))
    return statement


def audit_rows(
    db: Database, actor: Actor, wanted: AuditFilter, offset: int = 0, limit: int = 200
) -> list[AuditRow]:
    actor.require(Permission.VIEW_AUDIT_LOG)
    statement = _filtered(
        select(AuditLog, Staff.display_name).outerjoin(Staff, Staff.id == AuditLog.staff_id),
        wanted,
    ).order_by(AuditLog.at.desc(), AuditLog.id.desc())
    with db.read_session() as session:
        return [
            AuditRow(
                id=row.id,
                at=row.at,
                staff_id=row.staff_id,
                staff_name=name or "",
                via=row.via,
                action=row.action,
                entity=row.entity,
                entity_id=row.entity_id,
                detail=row.detail,
            )
            for row, name in session.execute(statement.offset(offset).limit(limit))
        ]


def audit_count(db: Database, actor: Actor, wanted: AuditFilter) -> int:
    actor.require(Permission.VIEW_AUDIT_LOG)
    with db.read_session() as session:
        statement = _filtered(select(func.count()).select_from(AuditLog), wanted)
        return session.scalar(statement) or 0


def audit_entities(db: Database, actor: Actor) -> list[str]:
    """The kinds of record the log mentions, for the filter list."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    with db.read_session() as session:
        return list(session.scalars(select(AuditLog.entity).distinct().order_by(AuditLog.entity)))


def audit_staff(db: Database, actor: Actor) -> list[tuple[int, str]]:
    """Everyone who has an account (also switched-off ones), for the filter list."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    with db.read_session() as session:
        rows = session.execute(select(Staff.id, Staff.display_name).order_by(Staff.display_name))
        return [(staff_id, name) for staff_id, name in rows]


def purge_before(session: Session, moment: datetime) -> int:
    """Delete log rows older than ``moment`` (the audit log's retention period)."""
    result = session.execute(delete(AuditLog).where(AuditLog.at < moment))
    return affected_rows(result)


def count_before(session: Session, moment: datetime) -> int:
    statement = select(func.count()).select_from(AuditLog).where(AuditLog.at < moment)
    return session.scalar(statement) or 0
