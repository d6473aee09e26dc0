"""Referrals whose follow-up is due: what Vandaag asks the desk to chase up."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Referral, Resident
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.referrals import OPEN_STATUSES, ReferralRow, _row, _statement


def _due_conditions(day: date) -> list[Any]:
    return [
        Referral.status.in_(OPEN_STATUSES),
        Referral.follow_up_on.is_not(None),
        Referral.follow_up_on <= day,
        Resident.anonymised_at.is_(None),
    ]


def follow_ups_due(
    db: Database, actor: Actor, on: date | None = None, limit: int | None = None
) -> list[ReferralRow]:
    """Open referrals whose follow-up date is today or already past, the oldest first.

    ``limit`` keeps Vandaag quick when years of referrals were never followed up.
    """
    actor.require(Permission.VIEW_REFERRALS)
    day = on or clock.today()
    statement = (
        _statement().where(*_due_conditions(day)).order_by(Referral.follow_up_on, Referral.id)
    )
    if limit is not None:
        statement = statement.limit(limit)
    with db.read_session() as session:
        return [_row(referral, resident, True) for referral, resident in session.execute(statement)]


def count_follow_ups_due(db: Database, actor: Actor, on: date | None = None) -> int:
    actor.require(Permission.VIEW_REFERRALS)
    day = on or clock.today()
    statement = (
        select(func.count())
        .select_from(Referral)
        .join(Resident, Resident.id == Referral.resident_id)
        .where(*_due_conditions(day))
    )
    with db.read_session() as session:
        return int(session.scalar(statement) or 0)
