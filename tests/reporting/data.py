"""A small, fully known database for the report tests (invented people; any likeness is chance).

Built with the ORM models directly, so the tests do not depend on the other sections'
services. Around November 2026 (the report month) it holds the edge cases the report must get
right: a cancelled session with "present" marks, residents present more than once, a session
late on 30 November and one just after midnight on 1 December (in UTC still 30 November), a
trajectory completed on 30 November, a merged duplicate registration, and stories with every
kind of sharing consent.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.clock import AMSTERDAM
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    Certificate,
    Contact,
    Organisation,
    Referral,
    Resident,
    SelfAssessment,
    Session,
    SessionKind,
    SuccessStory,
    Theme,
    Trajectory,
    TrajectoryGoal,
)

FIRST_NAMES = [
    "Akosua",
    "Ɔwusu",
    "Thị Mai",
    "Şükrü",
    "Marisol",
    "Ramón",
    "Ifeoma",
    "Dewi",
    "Kwame",
    "Lieke",
    "Yaw",
    "Soraya",
    "Gerrit",
    "Ama",
    "Jerome",
    "Naomi",
    "Mehmet",
    "Fatoumata",
    "Priya",
    "Wendell",
    "Esi",
    "Ruben",
    "Chidinma",
    "Lotte",
]
LAST_NAMES = [
    "Brandveld",
    "Øyelaran",
    "Nguyễn",
    "Öztürk",
    "Kromowidjojo",
    "Tjin-Asjoe",
    "Mensah-Bruin",
    "Zeegers",
    "Amankwaa",
    "Ravelijn",
    "Doornbosch",
    "Sewnarain",
    "Pinas-Vreeken",
    "Łukowska",
]
WIJKEN = ["Bijlmer-Centrum", "Bijlmer-Oost", "Holendrecht", "Gein", "Reigersbos", None]
GENDERS = ["female", "male", "other", "undisclosed", None]
STORY_PSEUDONYM = "Zonnebloem"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An Amsterdam wall-clock moment, aware."""
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def populate(db: Database, seed: int = 7) -> set[str]:
    """Fill ``db``; returns every first and last name, which no report may contain."""
    rng = random.Random(seed)
    with db.session() as s:
        kinds = s.scalars(select(SessionKind).order_by(SessionKind.sort_order)).all()
        themes = s.scalars(select(Theme).order_by(Theme.sort_order)).all()
        # The agencies a migration put in, plus one of our own (it must not exist yet).
        organisations = [
            *s.scalars(select(Organisation).order_by(Organisation.id).limit(2)),
            Organisation(name="Huiswerkklas De Kikker"),
        ]
        s.add_all(organisations)

        residents: list[Resident] = []
        for number in range(1, 61):
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(LAST_NAMES)
            birth = (
                None
                if number % 9 == 0
                else date(rng.randint(1940, 2013), rng.randint(1, 12), rng.randint(1, 28))
            )
            residents.append(
                Resident(
                    number=number,
                    first_name=first,
                    last_name=last,
                    birth_date=birth,
                    age_group=None if birth else rng.choice(["27-64", "65+", None]),
                    gender=rng.choice(GENDERS),
                    phone=f"+316{number:08d}",
                    phone_digits=f"06{number:08d}",
                    postcode=f"110{number % 8 + 1} AB",
                    wijk=rng.choice(WIJKEN),
                    registered_on=date(2025, 9, 1) + timedelta(days=rng.randint(0, 450)),
                )
            )
        # A duplicate registration merged into its original: not a new registration.
        duplicate = Resident(
            number=99,
            first_name="Gerrit",
            last_name="Dubbelsteyn",
            registered_on=date(2026, 11, 12),
            gender="male",
        )
        s.add_all(residents)
        s.flush()
        duplicate.merged_into_id = residents[0].id
        s.add(duplicate)

        # Weekly sessions of every kind from September 2025 to December 2026.
        sessions: list[Session] = []
        day = date(2025, 9, 1)
        while day <= date(2026, 12, 20):
            for index, kind in enumerate(kinds):
                if rng.random() < 0.25:
                    continue
                starts = at(day + timedelta(days=index), 10 + index)
                sessions.append(
                    Session(
                        kind_id=kind.id,
                        title=kind.name,
                        audience=kind.audience,
                        starts_at=starts,
                        ends_at=starts + timedelta(hours=2),
                        status="planned",
                    )
                )
            day += timedelta(days=7)
        # Edges of November 2026 in Amsterdam time.
        late = Session(
            kind_id=kinds[2].id,
            title="Avondwandeling",
            starts_at=at(date(2026, 11, 30), 23, 30),
            ends_at=at(date(2026, 11, 30), 23, 59),
        )
        after_midnight = Session(
            kind_id=kinds[2].id,
            title="Nachtwacht",
            starts_at=at(date(2026, 12, 1), 0, 30),
            ends_at=at(date(2026, 12, 1), 1, 30),
        )
        cancelled = Session(
            kind_id=kinds[0].id,
            title="Afgelast wegens storm",
            starts_at=at(date(2026, 11, 18), 19),
            ends_at=at(date(2026, 11, 18), 21),
            status="cancelled",
        )
        sessions += [late, after_midnight, cancelled]
        s.add_all(sessions)
        s.flush()

        statuses = ["present"] * 6 + ["absent", "registered", "cancelled", "waitlist"]
        for session in sessions:
            for resident in rng.sample(residents, rng.randint(0, 9)):
                status = "present" if session is cancelled else rng.choice(statuses)
                s.add(
                    Attendance(
                        session_id=session.id,
                        resident_id=resident.id,
                        status=status,
                        registered_at=session.starts_at - timedelta(days=2),
                        walk_in=rng.random() < 0.1,
                    )
                )
        for session in (late, after_midnight):
            s.add(
                Attendance(
                    session_id=session.id,
                    resident_id=residents[-1].id,
                    status="present",
                    registered_at=session.starts_at,
                )
            )

        # Desk contacts with themes (some without), every few days.
        moment = at(date(2025, 9, 2), 9)
        while moment < at(date(2026, 12, 20), 9):
            contact = Contact(
                resident_id=rng.choice(residents).id,
                contact_at=moment + timedelta(minutes=rng.randint(0, 600)),
                channel=rng.choice(["walk_in", "phone", "whatsapp"]),
                help_request="Vraag over de energierekening",
            )
            contact.themes = rng.sample(themes, rng.randint(0, 2))
            s.add(contact)
            moment += timedelta(days=rng.randint(1, 3))
        s.add(
            Contact(
                resident_id=residents[1].id,
                contact_at=at(date(2026, 11, 30), 23, 45),
                help_request="Laat op de avond gebeld",
            )
        )

        # Trajectories: started monthly; most complete after six months, some stop.
        for number in range(24):
            start = date(2025, 6, 1) + timedelta(days=21 * number)
            resident = residents[number]
            ends = start + timedelta(days=182)
            if ends > date(2026, 12, 2):
                status, end = "active", None
            elif number % 5 == 0:
                status, end = "stopped", start + timedelta(days=60)
            else:
                status, end = "completed", ends
            trajectory = Trajectory(
                resident_id=resident.id,
                start_date=start,
                planned_end_date=ends,
                end_date=end,
                status=status,
                stop_reason="moved" if status == "stopped" else None,
            )
            s.add(trajectory)
            s.flush()
            _goals(s, rng, trajectory, status == "completed")
            if status == "completed":
                _certificate(s, trajectory, end + timedelta(days=14))
        # Completed on the last day of November 2026.
        edge = Trajectory(
            resident_id=residents[40].id,
            start_date=date(2026, 5, 30),
            planned_end_date=date(2026, 11, 30),
            end_date=date(2026, 11, 30),
            status="completed",
        )
        s.add(edge)
        s.flush()
        _goals(s, rng, edge, True)
        _certificate(s, edge, date(2026, 11, 30))

        for _number in range(70):
            s.add(
                Referral(
                    resident_id=rng.choice(residents).id,
                    organisation_id=rng.choice(organisations).id,
                    referred_on=date(2025, 9, 1) + timedelta(days=rng.randint(0, 470)),
                    status=rng.choice(
                        ["referred", "contact_made", "helped", "not_helped", "unknown"]
                    ),
                    reason="Betalingsachterstand",
                )
            )

        story_rows = [
            ("Weer aan het werk", "anonymised", None, date(2026, 11, 10)),
            ("Samen koken", "named", None, date(2026, 11, 21)),
            ("Niet voor buiten", "not_shared", None, date(2026, 11, 14)),
            ("Teruggetrokken", "anonymised", datetime(2026, 11, 25, tzinfo=UTC), date(2026, 11, 5)),
            ("Vorig jaar", "named", None, date(2025, 11, 3)),
        ]
        teller = f"{residents[3].first_name} {residents[3].last_name}"
        for title, sharing, withdrawn, day in story_rows:
            s.add(
                SuccessStory(
                    title=title,
                    # A named story names its teller: the report must still print no name.
                    story=f"{STORY_PSEUDONYM if sharing == 'anonymised' else teller} vertelt: "
                    "na een half jaar praatsessies durfde ik weer te solliciteren. "
                    "De groep gaf me moed.",
                    story_date=day,
                    resident_id=residents[3].id,
                    sharing=sharing,
                    pseudonym=STORY_PSEUDONYM if sharing == "anonymised" else "",
                    consent_withdrawn_at=withdrawn,
                )
            )
        names = {r.first_name for r in residents} | {r.last_name for r in residents}
        names |= {duplicate.first_name, duplicate.last_name}
    return names


def _goals(s: OrmSession, rng: random.Random, trajectory: Trajectory, finished: bool) -> None:
    codes = rng.sample(["clarity", "self_image", "social_contacts", "inner_calm", "agencies"], 3)
    for code in codes:
        goal = TrajectoryGoal(trajectory_id=trajectory.id, code=code)
        s.add(goal)
        s.flush()
        intake = rng.randint(2, 6)
        s.add(
            SelfAssessment(
                goal_id=goal.id, moment="intake", score=intake, recorded_on=trajectory.start_date
            )
        )
        if finished and code != "agencies":  # one goal without a final score
            s.add(
                SelfAssessment(
                    goal_id=goal.id,
                    moment="final",
                    score=min(10, intake + rng.randint(0, 4)),
                    recorded_on=trajectory.end_date,
                )
            )


def _certificate(s: OrmSession, trajectory: Trajectory, issued: date) -> None:
    sequence = trajectory.id
    s.add(
        Certificate(
            trajectory_id=trajectory.id,
            year=issued.year,
            sequence=sequence,
            number=f"{issued.year}-{sequence:03d}",
            issued_on=issued,
            first_printed_at=at(issued, 12),
        )
    )
