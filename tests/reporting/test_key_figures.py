"""Every Kerncijfer against plain SQL, for the period and both comparison periods, and the
edge cases: a cancelled session, someone present twice, a trajectory ending on the last day,
sessions around midnight, sessions still to come, and a period without any data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import Attendance, Resident, Session, SessionKind
from minami_desk.errors import PermissionDeniedError
from minami_desk.services.actor import Actor
from minami_desk.services.reporting import KEY_FIGURE_LABELS, build_monthly_report, parse_period
from tests.reporting.conftest import MADE_AT
from tests.reporting.data import at
from tests.reporting.independent import expected_figures

LABELS = (
    "Unieke deelnemers",
    "Nieuwe inschrijvingen",
    "Bijeenkomsten",
    "Aanwezigheden",
    "Gemiddelde opkomst per bijeenkomst",
    "Inloopcontacten",
    "Actieve trajecten",
    "Gestarte trajecten",
    "Afgeronde trajecten",
    "Gestopte trajecten",
    "Uitgereikte certificaten",
    "Verwijzingen",
    "Succesverhalen",
)


def test_the_labels_are_exactly_the_agreed_dutch_ones() -> None:
    assert KEY_FIGURE_LABELS == LABELS


@pytest.mark.parametrize("code", ["2026-11", "2026-Q4", "2026", "2026-03"])
def test_every_figure_matches_plain_sql(report_db: Database, admin: Actor, code: str) -> None:
    report = build_monthly_report(report_db, admin, parse_period(code))
    connection = report_db.raw_connection()
    try:
        for period, column in (
            (report.period, "value"),
            (report.previous, "previous"),
            (report.last_year, "last_year"),
        ):
            expected = expected_figures(connection, period.start, period.end, MADE_AT)
            found = {figure.label: getattr(figure, column) for figure in report.figures}
            assert found == expected, (code, period.code)
    finally:
        connection.close()
    assert report.figure("sessions").value > 0  # the data really covers these periods


def test_a_cancelled_session_counts_for_nothing(report_db: Database, admin: Actor) -> None:
    with report_db.read_session() as s:
        cancelled = s.scalars(select(Session).where(Session.status == "cancelled")).one()
        marked = s.scalars(
            select(Attendance).where(
                Attendance.session_id == cancelled.id, Attendance.status == "present"
            )
        ).all()
    assert marked, "the fixture marks people present at the cancelled session"
    report = build_monthly_report(report_db, admin, parse_period("2026-11"))
    connection = report_db.raw_connection()
    with_cancelled = connection.execute(
        "SELECT COUNT(*) FROM attendance a JOIN session s ON s.id = a.session_id "
        "WHERE a.status = 'present' AND s.starts_at >= '2026-10-31 23:00' "
        "AND s.starts_at < '2026-11-30 23:00'"
    ).fetchone()[0]
    connection.close()
    assert report.figure("attendances").value == with_cancelled - len(marked)


def test_someone_present_twice_is_one_unique_participant(db: Database, admin: Actor) -> None:
    with db.session() as s:
        kind = s.scalars(select(SessionKind)).first()
        person = Resident(
            number=1, first_name="Adjoa", last_name="Koranteng", registered_on=date(2026, 10, 1)
        )
        s.add(person)
        sessions = [
            Session(
                kind_id=kind.id,
                title="Praatsessie",
                starts_at=at(date(2026, 11, day), 19),
                ends_at=at(date(2026, 11, day), 21),
            )
            for day in (4, 11)
        ]
        s.add_all(sessions)
        s.flush()
        for session in sessions:
            s.add(
                Attendance(
                    session_id=session.id,
                    resident_id=person.id,
                    status="present",
                    registered_at=session.starts_at,
                )
            )
    report = build_monthly_report(db, admin, parse_period("2026-11"))
    assert report.figure("attendances").value == 2
    assert report.figure("unique_participants").value == 1
    assert report.figure("average_attendance").value == 1.0
    by_age = report.breakdown("participants_by_age")
    assert sum(row.values[0] for row in by_age.rows) == 1


def test_a_trajectory_completed_on_the_last_day_counts_in_that_month(
    report_db: Database, admin: Actor
) -> None:
    november = build_monthly_report(report_db, admin, parse_period("2026-11"))
    december = build_monthly_report(report_db, admin, parse_period("2026-12"))
    connection = report_db.raw_connection()
    on_last_day = connection.execute(
        "SELECT COUNT(*) FROM trajectory WHERE status = 'completed' AND end_date = '2026-11-30'"
    ).fetchone()[0]
    earlier = connection.execute(
        "SELECT COUNT(*) FROM trajectory WHERE status = 'completed' "
        "AND end_date BETWEEN '2026-11-01' AND '2026-11-29'"
    ).fetchone()[0]
    connection.close()
    assert on_last_day == 1
    assert november.figure("completed_trajectories").value == earlier + 1
    assert november.figure("certificates").value >= 1  # its ceremony was that day too
    assert december.figure("completed_trajectories").previous == earlier + 1
    assert november.outcomes  # its self-assessments count in November's outcome


def test_sessions_around_midnight_belong_to_their_amsterdam_day(db: Database, admin: Actor) -> None:
    with db.session() as s:
        kind = s.scalars(select(SessionKind)).first()
        for title, starts in (
            ("Avondwandeling", at(date(2026, 11, 30), 23, 30)),  # 22:30 UTC on the 30th
            ("Nachtwacht", at(date(2026, 12, 1), 0, 30)),  # 23:30 UTC, still the 30th
        ):
            s.add(
                Session(
                    kind_id=kind.id,
                    title=title,
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=20),
                )
            )
    november = build_monthly_report(db, admin, parse_period("2026-11"))
    december = build_monthly_report(db, admin, parse_period("2026-12"))
    assert november.figure("sessions").value == 1
    assert december.figure("sessions").value == 1
    assert [week.sessions for week in november.weeks if week.sessions] == [1]


def test_sessions_still_to_come_are_not_held_yet(report_db: Database, admin: Actor) -> None:
    mid_month = at(date(2026, 11, 15), 12)
    report = build_monthly_report(report_db, admin, parse_period("2026-11"), now=mid_month)
    connection = report_db.raw_connection()
    expected = expected_figures(connection, date(2026, 11, 1), date(2026, 11, 30), mid_month)
    whole = expected_figures(
        connection, date(2026, 11, 1), date(2026, 11, 30), mid_month + timedelta(days=30)
    )
    connection.close()
    assert report.figure("sessions").value == expected["Bijeenkomsten"]
    assert expected["Bijeenkomsten"] < whole["Bijeenkomsten"]


def test_a_period_without_data_gives_zeros(report_db: Database, admin: Actor) -> None:
    report = build_monthly_report(report_db, admin, parse_period("2019-03"))
    assert all(figure.value == 0 for figure in report.figures)
    assert all(figure.previous == 0 and figure.last_year == 0 for figure in report.figures)
    assert report.outcomes == () and report.stories == ()
    assert all(week.attendances == 0 for week in report.weeks)
    assert len(report.weeks) in (4, 5, 6)


def test_only_roles_that_may_see_reports_get_one(db: Database, volunteer: Actor) -> None:
    with pytest.raises(PermissionDeniedError):
        build_monthly_report(db, volunteer, parse_period("2026-11"))
