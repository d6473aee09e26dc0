"""Erase on request (or after the retention period): the person goes, their numbers stay.

Names, contact details, notes and every free text about them are removed; the birth date
becomes an age group. The rows themselves (attendance, trajectories, contacts with their
themes, referrals with their status) stay, so the figures of past periods do not change.

Deleting a value in SQLite does not wipe its bytes: the old page lingers in the free list and
in the write-ahead log. So the change runs with ``secure_delete`` on, and afterwards the WAL is
checkpointed and truncated and the file vacuumed — the name is then gone from the disk.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    Consent,
    Contact,
    Milestone,
    ProgressNote,
    Referral,
    Resident,
    ResidentSearchToken,
    SuccessStory,
    Trajectory,
    TrajectoryGoal,
)
from minami_desk.data.models.base import table_of
from minami_desk.errors import NotFoundError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.privacy.person_export import person_ids

log = logging.getLogger(__name__)

ANONYMOUS_FIRST_NAME = "Geanonimiseerd"
CHECKPOINT_ATTEMPTS = 25
REMOVED_STORY_TITLE = "Verwijderd verhaal"
REMOVED_CONSENT_BY = "verwijderd"


def age_group(birth_date: date, on: date) -> str:
    """The AGE_GROUPS bucket of someone born on ``birth_date``, on the day ``on``."""
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 12:
        return "0-11"
    if age < 18:
        return "12-17"
    if age < 27:
        return "18-26"
    if age < 65:
        return "27-64"
    return "65+"


def _blank_resident(resident: Resident) -> None:
    if resident.birth_date is not None:
        resident.age_group = age_group(resident.birth_date, clock.today())
    resident.first_name = ANONYMOUS_FIRST_NAME
    resident.infix = ""
    resident.last_name = str(resident.id)
    resident.sort_key = f"~geanonimiseerd {resident.id:09d}"
    resident.birth_date = None
    resident.phone = None
    resident.phone_digits = None
    resident.email = None
    # The four digits stay: they give the wijk for the statistics, not the street.
    resident.postcode = resident.postcode[:4] if resident.postcode else None
    resident.languages = ""
    resident.found_via = ""
    resident.note = ""
    resident.guardian_name = None
    resident.guardian_phone = None
    resident.anonymised_at = clock.utcnow()
    if resident.archived_at is None:
        resident.archived_at = resident.anonymised_at


def erase_person(session: Session, actor: Actor, resident_id: int) -> list[int]:
    """Blank one person (and records merged into them) in the caller's unit of work."""
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise NotFoundError(_("This resident no longer exists."))
    ids = person_ids(session, resident_id)
    for rid in ids:
        row = session.get(Resident, rid)
        if row is not None:
            _blank_resident(row)
    session.flush()
    session.execute(
        table_of(ResidentSearchToken).delete().where(ResidentSearchToken.resident_id.in_(ids))
    )
    session.execute(
        update(Consent)
        .where(Consent.resident_id.in_(ids))
        .values(given_by=REMOVED_CONSENT_BY, withdrawn_note="")
    )
    session.execute(update(Contact).where(Contact.resident_id.in_(ids)).values(help_request=""))
    session.execute(update(Attendance).where(Attendance.resident_id.in_(ids)).values(note=""))
    session.execute(
        update(Referral).where(Referral.resident_id.in_(ids)).values(reason="", outcome_note="")
    )
    trajectory_ids = list(
        session.scalars(select(Trajectory.id).where(Trajectory.resident_id.in_(ids)))
    )
    if trajectory_ids:
        session.execute(
            update(Trajectory).where(Trajectory.id.in_(trajectory_ids)).values(stop_note="")
        )
        session.execute(
            update(TrajectoryGoal)
            .where(TrajectoryGoal.trajectory_id.in_(trajectory_ids))
            .values(own_text="")
        )
        session.execute(
            update(Milestone)
            .where(Milestone.trajectory_id.in_(trajectory_ids))
            .values(note="", moved_reason="")
        )
        session.execute(
            update(ProgressNote)
            .where(ProgressNote.trajectory_id.in_(trajectory_ids))
            .values(text="")
        )
    story_condition: ColumnElement[bool] = SuccessStory.resident_id.in_(ids)
    if trajectory_ids:
        story_condition = or_(story_condition, SuccessStory.trajectory_id.in_(trajectory_ids))
    session.execute(
        update(SuccessStory)
        .where(story_condition)
        .values(
            title=REMOVED_STORY_TITLE,
            story="",
            pseudonym="",
            sharing="not_shared",
            consent_withdrawn_at=clock.utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    for rid in ids:
        record(session, actor, "anonymised", "resident", rid)
    return ids


def scrub_free_pages(db: Database) -> None:
    """Make deleted text unrecoverable: fold the WAL in, empty it, and rebuild the file.

    Runs after the commit. A reader elsewhere (the command line) may hold the WAL open for a
    moment; the checkpoint then waits on the busy timeout rather than leaving old pages.
    """
    db.engine.dispose()  # idle pooled connections would keep old snapshots readable
    connection = db.raw_connection()
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("VACUUM")
        for _attempt in range(CHECKPOINT_ATTEMPTS):
            busy, _log_pages, _done = connection.execute(
                "PRAGMA wal_checkpoint(TRUNCATE)"
            ).fetchone()
            if not busy:
                return
            time.sleep(0.2)  # a reader (the command line) is finishing; try again
        log.warning("write-ahead log still in use; it is emptied at the next checkpoint")
    finally:
        connection.close()


def anonymise_residents(db: Database, actor: Actor, resident_ids: Iterable[int]) -> int:
    """Erase each person; returns how many records were anonymised. One unit of work."""
    actor.require(Permission.ERASE_PERSONAL_DATA)
    wanted = list(dict.fromkeys(resident_ids))
    if not wanted:
        return 0
    done: set[int] = set()
    with db.session() as session:
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        for resident_id in wanted:
            if resident_id not in done:
                done.update(erase_person(session, actor, resident_id))
    scrub_free_pages(db)
    return len(done)


def anonymise_resident(db: Database, actor: Actor, resident_id: int) -> None:
    """Erase on request (recht op vergetelheid) for one resident."""
    anonymise_residents(db, actor, [resident_id])
