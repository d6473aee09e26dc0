"""Registration with capacity, the waiting list moving up, audience warnings, attendance counts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Attendance
from minami_desk.errors import ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.sessions.attendance import (
    attendance_list,
    mark_everyone_present,
    undo_everyone_present,
)
from minami_desk.services.sessions.planning import cancel_session, plan_session
from minami_desk.services.sessions.queries import session_summary
from minami_desk.services.sessions.registration import (
    check_audience,
    register_resident,
    set_status,
)
from minami_desk.services.settings import set_settings
from tests.sessions_support import add_resident, details

SESSION_DAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _before_the_session() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0))


def _statuses(db: Database, session_id: int) -> dict[int, str]:
    with db.read_session() as session:
        rows = session.scalars(select(Attendance).where(Attendance.session_id == session_id))
        return {row.resident_id: row.status for row in rows}


def test_full_session_puts_people_on_the_waiting_list_and_the_first_moves_up(
    db: Database, staff_actor: Actor
) -> None:
    session_id = plan_session(db, staff_actor, SESSION_DAY, details(db, capacity=2))
    ama, kofi, dewi, yaw = (
        add_resident(db, "Ama", "Mensah"),
        add_resident(db, "Kofi", "Asante"),
        add_resident(db, "Dewi", "Mahabier"),
        add_resident(db, "Yaw", "Soekhai"),
    )
    assert register_resident(db, staff_actor, session_id, ama).status == "registered"
    assert register_resident(db, staff_actor, session_id, kofi).status == "registered"
    third = register_resident(db, staff_actor, session_id, dewi)
    fourth = register_resident(db, staff_actor, session_id, yaw)
    assert (third.status, third.position) == ("waitlist", 1)
    assert (fourth.status, fourth.position) == ("waitlist", 2)

    moved = set_status(db, staff_actor, session_id, kofi, "cancelled").moved_up

    assert moved is not None and moved.resident_id == dewi and moved.name == "Dewi Mahabier"
    assert _statuses(db, session_id) == {
        ama: "registered",
        kofi: "cancelled",
        dewi: "registered",
        yaw: "waitlist",
    }
    counts = session_summary(db, staff_actor, session_id).counts
    assert (counts.signed_up, counts.waitlist, counts.cancelled) == (2, 1, 1)


def test_nobody_moves_up_while_the_session_is_still_full_or_already_over(
    db: Database, staff_actor: Actor
) -> None:
    session_id = plan_session(db, staff_actor, SESSION_DAY, details(db, capacity=1))
    first, second = add_resident(db, "Naomi", "Bakker"), add_resident(db, "Ramon", "Janssen")
    register_resident(db, staff_actor, session_id, first)
    register_resident(db, staff_actor, session_id, second)
    assert set_status(db, staff_actor, session_id, first, "present").moved_up is None
    clock.fix(datetime(2026, 12, 2, 9, 0))  # the day after
    assert set_status(db, staff_actor, session_id, first, "cancelled").moved_up is None
    assert _statuses(db, session_id)[second] == "waitlist"


def test_registering_twice_is_refused_and_a_cancelled_session_takes_no_one(
    db: Database, staff_actor: Actor
) -> None:
    session_id = plan_session(db, staff_actor, SESSION_DAY, details(db))
    resident = add_resident(db, "Fatima", "Janssen")
    register_resident(db, staff_actor, session_id, resident)
    with pytest.raises(ValidationError):
        register_resident(db, staff_actor, session_id, resident)
    set_status(db, staff_actor, session_id, resident, "cancelled")
    assert register_resident(db, staff_actor, session_id, resident).status == "registered"
    cancel_session(db, staff_actor, session_id)
    other = add_resident(db, "Marcia", "Brouwer")
    with pytest.raises(ValidationError):
        register_resident(db, staff_actor, session_id, other)
    assert _statuses(db, session_id) == {resident: "registered"}  # kept, and nothing added


def test_audience_warnings_for_teen_and_adult_sessions(db: Database, staff_actor: Actor) -> None:
    teens = plan_session(
        db, staff_actor, SESSION_DAY, details(db, code="talk_teens", title="Tienertalk")
    )
    adults = plan_session(db, staff_actor, SESSION_DAY, details(db))
    fifteen = add_resident(db, "Shanice", "Dogan", birth_date=date(2011, 6, 7))
    twelve_tomorrow = add_resident(db, "Yaw", "Asante", birth_date=date(2014, 12, 2))
    forty = add_resident(db, "Chantal", "Dogan", birth_date=date(1986, 5, 22))
    group_only = add_resident(db, "Rajesh", "Frankel", age_group="65+")
    unknown = add_resident(db, "Zoë", "Yilmaz")

    assert check_audience(db, staff_actor, teens, fifteen) is None
    assert check_audience(db, staff_actor, teens, unknown) is None
    warning = check_audience(db, staff_actor, teens, twelve_tomorrow)
    assert warning is not None and "12" in warning and "11" in warning
    assert check_audience(db, staff_actor, teens, forty) is not None
    group_warning = check_audience(db, staff_actor, teens, group_only)
    assert group_warning is not None and "65+" in group_warning
    assert check_audience(db, staff_actor, adults, fifteen) is not None
    assert check_audience(db, staff_actor, adults, forty) is None
    # A warning, not a refusal: staff decide; and the range is a setting of the centre.
    result = register_resident(db, staff_actor, teens, forty)
    assert result.status == "registered" and result.warning is not None
    set_settings(db, Actor(staff_id=None, role="beheerder"), {"teen_age_min": 11})
    assert check_audience(db, staff_actor, teens, twelve_tomorrow) is None


def test_attendance_is_saved_and_counted_including_walk_ins(
    db: Database, volunteer: Actor, staff_actor: Actor
) -> None:
    session_id = plan_session(db, staff_actor, SESSION_DAY, details(db, capacity=3))
    people = [
        add_resident(db, "Ama", "Mensah"),
        add_resident(db, "Kofi", "Asante"),
        add_resident(db, "Dewi", "Mahabier"),
    ]
    for resident in people:
        register_resident(db, staff_actor, session_id, resident)
    clock.fix(datetime(2026, 12, 1, 19, 5))
    set_status(db, volunteer, session_id, people[0], "present")
    set_status(db, volunteer, session_id, people[1], "absent")
    set_status(db, volunteer, session_id, people[2], "cancelled")
    walk_in = add_resident(db, "Priscilla", "Lont")
    assert register_resident(db, volunteer, session_id, walk_in, walk_in=True).status == "present"

    listing = attendance_list(db, volunteer, session_id)
    assert [row.name for row in listing.rows] == [
        "Kofi Asante",
        "Priscilla Lont",
        "Ama Mensah",
        "Dewi Mahabier",  # afgemeld: after the expected people
    ]
    counts = listing.counts
    assert (counts.present, counts.absent, counts.cancelled, counts.walk_ins) == (2, 1, 1, 1)
    assert counts == session_summary(db, volunteer, session_id).counts
    assert [row.walk_in for row in listing.rows] == [False, True, False, False]


def test_sessions_attended_appear_on_the_residents_timeline(
    db: Database, staff_actor: Actor, volunteer: Actor
) -> None:
    from minami_desk.services.timeline import resident_timeline

    came = plan_session(db, staff_actor, SESSION_DAY, details(db, title="Praatavond"))
    missed = plan_session(db, staff_actor, date(2026, 12, 8), details(db, title="Gemist"))
    resident = add_resident(db, "Yaw", "Soekhai")
    register_resident(db, staff_actor, came, resident)
    register_resident(db, staff_actor, missed, resident)
    set_status(db, volunteer, came, resident, "present")
    set_status(db, volunteer, missed, resident, "absent")
    events = [e for e in resident_timeline(db, staff_actor, resident) if e.kind == "attendance"]
    assert [(e.title, e.target, e.target_id) for e in events] == [
        ("Bijeenkomst bijgewoond: Praatavond", "session", came)
    ]
    assert events[0].detail == "Praatsessie volwassenen"


def test_everyone_present_in_one_step_and_undone(
    db: Database, volunteer: Actor, staff_actor: Actor
) -> None:
    # GIVEN four signed up for a full session: one already absent, one on the waiting list
    session_id = plan_session(db, staff_actor, SESSION_DAY, details(db, capacity=3))
    ama, kofi, dewi, esi = (
        add_resident(db, first, last)
        for first, last in (
            ("Ama", "Mensah"),
            ("Kofi", "Asante"),
            ("Dewi", "Mahabier"),
            ("Esi", "Lont"),
        )
    )
    for resident in (ama, kofi, dewi, esi):
        register_resident(db, staff_actor, session_id, resident)
    clock.fix(datetime(2026, 12, 1, 19, 5))
    set_status(db, volunteer, session_id, dewi, "absent")
    # WHEN the volunteer presses "Iedereen aanwezig"
    changed = mark_everyone_present(db, volunteer, session_id)
    # THEN the registered two are present; absent and waiting-list people stay as they were
    assert sorted(changed) == sorted([ama, kofi])
    assert _statuses(db, session_id) == {
        ama: "present",
        kofi: "present",
        dewi: "absent",
        esi: "waitlist",
    }
    # WHEN Kofi is then marked absent by hand and the step is undone
    set_status(db, volunteer, session_id, kofi, "absent")
    assert undo_everyone_present(db, volunteer, session_id, changed) == 1
    # THEN only Ama goes back to registered: the later change by hand stands
    assert _statuses(db, session_id)[ama] == "registered"
    assert _statuses(db, session_id)[kofi] == "absent"
