"""Writing the audit log: ids and codes only, never names, numbers or free text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from minami_desk.data.models import AUDIT_ACTIONS as AUDIT_ACTIONS  # the UI's vocabulary
from minami_desk.data.models import AuditLog
from minami_desk.errors import WritesPausedError
from minami_desk.services.actor import Actor

if TYPE_CHECKING:
    from minami_desk.data.db import Database


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None = None,
    detail: str = "",
) -> None:
    """Add an audit row to the caller's unit of work, so it commits (or not) with the change.

    ``detail`` is for codes such as a field name or a count — never for what a person said.
    """
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditLog(
            staff_id=actor.staff_id,
            via=actor.via,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail[:200],
        )
    )


def record_viewed(db: Database, actor: Actor, entity: str, entity_id: int) -> None:
    """Someone opened a record's page: who looked at whom is part of the log (by id).

    In the first seconds after starting, while the database is still being checked, the row
    is written as soon as the check has passed: looking must work, and must be logged."""
    try:
        with db.session() as session:
            record(session, actor, "viewed", entity, entity_id)
    except WritesPausedError as paused:
        if paused.defer is None:
            raise
        paused.defer(lambda: record_viewed(db, actor, entity, entity_id))
