"""Planning series and single sessions: dates, skipped weeks, wall-clock times, edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select

from minami_desk.clock import local
from minami_desk.data.db import Database
from minami_desk.data.models import AuditLog, Session
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.sessions.kinds import list_kinds, save_kind
from minami_desk.services.sessions.planning import (
    SeriesPlan,
    cancel_session,
    occurrence_dates,
    parse_skip_dates,
    plan_series,
    plan_session,
    restore_session,
    update_rest_of_series,
    update_session,
)
from minami_desk.services.sessions.queries import session_summary
from tests.sessions_support import details


@dataclass(frozen=True)
class Occurrence:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    edited_separately: bool


def _occurrences(db: Database, series_id: int) -> list[Occurrence]:
    with db.read_session() as session:
        rows = session.scalars(
            select(Session).where(Session.series_id == series_id).order_by(Session.starts_at)
        )
        return [
            Occurrence(row.id, row.title, row.starts_at, row.ends_at, row.edited_separately)
            for row in rows
        ]


def test_weekly_series_on_tuesdays_with_skipped_dates(db: Database, staff_actor: Actor) -> None:
    plan = SeriesPlan(
        details=details(db),
        recurrence="weekly",
        weekday=1,  # Tuesday
        starts_on=date(2026, 11, 27),  # a Friday: the first Tuesday is 1 December
        ends_on=date(2027, 1, 12),
        skip_dates={date(2026, 12, 22), date(2026, 12, 29)},
    )
    series_id, ids = plan_series(db, staff_actor, plan)
    days = [local(row.starts_at).date() for row in _occurrences(db, series_id)]
    assert days == [
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 12, 15),
        date(2027, 1, 5),
        date(2027, 1, 12),
    ]
    assert len(ids) == 5


def test_fortnightly_keeps_its_rhythm_across_a_skipped_date() -> None:
    days = occurrence_dates(
        "fortnightly", 2, date(2026, 9, 2), date(2026, 11, 30), {date(2026, 10, 14)}
    )
    assert days == [
        date(2026, 9, 2),
        date(2026, 9, 16),
        date(2026, 9, 30),
        date(2026, 10, 28),
        date(2026, 11, 11),
        date(2026, 11, 25),
    ]


def test_series_across_the_last_sunday_of_october_stays_at_19_00(
    db: Database, staff_actor: Actor
) -> None:
    plan = SeriesPlan(
        details=details(db),
        recurrence="weekly",
        weekday=3,  # Thursday
        starts_on=date(2026, 10, 15),
        ends_on=date(2026, 11, 5),
    )
    series_id, _ids = plan_series(db, staff_actor, plan)
    rows = _occurrences(db, series_id)
    assert [local(row.starts_at).strftime("%H:%M") for row in rows] == ["19:00"] * 4
    assert [local(row.ends_at).strftime("%H:%M") for row in rows] == ["21:00"] * 4
    # Stored as UTC: 17:00 in summer time (before 25 October 2026), 18:00 after it.
    utc_hours = [row.starts_at.astimezone(UTC).hour for row in rows]
    assert utc_hours == [17, 17, 18, 18]


def test_skip_dates_are_read_as_typed_including_a_holiday_period() -> None:
    days = parse_skip_dates("22-12-2026 t/m 3-1-2027\n2027-02-16, 17-02-2027")
    assert date(2026, 12, 22) in days and date(2027, 1, 3) in days
    assert date(2027, 2, 16) in days and date(2027, 2, 17) in days
    assert len(days) == 13 + 2
    with pytest.raises(ValidationError) as caught:
        parse_skip_dates("kerstvakantie")
    assert caught.value.field == "skip_dates"
    with pytest.raises(ValidationError):
        parse_skip_dates("31-02-2027")


def test_bad_plans_are_refused_with_a_dutch_message_and_nothing_saved(
    db: Database, staff_actor: Actor
) -> None:
    bad = details(db, title="  ", start=time(21, 0), end=time(19, 0))
    with pytest.raises(ValidationError) as caught:
        plan_session(db, staff_actor, date(2026, 12, 1), bad)
    assert set(caught.value.errors) == {"title", "end_time"}
    assert "eindtijd" in caught.value.errors["end_time"].lower()
    empty = SeriesPlan(details(db), "weekly", 0, date(2026, 12, 1), date(2026, 12, 6))
    with pytest.raises(ValidationError) as caught:
        plan_series(db, staff_actor, empty)  # no Monday between Tuesday and Sunday
    assert caught.value.field == "ends_on"
    with db.read_session() as session:
        assert session.scalars(select(Session)).first() is None


def test_edit_one_occurrence_then_the_rest_of_the_series(db: Database, staff_actor: Actor) -> None:
    plan = SeriesPlan(details(db), "weekly", 1, date(2026, 12, 1), date(2026, 12, 29))
    series_id, ids = plan_series(db, staff_actor, plan)
    moved = details(db, title="Kerstspecial", start=time(18, 0), end=time(20, 30))
    update_session(db, staff_actor, ids[3], date(2026, 12, 23), moved)
    later = details(db, title="Praatavond", start=time(19, 30), end=time(21, 30))
    assert update_rest_of_series(db, staff_actor, ids[1], later) == 3
    by_id = {row.id: row for row in _occurrences(db, series_id)}
    assert by_id[ids[3]].edited_separately
    assert local(by_id[ids[3]].starts_at).date() == date(2026, 12, 23)  # moved a day
    assert [by_id[i].title for i in ids] == [
        "Praatsessie volwassenen",
        "Praatavond",
        "Praatavond",
        "Kerstspecial",
        "Praatavond",
    ]
    assert [local(by_id[i].starts_at).strftime("%H:%M") for i in ids] == [
        "19:00",
        "19:30",
        "19:30",
        "18:00",
        "19:30",
    ]


def test_cancel_and_restore_an_occurrence(db: Database, staff_actor: Actor) -> None:
    session_id = plan_session(db, staff_actor, date(2026, 12, 1), details(db))
    cancel_session(db, staff_actor, session_id, "ziekte")
    summary = session_summary(db, staff_actor, session_id)
    assert summary.cancelled and summary.cancel_reason == "ziekte"
    restore_session(db, staff_actor, session_id)
    assert not session_summary(db, staff_actor, session_id).cancelled
    with db.read_session() as session:
        details_logged = [row.detail for row in session.scalars(select(AuditLog))]
    assert "status=cancelled" in details_logged and "ziekte" not in " ".join(details_logged)


def test_only_roles_that_manage_sessions_may_plan(db: Database) -> None:
    nobody = Actor(staff_id=None, role="gast")
    with pytest.raises(PermissionDeniedError):
        plan_session(db, nobody, date(2026, 12, 1), details(db))


def test_kinds_are_an_editable_list(db: Database, staff_actor: Actor, admin: Actor) -> None:
    kind_id = save_kind(db, admin, None, "  Moestuin  ", "everyone")
    assert [k.name for k in list_kinds(db)][-1] == "Moestuin"
    with pytest.raises(ValidationError) as caught:
        save_kind(db, admin, None, "praatsessie VOLWASSENEN", "adults")
    assert caught.value.field == "name"
    with pytest.raises(PermissionDeniedError):
        save_kind(db, staff_actor, kind_id, "Tuin", "everyone")
    save_kind(db, admin, kind_id, "Moestuin", "everyone", active=False)
    assert "Moestuin" not in [k.name for k in list_kinds(db)]
    assert "Moestuin" in [k.name for k in list_kinds(db, include_inactive=True)]
