"""The resident's timeline shows the trajectory: started, milestones, closed, certificate."""

from __future__ import annotations

from datetime import date, datetime

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.timeline import resident_timeline
from minami_desk.services.trajectories.certificates import (
    CertificateBatch,
    issue_certificates,
    mark_ceremony_held,
)
from minami_desk.services.trajectories.queries import get_trajectory
from tests.services.trajectories.completed import completed_trajectory


def test_timeline_of_a_completed_trajectory(
    db: Database, staff_actor: Actor, volunteer: Actor
) -> None:
    clock.fix(datetime(2026, 12, 14, 10, 0, tzinfo=clock.AMSTERDAM))
    trajectory_id = completed_trajectory(db, staff_actor, "Kwabena", "Ɔwusu")

    def nothing(batch: CertificateBatch) -> None:
        return None

    issue_certificates(db, staff_actor, [trajectory_id], nothing, date(2026, 12, 12))
    issue_certificates(db, staff_actor, [trajectory_id], nothing)  # a reprint
    mark_ceremony_held(db, staff_actor, [trajectory_id], date(2026, 12, 12))
    resident_id = get_trajectory(db, staff_actor, trajectory_id).summary.resident_id

    events = resident_timeline(db, staff_actor, resident_id)
    mine = [(e.when, e.title, e.detail) for e in events if e.target == "trajectory"]
    certificate = (
        date(2026, 12, 12),
        "Certificaat uitgereikt",
        "Nummer 2026-001 · 2 keer afgedrukt",
    )
    assert certificate in mine[:2]  # newest first, beside the ceremony's milestone
    assert (date(2026, 12, 12), "Mijlpaal gedaan: Certificaatuitreiking", "") in mine
    assert (date(2026, 12, 3), "Traject afgerond", "") in mine
    assert (date(2026, 12, 3), "Mijlpaal gedaan: Eindevaluatie", "") in mine
    assert mine[-1] == (date(2026, 6, 3), "Traject gestart", "")
    assert all(e.target_id == trajectory_id for e in events if e.target == "trajectory")

    seen_by_volunteer = [e.title for e in resident_timeline(db, volunteer, resident_id)]
    assert "Traject gestart" in seen_by_volunteer
    assert not any(title.startswith("Mijlpaal") for title in seen_by_volunteer)
