"""Bewaartermijnen: what has been kept long enough, and removing it in one reviewed action.

Periods are settings (so a backup carries them and the verwerkingsregister prints them):
residents without any activity, the free text of contacts, and the audit log itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database, affected_rows
from minami_desk.data.models import (
    Attendance,
    Contact,
    Referral,
    Resident,
    Trajectory,
)
from minami_desk.data.models import (
    Session as Meeting,
)
from minami_desk.errors import ValidationError
from minami_desk.i18n import N_, _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.audit_query import count_before, day_start, purge_before
from minami_desk.services.privacy.anonymise import erase_person, scrub_free_pages
from minami_desk.services.settings import get_settings, set_settings

RESIDENT_MONTHS = "retention.resident_inactive_months"
CONTACT_TEXT_MONTHS = "retention.contact_text_months"
AUDIT_LOG_MONTHS = "retention.audit_log_months"
DEFAULTS = {RESIDENT_MONTHS: 24, CONTACT_TEXT_MONTHS: 24, AUDIT_LOG_MONTHS: 36}
DESCRIPTIONS = {
    RESIDENT_MONTHS: N_("Residents without any activity (months)"),
    CONTACT_TEXT_MONTHS: N_("Help-request texts of contacts (months)"),
    AUDIT_LOG_MONTHS: N_("Audit log (months)"),
}
MIN_MONTHS, MAX_MONTHS = 6, 240


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the last day of the month when that one is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def retention_periods(db: Database) -> dict[str, int]:
    stored = get_settings(db, "retention.")
    result = {}
    for key, default in DEFAULTS.items():
        value = stored.get(key, default)
        result[key] = value if isinstance(value, int) and value > 0 else default
    return result


def set_retention_periods(db: Database, actor: Actor, periods: dict[str, int]) -> None:
    actor.require(Permission.ERASE_PERSONAL_DATA)
    errors = {
        key: _("Choose between {low} and {high} months.").format(low=MIN_MONTHS, high=MAX_MONTHS)
        for key, value in periods.items()
        if key not in DEFAULTS or not MIN_MONTHS <= value <= MAX_MONTHS
    }
    if errors:
        raise ValidationError(errors)
    set_settings(db, actor, dict(periods))


@dataclass(frozen=True)
class DueResident:
    id: int
    number: int
    name: str
    last_activity: date


@dataclass(frozen=True)
class RetentionDue:
    residents: list[DueResident]
    resident_cutoff: date
    contact_texts: int
    contact_cutoff: date
    audit_rows: int
    audit_cutoff: date


@dataclass(frozen=True)
class RetentionResult:
    residents: int
    contact_texts: int
    audit_rows: int


def _last_activity(session: Session) -> dict[int, date]:
    """Per resident: the latest day anything happened (registration, visit, session, …)."""
    latest: dict[int, date] = {}

    def take(resident_id: int, value: object) -> None:
        if value is None:
            return
        day = clock.local(value).date() if isinstance(value, datetime) else value
        assert isinstance(day, date)
        if resident_id not in latest or day > latest[resident_id]:
            latest[resident_id] = day

    queries = [
        select(Resident.id, Resident.registered_on),
        select(Contact.resident_id, func.max(Contact.contact_at)).group_by(Contact.resident_id),
        select(Attendance.resident_id, func.max(Meeting.starts_at))
        .join(Meeting, Meeting.id == Attendance.session_id)
        .group_by(Attendance.resident_id),
        select(Trajectory.resident_id, func.max(Trajectory.start_date)).group_by(
            Trajectory.resident_id
        ),
        select(Trajectory.resident_id, func.max(Trajectory.end_date)).group_by(
            Trajectory.resident_id
        ),
        select(Trajectory.resident_id, func.max(Trajectory.planned_end_date))
        .where(Trajectory.status == "active")
        .group_by(Trajectory.resident_id),
        select(Referral.resident_id, func.max(Referral.referred_on)).group_by(Referral.resident_id),
        select(Referral.resident_id, func.max(Referral.closed_on)).group_by(Referral.resident_id),
    ]
    for statement in queries:
        for resident_id, value in session.execute(statement):
            take(resident_id, value)
    return latest


def retention_due(db: Database, actor: Actor) -> RetentionDue:
    """What the retention periods say should go now; nothing is changed."""
    actor.require(Permission.ERASE_PERSONAL_DATA)
    periods = retention_periods(db)
    today = clock.today()
    resident_cutoff = months_before(today, periods[RESIDENT_MONTHS])
    contact_cutoff = months_before(today, periods[CONTACT_TEXT_MONTHS])
    audit_cutoff = months_before(today, periods[AUDIT_LOG_MONTHS])
    with db.read_session() as session:
        latest = _last_activity(session)
        candidates = session.scalars(
            select(Resident)
            .where(Resident.anonymised_at.is_(None), Resident.merged_into_id.is_(None))
            .order_by(Resident.sort_key)
        )
        residents = [
            DueResident(resident.id, resident.number, resident.full_name, latest[resident.id])
            for resident in candidates
            if latest.get(resident.id, resident.registered_on) < resident_cutoff
        ]
        contact_texts = (
            session.scalar(
                select(func.count())
                .select_from(Contact)
                .where(Contact.contact_at < day_start(contact_cutoff), Contact.help_request != "")
            )
            or 0
        )
        audit_rows = count_before(session, day_start(audit_cutoff))
    return RetentionDue(
        residents=residents,
        resident_cutoff=resident_cutoff,
        contact_texts=contact_texts,
        contact_cutoff=contact_cutoff,
        audit_rows=audit_rows,
        audit_cutoff=audit_cutoff,
    )


def apply_retention(
    db: Database,
    actor: Actor,
    resident_ids: Iterable[int],
    clear_contact_texts: bool = True,
    purge_audit_log: bool = True,
) -> RetentionResult:
    """Anonymise the reviewed residents and remove what is past its period, in one go."""
    actor.require(Permission.ERASE_PERSONAL_DATA)
    due = retention_due(db, actor)
    allowed = {resident.id for resident in due.residents}
    chosen = [rid for rid in dict.fromkeys(resident_ids) if rid in allowed]
    texts = rows = 0
    erased: set[int] = set()
    with db.session() as session:
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        for resident_id in chosen:
            if resident_id not in erased:
                erased.update(erase_person(session, actor, resident_id))
        if clear_contact_texts:
            result = session.execute(
                update(Contact)
                .where(
                    Contact.contact_at < day_start(due.contact_cutoff), Contact.help_request != ""
                )
                .values(help_request="")
            )
            texts = affected_rows(result)
            if texts:
                record(session, actor, "changed", "contact", None, f"retention:{texts}")
        if purge_audit_log:
            rows = purge_before(session, day_start(due.audit_cutoff))
            if rows:
                record(session, actor, "deleted", "audit_log", None, f"retention:{rows}")
    scrub_free_pages(db)
    return RetentionResult(residents=len(erased), contact_texts=texts, audit_rows=rows)
