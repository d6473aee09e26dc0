"""Reading trajectories back for the screens and the command line, as plain dataclasses.

Anyone who may find residents sees who is in a trajectory, with whom and how far; the coach's
notes and the self-assessments only come back for roles with ``VIEW_TRAJECTORIES``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Row, Select, or_, select
from sqlalchemy.orm import Session

from minami_desk.data.db import Database
from minami_desk.data.models import TRAJECTORY_STATUSES as TRAJECTORY_STATUSES  # for the UI
from minami_desk.data.models import (
    Certificate,
    ProgressNote,
    Resident,
    SelfAssessment,
    Staff,
    Trajectory,
)
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.trajectories.labels import goal_label
from minami_desk.services.trajectories.lifecycle import load_trajectory


@dataclass(frozen=True)
class TrajectorySummary:
    id: int
    resident_id: int
    resident_number: int
    resident_name: str
    coach_id: int | None
    coach_name: str
    start_date: date
    planned_end_date: date
    end_date: date | None
    status: str
    stop_reason: str | None


@dataclass(frozen=True)
class GoalView:
    id: int
    code: str
    label: str
    scores: dict[str, int] = field(default_factory=dict)  # moment -> score


@dataclass(frozen=True)
class MilestoneView:
    id: int
    code: str
    title: str
    due_on: date
    original_due_on: date
    moved_reason: str
    done_on: date | None
    note: str


@dataclass(frozen=True)
class NoteView:
    id: int
    written_on: date
    author_name: str
    text: str


@dataclass(frozen=True)
class TrajectoryDetail:
    summary: TrajectorySummary
    goals: list[GoalView]
    milestones: list[MilestoneView]
    notes: list[NoteView]
    stop_note: str
    certificate_number: str | None
    # False for volunteers: notes and scores were left out, not merely empty.
    confidential_included: bool


@dataclass(frozen=True)
class Coach:
    id: int
    name: str


_SUMMARY_COLUMNS = (
    Trajectory.id,
    Trajectory.resident_id,
    Resident.number,
    Resident.first_name,
    Resident.infix,
    Resident.last_name,
    Trajectory.coach_id,
    Staff.display_name,
    Trajectory.start_date,
    Trajectory.planned_end_date,
    Trajectory.end_date,
    Trajectory.status,
    Trajectory.stop_reason,
)


def _summary_statement() -> Select[*tuple[Any, ...]]:
    """Plain columns, not ORM objects: a list of 10,000 trajectories stays quick. (Past ten
    columns SQLAlchemy types a row's values as Any.)"""
    return (
        select(*_SUMMARY_COLUMNS)
        .join(Resident, Resident.id == Trajectory.resident_id)
        .outerjoin(Staff, Staff.id == Trajectory.coach_id)
    )


def _summary(row: Row[*tuple[Any, ...]]) -> TrajectorySummary:
    (
        id_,
        resident_id,
        number,
        first,
        infix,
        last,
        coach_id,
        coach,
        start,
        planned,
        end,
        status,
        stop_reason,
    ) = row
    return TrajectorySummary(
        id=id_,
        resident_id=resident_id,
        resident_number=number,
        resident_name=" ".join(part for part in (first, infix, last) if part),
        coach_id=coach_id,
        coach_name=coach or "",
        start_date=start,
        planned_end_date=planned,
        end_date=end,
        status=status,
        stop_reason=stop_reason,
    )


def list_trajectories(
    db: Database,
    actor: Actor,
    status: str | None = None,
    coach_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    resident_id: int | None = None,
    limit: int | None = None,
) -> list[TrajectorySummary]:
    """Trajectories that overlap the period ``date_from``..``date_to`` (either may be open),
    newest first; ``limit`` keeps a screen list short."""
    actor.require(Permission.FIND_RESIDENTS)
    if status is not None and status not in TRAJECTORY_STATUSES:
        raise ValidationError("status", _("Unknown status."))
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", _("The end of the period is before its start."))
    statement = _summary_statement()
    if status:
        statement = statement.where(Trajectory.status == status)
    if coach_id is not None:
        statement = statement.where(Trajectory.coach_id == coach_id)
    if resident_id is not None:
        statement = statement.where(Trajectory.resident_id == resident_id)
    if date_to:
        statement = statement.where(Trajectory.start_date <= date_to)
    if date_from:
        # Still running, or ended (or planned to end) on or after the start of the period.
        statement = statement.where(
            or_(
                Trajectory.end_date >= date_from,
                Trajectory.end_date.is_(None) & (Trajectory.status == "active"),
            )
        )
    statement = statement.order_by(Trajectory.start_date.desc(), Trajectory.id.desc())
    if limit is not None:
        statement = statement.limit(limit)
    with db.read_session() as session:
        return [_summary(row) for row in session.execute(statement)]


def completed_summaries(
    db: Database, actor: Actor, first: date, last: date
) -> list[TrajectorySummary]:
    """Trajectories completed in ``first``..``last``, in name order: the ceremony's order."""
    actor.require(Permission.PRINT_CERTIFICATES)
    statement = (
        _summary_statement()
        .where(
            Trajectory.status == "completed",
            Trajectory.end_date >= first,
            Trajectory.end_date <= last,
        )
        .order_by(Resident.sort_key, Trajectory.id)
    )
    with db.read_session() as session:
        return [_summary(row) for row in session.execute(statement)]


def _scores(session: Session, goal_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = {goal_id: {} for goal_id in goal_ids}
    if goal_ids:
        for row in session.scalars(
            select(SelfAssessment).where(SelfAssessment.goal_id.in_(list(goal_ids)))
        ):
            result[row.goal_id][row.moment] = row.score
    return result


def get_trajectory(db: Database, actor: Actor, trajectory_id: int) -> TrajectoryDetail:
    actor.require(Permission.FIND_RESIDENTS)
    confidential = actor.can(Permission.VIEW_TRAJECTORIES)
    with db.read_session() as session:
        trajectory = load_trajectory(session, trajectory_id)
        row = session.execute(_summary_statement().where(Trajectory.id == trajectory_id)).one()
        goals = sorted(trajectory.goals, key=lambda goal: goal.id)
        scores = _scores(session, [goal.id for goal in goals]) if confidential else {}
        notes: list[NoteView] = []
        if confidential:
            for note, author in session.execute(
                select(ProgressNote, Staff.display_name)
                .outerjoin(Staff, Staff.id == ProgressNote.author_id)
                .where(ProgressNote.trajectory_id == trajectory_id)
                .order_by(ProgressNote.written_on.desc(), ProgressNote.id.desc())
            ):
                notes.append(NoteView(note.id, note.written_on, author or "", note.text))
        number = session.scalar(
            select(Certificate.number).where(Certificate.trajectory_id == trajectory_id)
        )
        return TrajectoryDetail(
            summary=_summary(row),
            goals=[
                GoalView(
                    goal.id,
                    goal.code,
                    goal_label(goal.code, goal.own_text),
                    scores.get(goal.id, {}),
                )
                for goal in goals
            ],
            milestones=[
                MilestoneView(
                    m.id,
                    m.code,
                    m.title,
                    m.due_on,
                    m.original_due_on,
                    m.moved_reason,
                    m.done_on,
                    m.note if confidential else "",
                )
                for m in trajectory.milestones
            ],
            notes=notes,
            stop_note=trajectory.stop_note if confidential else "",
            certificate_number=number,
            confidential_included=confidential,
        )


def list_coaches(db: Database, actor: Actor) -> list[Coach]:
    """Active staff members and administrators, who can coach a trajectory."""
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        rows = session.execute(
            select(Staff.id, Staff.display_name)
            .where(Staff.active.is_(True), Staff.role.in_(("medewerker", "beheerder")))
            .order_by(Staff.display_name)
        )
        return [Coach(staff_id, name) for staff_id, name in rows]


def resident_label(db: Database, actor: Actor, resident_id: int) -> str:
    """ "Ama Mensah (1042)", for the start dialog's heading."""
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.anonymised_at is not None:
            raise NotFoundError(_("This resident no longer exists."))
        return f"{resident.full_name} ({resident.number})"
