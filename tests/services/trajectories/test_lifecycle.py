"""Starting and closing trajectories: one active per resident, completion rules, stop reasons."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog, Milestone, Trajectory
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.settings import set_settings
from minami_desk.services.trajectories.labels import stop_reason_label
from minami_desk.services.trajectories.lifecycle import (
    GoalChoice,
    complete_trajectory,
    completion_check,
    start_trajectory,
    stop_trajectory,
)
from minami_desk.services.trajectories.milestones import mark_done, move_due_date
from minami_desk.services.trajectories.queries import get_trajectory, list_trajectories
from tests.services.trajectories.helpers import add_coach, add_resident, attend, weekly

GOALS = [GoalChoice("clarity"), GoalChoice("inner_calm"), GoalChoice("own", "  Fietsen leren  ")]


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 12, 10, 10, 0, tzinfo=clock.AMSTERDAM))


def _start(db: Database, actor: Actor, resident_id: int, start: date = date(2026, 6, 3)) -> int:
    return start_trajectory(db, actor, resident_id, start, GOALS, coach_id=add_coach(db))


def _milestone(db: Database, trajectory_id: int, code: str) -> int:
    with db.read_session() as session:
        return session.scalar(
            select(Milestone.id).where(
                Milestone.trajectory_id == trajectory_id, Milestone.code == code
            )
        )


def test_start_copies_the_template_with_due_dates(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident, date(2026, 8, 31))
    detail = get_trajectory(db, staff_actor, trajectory_id)
    assert detail.summary.planned_end_date == date(2027, 2, 28)
    assert [(m.code, m.due_on) for m in detail.milestones] == [
        ("intake", date(2026, 8, 31)),
        ("goals_set", date(2026, 9, 14)),
        ("midway", date(2026, 11, 30)),
        ("final", date(2027, 2, 28)),
        ("ceremony", date(2027, 3, 14)),
    ]
    assert [g.label for g in detail.goals] == [
        "Helder krijgen waar je tegenaan loopt",
        "Innerlijke rust",
        "Fietsen leren",
    ]


def test_one_active_trajectory_per_resident(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    _start(db, staff_actor, resident)
    with pytest.raises(ValidationError) as caught:
        start_trajectory(db, staff_actor, resident, date(2026, 9, 1), GOALS)
    assert caught.value.field == "resident"
    assert "al een actief traject" in str(caught.value)
    with db.read_session() as session:
        assert len(session.scalars(select(Trajectory)).all()) == 1


def test_after_stopping_a_new_trajectory_may_start(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    first = _start(db, staff_actor, resident)
    stop_trajectory(db, staff_actor, first, "moved", on=date(2026, 7, 1))
    second = start_trajectory(db, staff_actor, resident, date(2026, 9, 1), GOALS)
    statuses = {t.id: t.status for t in list_trajectories(db, staff_actor, resident_id=resident)}
    assert statuses == {first: "stopped", second: "active"}


def test_the_database_itself_refuses_a_second_active(db: Database, staff_actor: Actor) -> None:
    """The partial unique index is the backstop when two desks start one at the same time."""
    from sqlalchemy.exc import IntegrityError

    resident = add_resident(db, "Ama", "Mensah")
    _start(db, staff_actor, resident)
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(
            Trajectory(
                resident_id=resident,
                start_date=date(2026, 9, 1),
                planned_end_date=date(2027, 3, 1),
                status="active",
            )
        )


def test_goals_are_required_and_an_own_goal_needs_words(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    with pytest.raises(ValidationError) as caught:
        start_trajectory(db, staff_actor, resident, date(2026, 6, 3), [])
    assert caught.value.field == "goals"
    with pytest.raises(ValidationError) as caught:
        start_trajectory(db, staff_actor, resident, date(2026, 6, 3), [GoalChoice("own", " ")])
    assert caught.value.field == "own_goal"
    with db.read_session() as session:
        assert session.scalars(select(Trajectory)).all() == []


def test_completion_needs_the_final_evaluation(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    attend(db, resident, weekly(date(2026, 6, 4), 10))
    with pytest.raises(ValidationError) as caught:
        complete_trajectory(db, staff_actor, trajectory_id, on=date(2026, 12, 3))
    assert "eindevaluatie" in str(caught.value).lower()
    mark_done(db, staff_actor, _milestone(db, trajectory_id, "final"), date(2026, 12, 3), "Goed")
    complete_trajectory(db, staff_actor, trajectory_id, on=date(2026, 12, 3))
    detail = get_trajectory(db, staff_actor, trajectory_id)
    assert (detail.summary.status, detail.summary.end_date) == ("completed", date(2026, 12, 3))


def test_completion_needs_the_minimum_attendance(
    db: Database, staff_actor: Actor, admin: Actor
) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    mark_done(db, staff_actor, _milestone(db, trajectory_id, "final"), date(2026, 12, 3))
    attend(db, resident, weekly(date(2026, 6, 4), 7))
    attend(db, resident, [date(2026, 5, 20)])  # before the trajectory: does not count
    attend(db, resident, weekly(date(2026, 9, 1), 3), status="absent")
    check = completion_check(db, staff_actor, trajectory_id, on=date(2026, 12, 3))
    assert (check.attended, check.required, check.ok) == (7, 8, False)
    with pytest.raises(ValidationError) as caught:
        complete_trajectory(db, staff_actor, trajectory_id, on=date(2026, 12, 3))
    assert "7" in str(caught.value) and "8" in str(caught.value)

    set_settings(db, admin, {"trajectory.min_sessions": 7})
    complete_trajectory(db, staff_actor, trajectory_id, on=date(2026, 12, 3))
    assert get_trajectory(db, staff_actor, trajectory_id).summary.status == "completed"


def test_sessions_on_the_last_day_count_in_amsterdam_time(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    attend(db, resident, [*weekly(date(2026, 6, 3), 7), date(2026, 12, 3)])  # 19:00 on day one
    check = completion_check(db, staff_actor, trajectory_id, on=date(2026, 12, 3))
    assert check.attended == 8


@pytest.mark.parametrize(
    ("reason", "dutch"),
    [
        ("moved", "verhuisd"),
        ("no_contact", "geen contact meer"),
        ("referred", "doorverwezen"),
        ("own_choice", "eigen keuze"),
        ("other", "anders"),
    ],
)
def test_stop_reasons(db: Database, staff_actor: Actor, reason: str, dutch: str) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    stop_trajectory(
        db, staff_actor, trajectory_id, reason, "Verhuisd naar Almere", date(2026, 8, 1)
    )
    detail = get_trajectory(db, staff_actor, trajectory_id)
    assert (detail.summary.status, detail.summary.stop_reason) == ("stopped", reason)
    assert stop_reason_label(reason) == dutch


def test_stopping_needs_a_known_reason_and_words_for_other(
    db: Database, staff_actor: Actor
) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    with pytest.raises(ValidationError):
        stop_trajectory(db, staff_actor, trajectory_id, "bored")
    with pytest.raises(ValidationError) as caught:
        stop_trajectory(db, staff_actor, trajectory_id, "other", "  ")
    assert caught.value.field == "note"
    assert get_trajectory(db, staff_actor, trajectory_id).summary.status == "active"


def test_a_closed_trajectory_cannot_close_again(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    stop_trajectory(db, staff_actor, trajectory_id, "own_choice")
    with pytest.raises(ValidationError):
        stop_trajectory(db, staff_actor, trajectory_id, "moved")
    with pytest.raises(ValidationError):
        complete_trajectory(db, staff_actor, trajectory_id)


def test_moving_a_milestone_keeps_the_original(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    midway = _milestone(db, trajectory_id, "midway")
    with pytest.raises(ValidationError):
        move_due_date(db, staff_actor, midway, date(2026, 9, 20), "  ")
    move_due_date(db, staff_actor, midway, date(2026, 9, 20), "Op vakantie in Ghana")
    view = next(
        m for m in get_trajectory(db, staff_actor, trajectory_id).milestones if m.id == midway
    )
    assert (view.due_on, view.original_due_on) == (date(2026, 9, 20), date(2026, 9, 3))
    assert view.moved_reason == "Op vakantie in Ghana"


def test_volunteers_see_no_notes_and_cannot_start(
    db: Database, staff_actor: Actor, volunteer: Actor
) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    mark_done(
        db,
        staff_actor,
        _milestone(db, trajectory_id, "intake"),
        date(2026, 6, 3),
        "Vertelde over haar zorgen",
        scores={},
    )
    with pytest.raises(PermissionDeniedError):
        start_trajectory(
            db, volunteer, add_resident(db, "Kofi", "Boateng"), date(2026, 6, 3), GOALS
        )
    detail = get_trajectory(db, volunteer, trajectory_id)
    assert detail.confidential_included is False
    assert all(m.note == "" for m in detail.milestones)
    assert detail.notes == []


def test_audit_holds_ids_and_codes_only(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    trajectory_id = _start(db, staff_actor, resident)
    stop_trajectory(db, staff_actor, trajectory_id, "other", "Ama wil even niet")
    with db.read_session() as session:
        details = [row.detail for row in session.scalars(select(AuditLog))]
    assert details and not any("Ama" in detail for detail in details)
