"""Timeline rows for trajectories: started, milestones done, completed or stopped, certificate.

That someone is in a trajectory shows to every role; the milestones (what the coach recorded)
only to roles that may see trajectories.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk.data.models import Certificate, Milestone, Trajectory
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.timeline import TimelineEvent
from minami_desk.services.trajectories.labels import stop_reason_label


def _row(trajectory_id: int, when: date, title: str, detail: str = "") -> TimelineEvent:
    return TimelineEvent(
        when=when,
        kind="trajectory",
        title=title,
        detail=detail,
        target="trajectory",
        target_id=trajectory_id,
    )


def events(session: Session, actor: Actor, resident_id: int) -> list[TimelineEvent]:
    detailed = actor.can(Permission.VIEW_TRAJECTORIES)
    result: list[TimelineEvent] = []
    trajectories = list(
        session.scalars(select(Trajectory).where(Trajectory.resident_id == resident_id))
    )
    for trajectory in trajectories:
        result.append(_row(trajectory.id, trajectory.start_date, _("Trajectory started")))
        if trajectory.status == "completed" and trajectory.end_date:
            result.append(_row(trajectory.id, trajectory.end_date, _("Trajectory completed")))
        elif trajectory.status == "stopped" and trajectory.end_date:
            reason = stop_reason_label(trajectory.stop_reason) if trajectory.stop_reason else ""
            result.append(_row(trajectory.id, trajectory.end_date, _("Trajectory stopped"), reason))
    ids = [trajectory.id for trajectory in trajectories]
    if detailed and ids:
        for milestone in session.scalars(
            select(Milestone).where(
                Milestone.trajectory_id.in_(ids), Milestone.done_on.is_not(None)
            )
        ):
            if milestone.done_on is None:  # the query excludes these; this tells mypy
                continue
            title = _("Milestone done: {title}").format(title=milestone.title)
            result.append(_row(milestone.trajectory_id, milestone.done_on, title))
    if ids:
        for certificate in session.scalars(
            select(Certificate).where(Certificate.trajectory_id.in_(ids))
        ):
            detail = _("Number {number}").format(number=certificate.number)
            if certificate.print_count > 1:
                detail += " · " + _("printed {count} times").format(count=certificate.print_count)
            result.append(
                TimelineEvent(
                    when=certificate.issued_on,
                    kind="certificate",
                    title=_("Certificate issued"),
                    detail=detail,
                    target="trajectory",
                    target_id=certificate.trajectory_id,
                )
            )
    return result
