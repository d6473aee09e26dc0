"""The duplicate guard, and merging that moves every related row in one transaction."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from minami_desk.data.models import (
    Attendance,
    AuditLog,
    Consent,
    Contact,
    Organisation,
    Referral,
    Resident,
    Session,
    SessionKind,
    SuccessStory,
    Trajectory,
)
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.duplicates import find_duplicates, similar_names
from minami_desk.services.merge import merge_residents
from minami_desk.services.residents import find_residents
from tests.services.desk_helpers import register


def test_same_name_and_birth_date(db, staff_actor: Actor) -> None:
    kept = register(db, staff_actor, "Mehmet", "Wijnaldum", birth=date(1969, 2, 7))
    found = find_duplicates(db, staff_actor, "MEHMET", "", "Wijnaldum", date(1969, 2, 7))
    assert [(d.id, d.reason) for d in found] == [(kept, "name_birth_date")]


def test_same_phone_any_notation(db, staff_actor: Actor) -> None:
    kept = register(db, staff_actor, "Naomi", "Bakker", phone="06-19626927")
    found = find_duplicates(db, staff_actor, "Noa", "", "Visser", None, "06 1962 6927")
    assert [(d.id, d.reason) for d in found] == [(kept, "phone")]


def test_close_spelling(db, staff_actor: Actor) -> None:
    kept = register(db, staff_actor, "Fatima", "Jansen", birth=date(1952, 7, 1))
    found = find_duplicates(db, staff_actor, "Fatima", "van", "Janssen", date(1952, 7, 1))
    assert [(d.id, d.reason) for d in found] == [(kept, "similar_name")]
    other_birthday = find_duplicates(db, staff_actor, "Fatima", "", "Janssen", date(1990, 1, 1))
    assert other_birthday == []
    assert find_duplicates(db, staff_actor, "Fatima", "", "Mensah", date(1952, 7, 1)) == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("Mohamed", "El Amrani"), ("Mohammed", "El Amrani"), True),
        (("Kofi", "Asante"), ("Kofi", "Asanté"), True),
        (("Kofi", "Asante"), ("Kofi", "Mensah"), False),
        (("Yaw", "Lont"), ("Ama", "Lont"), False),
    ],
)
def test_similar_names(a: tuple[str, str], b: tuple[str, str], same: bool) -> None:
    assert similar_names(a[0], b[0], a[1], b[1]) is same


@pytest.fixture
def two(db, staff_actor: Actor) -> tuple[int, int, dict[str, int]]:
    keep = register(db, staff_actor, "Yaw", "Janssen", birth=date(2004, 2, 25))
    drop = register(db, staff_actor, "Yaw", "Jansen", phone="06-49593743", postcode="1102 LB")
    now = datetime(2026, 11, 2, 10, tzinfo=UTC)
    with db.session() as session:
        kind = session.scalars(select(SessionKind)).first()
        sessions = [
            Session(
                kind_id=kind.id,
                title=f"Praatsessie {n}",
                starts_at=now + timedelta(days=n),
                ends_at=now + timedelta(days=n, hours=2),
            )
            for n in range(3)
        ]
        session.add_all(sessions)
        session.flush()
        # Both were on session 0 (kept: registered, dropped: present) — the collision.
        session.add(Attendance(session_id=sessions[0].id, resident_id=keep, registered_at=now))
        session.add(
            Attendance(
                session_id=sessions[0].id, resident_id=drop, status="present", registered_at=now
            )
        )
        session.add(Attendance(session_id=sessions[1].id, resident_id=drop, registered_at=now))
        session.add(Contact(resident_id=drop, contact_at=now, help_request="huur"))
        session.add(Contact(resident_id=drop, contact_at=now, help_request="brief"))
        session.add(
            Trajectory(
                resident_id=drop, start_date=date(2026, 6, 1), planned_end_date=date(2026, 12, 1)
            )
        )
        organisation = Organisation(name="Buurtteam Zuidoost")
        session.add(organisation)
        session.flush()
        session.add(
            Referral(
                resident_id=drop, organisation_id=organisation.id, referred_on=date(2026, 10, 1)
            )
        )
        session.add(
            SuccessStory(
                title="Weer aan het werk", story="…", story_date=date(2026, 9, 1), resident_id=drop
            )
        )
    return keep, drop, {"session0": sessions[0].id}


def count(session, model, resident_id: int) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(
        select(func.count()).select_from(model).where(model.resident_id == resident_id)
    )


def test_merge_moves_every_related_row(db, staff_actor: Actor, two) -> None:  # type: ignore[no-untyped-def]
    keep, drop, refs = two
    result = merge_residents(db, staff_actor, keep, drop)
    assert result.attendance_collisions == 1
    with db.read_session() as session:
        for model in (Attendance, Contact, Trajectory, Referral, SuccessStory, Consent):
            assert count(session, model, drop) == 0, model.__name__
        assert count(session, Attendance, keep) == 2
        assert count(session, Contact, keep) == 2
        assert count(session, Trajectory, keep) == 1
        assert count(session, Referral, keep) == 1
        assert count(session, SuccessStory, keep) == 1
        assert count(session, Consent, keep) == 2  # both registration consents, as history
        collided = session.scalars(
            select(Attendance).where(Attendance.session_id == refs["session0"])
        ).one()
        assert collided.resident_id == keep and collided.status == "present"
        kept = session.get(Resident, keep)
        assert kept.phone_digits == "0649593743" and kept.postcode == "1102 LB"  # filled in
        gone = session.get(Resident, drop)
        assert gone.merged_into_id == keep and gone.archived_at is not None
        actions = session.scalars(select(AuditLog.detail).where(AuditLog.action == "merged"))
        assert set(actions) == {f"from:{drop}", f"into:{keep}"}
    assert [hit.id for hit in find_residents(db, staff_actor, "yaw")] == [keep]
    assert [hit.id for hit in find_residents(db, staff_actor, "0649")] == [keep]


def test_merge_is_all_or_nothing(db, staff_actor: Actor, two) -> None:  # type: ignore[no-untyped-def]
    keep, drop, _refs = two
    with db.session() as session:
        session.add(
            Trajectory(
                resident_id=keep, start_date=date(2026, 7, 1), planned_end_date=date(2027, 1, 1)
            )
        )
    with pytest.raises(ValidationError):
        merge_residents(db, staff_actor, keep, drop)
    with db.read_session() as session:
        assert count(session, Contact, drop) == 2 and count(session, Attendance, drop) == 2
        assert session.get(Resident, drop).merged_into_id is None


def test_merge_needs_permission(db, staff_actor: Actor, volunteer, two) -> None:  # type: ignore[no-untyped-def]
    keep, drop, _refs = two
    with pytest.raises(PermissionDeniedError):
        merge_residents(db, volunteer, keep, drop)
    with pytest.raises(ValidationError):
        merge_residents(db, staff_actor, keep, keep)
