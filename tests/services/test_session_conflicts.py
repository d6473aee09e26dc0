"""Planning warns about the same room or coach at overlapping hours, and shows a series' dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.sessions.conflicts import planning_conflicts, series_preview
from minami_desk.services.sessions.planning import (
    SeriesPlan,
    cancel_session,
    parse_skip_dates,
    plan_series,
    plan_session,
)
from tests.sessions_support import add_staff, details

MONDAY = date(2026, 12, 7)


def test_same_room_or_coach_at_overlapping_hours_is_reported(db: Database, admin: Actor) -> None:
    # GIVEN a talk session on Monday 19:00-21:00 in "Zaal 2" with Marcia
    marcia = add_staff(db, "Marcia Lont")
    ruben = add_staff(db, "Ruben Pinas")
    planned = plan_session(db, admin, MONDAY, details(db, facilitator_id=marcia))
    # WHEN another session is planned at 20:00-22:00 in "zaal  2 " with Ruben
    found = planning_conflicts(
        db, admin, [MONDAY], time(20), time(22), location="zaal  2 ", facilitator_id=ruben
    )
    # THEN the first one is named as using the same room, not the same coach
    assert [(c.session_id, c.same_room, c.same_coach) for c in found] == [(planned, True, False)]
    assert found[0].coach_name == "Marcia Lont"
    assert found[0].starts_at.hour == 19  # shown on Amsterdam's clock
    # and in another room with Marcia it is the coach that clashes
    found = planning_conflicts(
        db, admin, [MONDAY], time(20), time(22), location="Keuken", facilitator_id=marcia
    )
    assert [(c.same_room, c.same_coach) for c in found] == [(False, True)]


def test_touching_cancelled_edited_and_other_days_do_not_count(db: Database, admin: Actor) -> None:
    marcia = add_staff(db)
    first = plan_session(db, admin, MONDAY, details(db, facilitator_id=marcia))
    later = plan_session(
        db, admin, MONDAY, details(db, start=time(21), end=time(22), facilitator_id=marcia)
    )
    cancelled = plan_session(db, admin, MONDAY, details(db, start=time(14), end=time(16)))
    cancel_session(db, admin, cancelled)

    def clashes(start: time, end: time, **extra: object) -> list[int]:
        return [
            c.session_id
            for c in planning_conflicts(
                db,
                admin,
                [MONDAY],
                start,
                end,
                location="Zaal 2",
                **extra,  # type: ignore[arg-type]
            )
        ]

    assert clashes(time(17), time(19)) == []  # ends as the first begins
    assert clashes(time(15), time(16)) == []  # the cancelled one's room is free
    assert clashes(time(20, 30), time(21, 30)) == [first, later]
    assert clashes(time(20, 30), time(21, 30), ignore_session_ids=[first]) == [later]
    assert (
        planning_conflicts(db, admin, [date(2026, 12, 8)], time(19), time(21), location="Zaal 2")
        == []
    )
    assert planning_conflicts(db, admin, [MONDAY], time(19), time(21)) == []  # no room, no coach


def test_a_series_is_checked_on_every_date_it_will_hold(db: Database, admin: Actor) -> None:
    # GIVEN a one-off evening on 21 December in Zaal 2
    christmas_week = plan_session(db, admin, date(2026, 12, 21), details(db))
    base = SeriesPlan(
        details=details(db),
        recurrence="weekly",
        weekday=0,
        starts_on=MONDAY,
        ends_on=date(2027, 1, 11),
    )
    # WHEN a weekly Monday series in the same room is previewed
    preview = series_preview(base)
    # THEN its dates include 21 December, and that evening is reported
    assert date(2026, 12, 21) in preview.dates and preview.skipped == []
    found = planning_conflicts(db, admin, preview.dates, time(19), time(21), location="Zaal 2")
    assert [c.session_id for c in found] == [christmas_week]
    # and with the Christmas weeks skipped the preview lists them apart and the clash is gone
    skipping = replace(base, skip_dates=parse_skip_dates("21-12-2026 t/m 1-1-2027"))
    preview = series_preview(skipping)
    assert preview.skipped == [date(2026, 12, 21), date(2026, 12, 28)]
    assert preview.dates == [MONDAY, date(2026, 12, 14), date(2027, 1, 4), date(2027, 1, 11)]
    assert planning_conflicts(db, admin, preview.dates, time(19), time(21), location="Zaal 2") == []
    # and the preview is what plan_series saves
    _series, sessions = plan_series(db, admin, skipping)
    assert len(sessions) == len(preview.dates)
