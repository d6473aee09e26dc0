"""A resident with a full history, written straight into the real tables, for privacy tests.

Every free text carries a marker with the person's name so a test can prove it is exported
(for them) or erased (after anonymisation). Invented people only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    Certificate,
    Consent,
    Contact,
    Milestone,
    Organisation,
    ProgressNote,
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
from minami_desk.services.residents import index_resident


@dataclass
class History:
    resident_id: int
    name: str
    contact_ids: list[int]
    attendance_ids: list[int]
    trajectory_ids: list[int]
    referral_ids: list[int]
    consent_ids: list[int]
    story_ids: list[int]


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def make_session(db: Database, starts: date, title: str = "Praatsessie volwassenen") -> int:
    with db.session() as session:
        kind = session.scalars(select(SessionKind)).first()
        assert kind is not None
        meeting = Session(
            kind_id=kind.id,
            title=title,
            starts_at=_at(starts, 17),
            ends_at=_at(starts, 19),
            location="Grote zaal",
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def make_history(
    db: Database,
    first_name: str,
    last_name: str,
    number: int,
    session_ids: list[int],
    start: date,
    phone: str = "+31612345678",
) -> History:
    """Resident, consents, two contacts with themes, attendance, a completed trajectory with
    goals, assessments, milestones, notes and a certificate, a referral and a story."""
    name = f"{first_name} {last_name}"
    with db.session() as session:
        resident = Resident(
            number=number,
            first_name=first_name,
            last_name=last_name,
            birth_date=date(1980, 5, 17),
            gender="female",
            phone=phone,
            phone_digits="0" + phone[3:],
            email=f"{first_name.lower()}@example.nl",
            postcode="1102 AB",
            wijk="Bijlmer-Centrum",
            languages="Nederlands, Twi",
            found_via=f"buurvrouw van {name}",
            note=f"Notitie over {name}",
            registered_on=start,
            guardian_name=f"Voogd van {name}",
            guardian_phone="+31687654321",
        )
        session.add(resident)
        session.flush()
        index_resident(resident)
        consents = [
            Consent(
                resident_id=resident.id,
                kind=kind,
                given=True,
                given_at=_at(start),
                given_by=f"Voogd van {name}",
                by_guardian=True,
            )
            for kind in ("registration", "photos", "story_sharing")
        ]
        session.add_all(consents)
        themes = list(session.scalars(select(Theme).limit(2)))
        contacts = [
            Contact(
                resident_id=resident.id,
                contact_at=_at(start + timedelta(days=offset)),
                help_request=f"Hulpvraag {index} van {name}: schulden en eenzaamheid",
                themes=themes,
            )
            for index, offset in enumerate((0, 20), start=1)
        ]
        session.add_all(contacts)
        attendance = [
            Attendance(
                session_id=session_id,
                resident_id=resident.id,
                status="present",
                registered_at=_at(start),
                note=f"Kwam met {name}",
            )
            for session_id in session_ids
        ]
        session.add_all(attendance)
        trajectory = Trajectory(
            resident_id=resident.id,
            start_date=start,
            planned_end_date=start + timedelta(days=182),
            end_date=start + timedelta(days=182),
            status="completed",
            stop_note=f"Afsluiting {name}",
        )
        session.add(trajectory)
        session.flush()
        goal = TrajectoryGoal(trajectory_id=trajectory.id, code="own", own_text=f"Doel {name}")
        session.add(goal)
        session.flush()
        session.add_all(
            [
                SelfAssessment(goal_id=goal.id, moment="intake", score=4, recorded_on=start),
                SelfAssessment(
                    goal_id=goal.id, moment="final", score=8, recorded_on=start + timedelta(182)
                ),
                Milestone(
                    trajectory_id=trajectory.id,
                    code="intake",
                    title="Intakegesprek",
                    due_on=start,
                    original_due_on=start,
                    done_on=start,
                    note=f"Intake met {name}",
                    moved_reason=f"Verplaatst voor {name}",
                ),
                ProgressNote(
                    trajectory_id=trajectory.id,
                    written_on=start + timedelta(days=30),
                    text=f"Voortgang van {name} gaat goed",
                ),
                Certificate(
                    trajectory_id=trajectory.id,
                    year=start.year,
                    sequence=number,
                    number=f"{start.year}-{number:03d}",
                    issued_on=start + timedelta(days=182),
                    first_printed_at=_at(start + timedelta(days=180)),
                ),
            ]
        )
        organisation = session.scalars(select(Organisation).limit(1)).first()
        if organisation is None:
            organisation = Organisation(name="Schuldhulp Zuidoost")
            session.add(organisation)
            session.flush()
        referral = Referral(
            resident_id=resident.id,
            organisation_id=organisation.id,
            referred_on=start + timedelta(days=21),
            reason=f"Reden verwijzing {name}",
            outcome_note=f"Uitkomst voor {name}",
            status="helped",
            themes=themes,
        )
        session.add(referral)
        story = SuccessStory(
            title=f"Het verhaal van {name}",
            story=f"{name} vond de weg terug",
            story_date=start + timedelta(days=183),
            resident_id=resident.id,
            trajectory_id=trajectory.id,
            sharing="named",
        )
        session.add(story)
        session.flush()
        return History(
            resident_id=resident.id,
            name=name,
            contact_ids=[c.id for c in contacts],
            attendance_ids=[a.id for a in attendance],
            trajectory_ids=[trajectory.id],
            referral_ids=[referral.id],
            consent_ids=[c.id for c in consents],
            story_ids=[story.id],
        )
