"""Inzageverzoek: everything stored about one person, straight from every table.

The collection reads the tables directly (not through the sections' services) so that a field
added to a table later shows up here without anyone remembering to add it: every mapped column
of every row that belongs to the person is copied. The PDF labels what it knows and prints the
rest under its column name, so nothing is left out.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, inspect, or_, select
from sqlalchemy.orm import Session

from minami_desk import clock, reports
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    AuditLog,
    Certificate,
    Consent,
    Contact,
    Milestone,
    Organisation,
    ProgressNote,
    Referral,
    Resident,
    SelfAssessment,
    SessionKind,
    Staff,
    SuccessStory,
    Trajectory,
    TrajectoryGoal,
)
from minami_desk.data.models import (
    Session as Meeting,
)
from minami_desk.documents.person_export import PersonExport
from minami_desk.errors import NotFoundError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.centre import centre_info


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return clock.local(value).isoformat(timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def columns(row: object) -> dict[str, Any]:
    """Every mapped column of ``row``, as plain values."""
    mapper = inspect(row).mapper
    return {attr.key: _plain(getattr(row, attr.key)) for attr in mapper.column_attrs}


def _staff_names(session: Session) -> dict[int, str]:
    return {
        staff_id: name for staff_id, name in session.execute(select(Staff.id, Staff.display_name))
    }


def _with_staff(values: dict[str, Any], names: dict[int, str], *keys: str) -> dict[str, Any]:
    """Add the staff member's name next to each staff id, so the resident can read who."""
    for key in keys:
        staff_id = values.get(key)
        if staff_id is not None:
            values[key.removesuffix("_id") + "_name"] = names.get(staff_id, "")
    return values


def _contacts(session: Session, ids: list[int], names: dict[int, str]) -> list[dict[str, Any]]:
    result = []
    statement = select(Contact).where(Contact.resident_id.in_(ids)).order_by(Contact.contact_at)
    for contact in session.scalars(statement):
        values = _with_staff(columns(contact), names, "handled_by_id")
        values["themes"] = [theme.name for theme in contact.themes]
        result.append(values)
    return result


def _attendance(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    statement = (
        select(Attendance, Meeting, SessionKind)
        .join(Meeting, Meeting.id == Attendance.session_id)
        .join(SessionKind, SessionKind.id == Meeting.kind_id)
        .where(Attendance.resident_id.in_(ids))
        .order_by(Meeting.starts_at)
    )
    result = []
    for attendance, meeting, kind in session.execute(statement):
        values = columns(attendance)
        values["session"] = {
            "id": meeting.id,
            "title": meeting.title,
            "kind": kind.name,
            "starts_at": _plain(meeting.starts_at),
            "ends_at": _plain(meeting.ends_at),
            "location": meeting.location,
            "status": meeting.status,
        }
        result.append(values)
    return result


def _trajectories(session: Session, ids: list[int], names: dict[int, str]) -> list[dict[str, Any]]:
    result = []
    statement = (
        select(Trajectory).where(Trajectory.resident_id.in_(ids)).order_by(Trajectory.start_date)
    )
    for trajectory in session.scalars(statement):
        values = _with_staff(columns(trajectory), names, "coach_id")
        goals = []
        for goal in session.scalars(
            select(TrajectoryGoal)
            .where(TrajectoryGoal.trajectory_id == trajectory.id)
            .order_by(TrajectoryGoal.id)
        ):
            goal_values = columns(goal)
            goal_values["assessments"] = [
                columns(assessment)
                for assessment in session.scalars(
                    select(SelfAssessment)
                    .where(SelfAssessment.goal_id == goal.id)
                    .order_by(SelfAssessment.recorded_on, SelfAssessment.id)
                )
            ]
            goals.append(goal_values)
        values["goals"] = goals
        values["milestones"] = [
            columns(milestone)
            for milestone in session.scalars(
                select(Milestone)
                .where(Milestone.trajectory_id == trajectory.id)
                .order_by(Milestone.sort_order, Milestone.id)
            )
        ]
        values["progress_notes"] = [
            _with_staff(columns(note), names, "author_id")
            for note in session.scalars(
                select(ProgressNote)
                .where(ProgressNote.trajectory_id == trajectory.id)
                .order_by(ProgressNote.written_on, ProgressNote.id)
            )
        ]
        certificate = session.scalars(
            select(Certificate).where(Certificate.trajectory_id == trajectory.id)
        ).first()
        values["certificate"] = columns(certificate) if certificate is not None else None
        result.append(values)
    return result


def _referrals(session: Session, ids: list[int], names: dict[int, str]) -> list[dict[str, Any]]:
    result = []
    statement = (
        select(Referral, Organisation)
        .join(Organisation, Organisation.id == Referral.organisation_id)
        .where(Referral.resident_id.in_(ids))
        .order_by(Referral.referred_on, Referral.id)
    )
    for referral, organisation in session.execute(statement):
        values = _with_staff(columns(referral), names, "staff_id")
        values["organisation"] = organisation.name
        values["themes"] = [theme.name for theme in referral.themes]
        result.append(values)
    return result


def _stories(session: Session, ids: list[int], trajectory_ids: list[int]) -> list[dict[str, Any]]:
    condition: ColumnElement[bool] = SuccessStory.resident_id.in_(ids)
    if trajectory_ids:
        condition = or_(condition, SuccessStory.trajectory_id.in_(trajectory_ids))
    statement = select(SuccessStory).where(condition).order_by(SuccessStory.story_date)
    return [columns(story) for story in session.scalars(statement)]


def _access_log(
    session: Session, about: dict[str, list[int]], names: dict[int, str]
) -> list[dict[str, Any]]:
    """Who looked at or changed their record, or one of its parts (a trajectory, a referral,
    a story), and when: the audit rows about them. ``about`` maps an audit entity to ids."""
    condition = or_(
        *(
            and_(AuditLog.entity == entity, AuditLog.entity_id.in_(ids))
            for entity, ids in about.items()
            if ids
        )
    )
    statement = select(AuditLog).where(condition).order_by(AuditLog.at, AuditLog.id)
    return [
        {
            "at": _plain(row.at),
            "action": row.action,
            "record": row.entity,
            "staff_name": names.get(row.staff_id, "") if row.staff_id is not None else "",
            "via": row.via,
        }
        for row in session.scalars(statement)
    ]


def person_ids(session: Session, resident_id: int) -> list[int]:
    """The resident and every record merged into it (the same person registered twice)."""
    found = [resident_id]
    frontier = [resident_id]
    while frontier:
        merged = list(
            session.scalars(select(Resident.id).where(Resident.merged_into_id.in_(frontier)))
        )
        merged = [rid for rid in merged if rid not in found]
        found.extend(merged)
        frontier = merged
    return found


def collect(session: Session, resident_id: int) -> dict[str, Any]:
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise NotFoundError(_("This resident no longer exists."))
    ids = person_ids(session, resident_id)
    names = _staff_names(session)
    trajectories = _trajectories(session, ids, names)
    consents = [
        _with_staff(columns(consent), names, "recorded_by_id")
        for consent in session.scalars(
            select(Consent).where(Consent.resident_id.in_(ids)).order_by(Consent.given_at)
        )
    ]
    referrals = _referrals(session, ids, names)
    stories = _stories(session, ids, [t["id"] for t in trajectories])
    about = {
        "resident": ids,
        "trajectory": [t["id"] for t in trajectories],
        "referral": [r["id"] for r in referrals],
        "success_story": [story["id"] for story in stories],
    }
    return {
        "resident": columns(resident),
        "merged_records": [
            columns(row)
            for row in session.scalars(select(Resident).where(Resident.id.in_(ids[1:])))
        ],
        "consents": consents,
        "contacts": _contacts(session, ids, names),
        "attendance": _attendance(session, ids),
        "trajectories": trajectories,
        "referrals": referrals,
        "stories": stories,
        "access_log": _access_log(session, about, names),
    }


def person_export(db: Database, actor: Actor, resident_id: int) -> PersonExport:
    """Everything about one resident; the export itself is audit-logged (by id)."""
    actor.require(Permission.EXPORT_PERSONAL_DATA)
    centre = centre_info(db)
    with db.session() as session:
        data = collect(session, resident_id)
        record(session, actor, "exported", "resident", resident_id, "person_export")
    return PersonExport(resident_id=resident_id, made_at=clock.now(), centre=centre, data=data)


def write_person_export(db: Database, actor: Actor, resident_id: int, out: Path) -> list[Path]:
    """Write ``out``.pdf and ``out``.json (``out`` may end in either); returns both paths."""

    export = person_export(db, actor, resident_id)
    base = out.with_suffix("") if out.suffix.lower() in (".pdf", ".json") else out
    pdf_path = base.with_name(base.name + ".pdf")
    json_path = base.with_name(base.name + ".json")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    reports.write_person_export(export, pdf_path, json_path)
    return [pdf_path, json_path]
