"""Certificate numbers: unique per year, given once, the same on every reprint."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Certificate
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.settings import set_settings
from minami_desk.services.trajectories.certificates import (
    CertificateBatch,
    completed_between,
    fill_text,
    issue_certificates,
    preview_certificates,
)
from minami_desk.services.trajectories.lifecycle import GoalChoice, start_trajectory
from tests.services.trajectories.completed import completed_trajectory
from tests.services.trajectories.helpers import add_resident


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 12, 10, 10, 0, tzinfo=clock.AMSTERDAM))


class Written:
    def __init__(self) -> None:
        self.batches: list[CertificateBatch] = []

    def __call__(self, batch: CertificateBatch) -> None:
        self.batches.append(batch)


def test_numbers_count_up_per_year_and_stay_on_reprint(db: Database, staff_actor: Actor) -> None:
    first = completed_trajectory(db, staff_actor, "Ama", "Mensah")
    second = completed_trajectory(db, staff_actor, "Kofi", "Boateng")
    third = completed_trajectory(db, staff_actor, "Sanne", "Bakker")
    write = Written()
    batch = issue_certificates(db, staff_actor, [first, second], write, date(2026, 12, 12))
    assert [page.number for page in batch.pages] == ["2026-001", "2026-002"]
    again = issue_certificates(db, staff_actor, [second, first], write)
    assert [page.number for page in again.pages] == ["2026-002", "2026-001"]
    assert {page.ceremony_date for page in again.pages} == {date(2026, 12, 12)}
    next_year = issue_certificates(db, staff_actor, [third], write, date(2027, 1, 9))
    assert next_year.pages[0].number == "2027-001"
    with db.read_session() as session:
        counts = {c.number: c.print_count for c in session.scalars(select(Certificate))}
    assert counts == {"2026-001": 2, "2026-002": 2, "2027-001": 1}
    assert len(write.batches) == 3


def test_a_failed_write_uses_up_no_number(db: Database, staff_actor: Actor) -> None:
    trajectory_id = completed_trajectory(db, staff_actor, "Ama", "Mensah")

    def broken(batch: CertificateBatch) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        issue_certificates(db, staff_actor, [trajectory_id], broken, date(2026, 12, 12))
    with db.read_session() as session:
        assert session.scalars(select(Certificate)).all() == []
    batch = issue_certificates(db, staff_actor, [trajectory_id], Written(), date(2026, 12, 12))
    assert batch.pages[0].number == "2026-001"


def test_preview_shows_the_coming_numbers_and_records_nothing(
    db: Database, staff_actor: Actor
) -> None:
    first = completed_trajectory(db, staff_actor, "Ama", "Mensah")
    second = completed_trajectory(db, staff_actor, "Kofi", "Boateng")
    issue_certificates(db, staff_actor, [first], Written(), date(2026, 12, 12))
    preview = preview_certificates(db, staff_actor, [first, second], date(2026, 12, 12))
    assert [page.number for page in preview.pages] == ["2026-001", "2026-002"]
    with db.read_session() as session:
        assert len(session.scalars(select(Certificate)).all()) == 1


def test_only_completed_trajectories_get_one(db: Database, staff_actor: Actor) -> None:
    resident = add_resident(db, "Ama", "Mensah")
    goals = [GoalChoice("clarity")]
    active = start_trajectory(db, staff_actor, resident, date(2026, 6, 3), goals)
    with pytest.raises(ValidationError):
        issue_certificates(db, staff_actor, [active], Written(), date(2026, 12, 12))


def test_volunteers_cannot_print_certificates(
    db: Database, staff_actor: Actor, volunteer: Actor
) -> None:
    trajectory_id = completed_trajectory(db, staff_actor, "Ama", "Mensah")
    with pytest.raises(PermissionDeniedError):
        issue_certificates(db, volunteer, [trajectory_id], Written())


def test_the_text_fills_its_placeholders(db: Database, staff_actor: Actor, admin: Actor) -> None:
    set_settings(
        db,
        admin,
        {
            "certificate.text": (
                "{voornaam} heeft bij {centrum} het traject {periode} doorlopen {x}"
            ),
            "centre.coordinator": "Glenda Martina",
        },
    )
    trajectory_id = completed_trajectory(db, staff_actor, "Ama", "Mensah")
    page = preview_certificates(db, staff_actor, [trajectory_id], date(2026, 12, 12)).pages[0]
    assert page.text == (
        "Ama heeft bij Mi na Mi het traject van 3 juni 2026 tot en met 3 december 2026 "
        "doorlopen {x}"
    )
    assert page.coordinator_name == "Glenda Martina"
    assert fill_text("kapot {", {}) == "kapot {"


def test_completed_in_a_month(db: Database, staff_actor: Actor, tmp_path: Path) -> None:
    november = completed_trajectory(db, staff_actor, "Ama", "Mensah", end=date(2026, 11, 20))
    completed_trajectory(db, staff_actor, "Kofi", "Boateng", end=date(2026, 12, 3))
    assert completed_between(db, staff_actor, date(2026, 11, 1), date(2026, 11, 30)) == [november]


def test_printing_is_not_the_ceremony_the_coordinator_marks_it_held(
    db: Database, staff_actor: Actor
) -> None:
    from minami_desk.services.trajectories.certificates import mark_ceremony_held
    from minami_desk.services.trajectories.queries import get_trajectory

    held = completed_trajectory(db, staff_actor, "Ama", "Mensah")
    coming = completed_trajectory(db, staff_actor, "Kofi", "Boateng")

    def ceremony(trajectory_id: int) -> date | None:
        detail = get_trajectory(db, staff_actor, trajectory_id)
        return next(m.done_on for m in detail.milestones if m.code == "ceremony")

    # GIVEN certificates printed for today's ceremony (Ama twice in the list)
    issue_certificates(db, staff_actor, [held, held], Written(), date(2026, 12, 10))  # today
    issue_certificates(db, staff_actor, [coming], Written(), date(2026, 12, 12))  # not yet
    # THEN printing alone marks no ceremony
    assert ceremony(held) is None and ceremony(coming) is None
    with db.read_session() as session:
        assert len(session.scalars(select(Certificate)).all()) == 2  # the duplicate id: once
    # WHEN the coordinator marks today's ceremony held for Ama
    assert mark_ceremony_held(db, staff_actor, [held], date(2026, 12, 10)) == 1
    # THEN her milestone carries that date, Kofi's still waits, and a second mark changes nothing
    assert ceremony(held) == date(2026, 12, 10) and ceremony(coming) is None
    assert mark_ceremony_held(db, staff_actor, [held], date(2026, 12, 9)) == 0
    assert ceremony(held) == date(2026, 12, 10)
    with pytest.raises(ValidationError):
        mark_ceremony_held(db, staff_actor, [coming], date(2026, 12, 12))  # in the future
