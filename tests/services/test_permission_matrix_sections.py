"""The permission matrix over the sections' own services (desk, sessions, trajectories,
referrals, stories): a volunteer registers residents and takes attendance, and either gets a
permission error or the record without its sensitive fields — never help requests,
trajectory notes, self-assessments, referral reasons or outcomes."""

from __future__ import annotations

from datetime import date

import pytest

from minami_desk.data.db import Database
from minami_desk.errors import PermissionDeniedError
from minami_desk.services import contacts, profile, referral_followups, referrals, stories
from minami_desk.services.actor import Actor
from minami_desk.services.consents import consent_history
from minami_desk.services.sessions import attendance, export, registration
from minami_desk.services.trajectories import lifecycle, queries
from tests.privacy_data import History, make_history, make_session
from tests.services.desk_helpers import register

ROLES = ("vrijwilliger", "medewerker", "beheerder")


@pytest.fixture
def history(db: Database) -> tuple[History, int]:
    session_id = make_session(db, date(2026, 3, 3))
    return make_history(db, "Abena", "Boateng", 1001, [session_id], date(2026, 3, 1)), session_id


@pytest.mark.parametrize("role", ROLES)
def test_register_and_take_attendance(
    db: Database, role: str, history: tuple[History, int]
) -> None:
    actor = Actor(staff_id=None, role=role)
    _person, session_id = history
    new = register(db, actor, "Kofi", "Mensah", birth=date(1990, 1, 2))
    registration.register_resident(db, actor, session_id, new)
    registration.set_status(db, actor, session_id, new, "present")
    assert any(
        row.resident_id == new for row in attendance.attendance_list(db, actor, session_id).rows
    )
    assert export.attendance_sheet(db, actor, session_id) is not None


@pytest.mark.parametrize("role", ROLES)
def test_sensitive_fields_per_role(db: Database, role: str, history: tuple[History, int]) -> None:
    actor = Actor(staff_id=None, role=role)
    person, _session_id = history
    rid = person.resident_id
    volunteer = role == "vrijwilliger"
    # Help requests: the volunteer sees that a visit happened, never what it was about.
    rows = contacts.resident_contacts(db, actor, rid)
    assert len(rows) == 2
    assert all((row.help_request == "") == volunteer for row in rows)
    assert all((row.themes == ()) == volunteer for row in rows)
    # Personal details and consents.
    details = profile.get_resident(db, actor, rid)
    assert details.details_hidden == volunteer and (details.note == "") == volunteer
    # Trajectories: no notes, milestone notes or self-assessments for a volunteer.
    detail = queries.get_trajectory(db, actor, person.trajectory_ids[0])
    assert (detail.notes == []) == volunteer and detail.stop_note == (
        "" if volunteer else detail.stop_note
    )
    assert all((goal.scores == {}) == volunteer for goal in detail.goals)
    assert all((m.note == "") == volunteer for m in detail.milestones)
    # Referrals: the resident's list without reason and outcome.
    own = referrals.resident_referrals(db, actor, rid)
    assert all((row.reason == "" and row.outcome_note == "") == volunteer for row in own)
    refused = [
        lambda: consent_history(db, actor, rid),
        lambda: lifecycle.completion_check(db, actor, person.trajectory_ids[0]),
        lambda: referrals.get_referral(db, actor, person.referral_ids[0]),
        lambda: referrals.list_referrals(db, actor, referrals.ReferralFilter()),
        lambda: referral_followups.follow_ups_due(db, actor),
        lambda: stories.get_story(db, actor, person.story_ids[0]),
    ]
    for call in refused:
        if volunteer:
            with pytest.raises(PermissionDeniedError):
                call()
        else:
            call()
