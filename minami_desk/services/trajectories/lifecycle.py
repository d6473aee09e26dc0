"""Starting and closing a trajectory, and the rules that guard both.

One active trajectory per resident: checked first so the user reads why, and the partial unique
index in the database is the backstop when two desks start one at the same moment.
Completing needs the final evaluation done and, as the centre configures it
(``trajectory.min_sessions``), a number of sessions attended during the trajectory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import (
    GOAL_CODES,
    STOP_REASONS,
    Attendance,
    Milestone,
    MilestoneTemplate,
    Resident,
    Staff,
    Trajectory,
    TrajectoryGoal,
)
from minami_desk.data.models import Session as Meeting
from minami_desk.errors import NotFoundError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.settings import get_setting
from minami_desk.services.trajectories.schedule import FINAL_CODE, Step, planned_end, schedule

MIN_SESSIONS_KEY = "trajectory.min_sessions"
DEFAULT_MIN_SESSIONS = 8
OWN_TEXT_MAX = 300


@dataclass(frozen=True)
class GoalChoice:
    """A goal picked at the start: a code of the centre's six, or "own" with the words."""

    code: str
    own_text: str = ""


def load_trajectory(session: Session, trajectory_id: int) -> Trajectory:
    trajectory = session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise NotFoundError(_("This trajectory no longer exists."))
    return trajectory


def active_trajectory_id(session: Session, resident_id: int) -> int | None:
    return session.scalar(
        select(Trajectory.id).where(
            Trajectory.resident_id == resident_id, Trajectory.status == "active"
        )
    )


def _check_goals(goals: Sequence[GoalChoice]) -> list[GoalChoice]:
    if not goals:
        raise ValidationError("goals", _("Choose at least one goal."))
    cleaned: dict[str, GoalChoice] = {}
    for goal in goals:
        if goal.code not in GOAL_CODES:
            raise ValidationError("goals", _("Unknown goal."))
        own_text = goal.own_text.strip() if goal.code == "own" else ""
        if goal.code == "own" and not own_text:
            raise ValidationError("own_goal", _("Write down the participant's own goal."))
        if len(own_text) > OWN_TEXT_MAX:
            raise ValidationError(
                "own_goal",
                _("The own goal is too long (at most {count} characters).").format(
                    count=OWN_TEXT_MAX
                ),
            )
        cleaned[goal.code] = GoalChoice(goal.code, own_text)
    return [cleaned[code] for code in GOAL_CODES if code in cleaned]


def template_steps(session: Session) -> list[Step]:
    rows = session.scalars(
        select(MilestoneTemplate)
        .where(MilestoneTemplate.active.is_(True))
        .order_by(MilestoneTemplate.sort_order, MilestoneTemplate.id)
    )
    return [
        Step(row.code, row.title, row.offset_kind, row.offset_value, row.sort_order) for row in rows
    ]


def start_trajectory(
    db: Database,
    actor: Actor,
    resident_id: int,
    start_date: date,
    goals: Sequence[GoalChoice],
    coach_id: int | None = None,
) -> int:
    """Open a trajectory with its goals and the milestones of the current template."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    chosen = _check_goals(goals)
    if start_date > clock.today() + timedelta(days=366):
        raise ValidationError("start_date", _("The start date is too far in the future."))
    coach_id = coach_id if coach_id is not None else actor.staff_id
    with db.session() as session:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.anonymised_at is not None:
            raise NotFoundError(_("This resident no longer exists."))
        if coach_id is not None:
            coach = session.get(Staff, coach_id)
            if coach is None or not coach.active:
                raise ValidationError("coach", _("Choose a coach who still works here."))
        if active_trajectory_id(session, resident_id) is not None:
            raise ValidationError(
                "resident",
                _("This resident already has an active trajectory. Close that one first."),
            )
        trajectory = Trajectory(
            resident_id=resident_id,
            coach_id=coach_id,
            start_date=start_date,
            planned_end_date=planned_end(start_date),
            status="active",
        )
        trajectory.goals = [TrajectoryGoal(code=g.code, own_text=g.own_text) for g in chosen]
        trajectory.milestones = [
            Milestone(
                code=step.code,
                title=step.title,
                sort_order=step.sort_order,
                due_on=due,
                original_due_on=due,
            )
            for step, due in schedule(start_date, template_steps(session))
        ]
        session.add(trajectory)
        try:
            session.flush()
        except IntegrityError:
            raise ValidationError(
                "resident",
                _("This resident already has an active trajectory. Close that one first."),
            ) from None
        record(session, actor, "created", "trajectory", trajectory.id, f"goals={len(chosen)}")
        return trajectory.id


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the first day's midnight to the midnight after the last day, in Amsterdam."""
    start = datetime.combine(first, time(0), tzinfo=clock.AMSTERDAM)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=clock.AMSTERDAM)
    return start, end


def sessions_attended(session: Session, resident_id: int, first: date, last: date) -> int:
    """Sessions the resident was marked present at, begun within ``first``..``last``."""
    start, end = _day_bounds(first, last)
    return (
        session.scalar(
            select(func.count())
            .select_from(Attendance)
            .join(Meeting, Meeting.id == Attendance.session_id)
            .where(
                Attendance.resident_id == resident_id,
                Attendance.status == "present",
                Meeting.status != "cancelled",
                Meeting.starts_at >= start,
                Meeting.starts_at < end,
            )
        )
        or 0
    )


@dataclass(frozen=True)
class CompletionCheck:
    """What closing as completed needs, and how far the trajectory is."""

    final_done: bool
    attended: int
    required: int

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.final_done:
            found.append(_("The final evaluation has not been recorded as done yet."))
        if self.attended < self.required:
            found.append(
                _(
                    "The participant attended {attended} sessions during the trajectory; "
                    "at least {required} are needed."
                ).format(attended=self.attended, required=self.required)
            )
        return found

    @property
    def ok(self) -> bool:
        return not self.problems


def min_sessions(db: Database) -> int:
    value = get_setting(db, MIN_SESSIONS_KEY, DEFAULT_MIN_SESSIONS)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_MIN_SESSIONS


def _check(session: Session, trajectory: Trajectory, on: date, required: int) -> CompletionCheck:
    final_done = any(m.code == FINAL_CODE and m.done_on is not None for m in trajectory.milestones)
    attended = sessions_attended(session, trajectory.resident_id, trajectory.start_date, on)
    return CompletionCheck(final_done=final_done, attended=attended, required=required)


def completion_check(
    db: Database, actor: Actor, trajectory_id: int, on: date | None = None
) -> CompletionCheck:
    """Whether the trajectory may be completed on ``on`` (today by default), and why not."""
    actor.require(Permission.VIEW_TRAJECTORIES)
    required = min_sessions(db)
    with db.read_session() as session:
        trajectory = load_trajectory(session, trajectory_id)
        return _check(session, trajectory, on or clock.today(), required)


def _closing_date(trajectory: Trajectory, on: date | None) -> date:
    if trajectory.status != "active":
        raise ValidationError("status", _("This trajectory has already been closed."))
    on = on or clock.today()
    if on < trajectory.start_date:
        raise ValidationError("end_date", _("The end date cannot be before the start date."))
    if on > clock.today():
        raise ValidationError("end_date", _("The end date cannot be in the future."))
    return on


def complete_trajectory(
    db: Database, actor: Actor, trajectory_id: int, on: date | None = None
) -> None:
    """Close as completed; refused with every unmet condition named."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    required = min_sessions(db)
    with db.session() as session:
        trajectory = load_trajectory(session, trajectory_id)
        end = _closing_date(trajectory, on)
        check = _check(session, trajectory, end, required)
        if not check.ok:
            raise ValidationError("status", " ".join(check.problems))
        trajectory.status = "completed"
        trajectory.end_date = end
        record(session, actor, "changed", "trajectory", trajectory.id, "status=completed")


def stop_trajectory(
    db: Database,
    actor: Actor,
    trajectory_id: int,
    reason: str,
    note: str = "",
    on: date | None = None,
) -> None:
    """Close early; "other" needs a few words so the next coach knows what happened."""
    actor.require(Permission.MANAGE_TRAJECTORIES)
    if reason not in STOP_REASONS:
        raise ValidationError("reason", _("Choose why the trajectory stops."))
    note = note.strip()
    if reason == "other" and not note:
        raise ValidationError("note", _("Write down briefly why the trajectory stops."))
    with db.session() as session:
        trajectory = load_trajectory(session, trajectory_id)
        end = _closing_date(trajectory, on)
        trajectory.status = "stopped"
        trajectory.end_date = end
        trajectory.stop_reason = reason
        trajectory.stop_note = note
        record(session, actor, "changed", "trajectory", trajectory.id, f"status=stopped:{reason}")
