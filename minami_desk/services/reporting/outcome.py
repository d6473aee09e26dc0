"""The centre's evidence of empowerment and the rhythm of the period.

``goal_outcomes``: for the trajectories completed in the period, the average self-assessment
per goal at intake and at the end — only goals with both scores, so before and after compare
the same people. ``weekly_attendance``: attendances per ISO week, from one row per held
session (a month has dozens of sessions, never the attendance rows themselves).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from minami_desk.clock import AMSTERDAM
from minami_desk.data.models import SelfAssessment, Trajectory, TrajectoryGoal
from minami_desk.documents.monthly_report import GoalOutcome, WeekAttendance
from minami_desk.documents.periods import Period
from minami_desk.services.reporting import texts
from minami_desk.services.reporting.figures import HeldSession


def goal_outcomes(session: OrmSession, period: Period) -> tuple[GoalOutcome, ...]:
    intake = aliased(SelfAssessment)
    final = aliased(SelfAssessment)
    rows = session.execute(
        select(
            TrajectoryGoal.code,
            func.count(TrajectoryGoal.id),
            func.avg(intake.score),
            func.avg(final.score),
        )
        .join(Trajectory, Trajectory.id == TrajectoryGoal.trajectory_id)
        .join(intake, and_(intake.goal_id == TrajectoryGoal.id, intake.moment == "intake"))
        .join(final, and_(final.goal_id == TrajectoryGoal.id, final.moment == "final"))
        .where(
            Trajectory.status == "completed",
            Trajectory.end_date.between(period.start, period.end),
        )
        .group_by(TrajectoryGoal.code)
    ).all()
    found = {code: (int(count), float(before), float(after)) for code, count, before, after in rows}
    return tuple(
        GoalOutcome(code, label, *found[code]) for code, label in texts.GOALS if code in found
    )


def weekly_attendance(period: Period, held: list[HeldSession]) -> tuple[WeekAttendance, ...]:
    """Every week that overlaps the period, also the quiet ones (a chart needs the gaps)."""
    first_monday = _monday(period.start)
    weeks: dict[date, list[int]] = {}
    monday = first_monday
    while monday <= period.end:
        weeks[monday] = [0, 0]
        monday += timedelta(days=7)
    for item in held:
        bucket = weeks.setdefault(_monday(item.starts_at.astimezone(AMSTERDAM).date()), [0, 0])
        bucket[0] += item.present
        bucket[1] += 1
    return tuple(
        WeekAttendance(monday, monday.isocalendar().week, attendances, sessions)
        for monday, (attendances, sessions) in sorted(weeks.items())
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
