"""The demo generator: same seed and day give the same rows; the rows look like Zuidoost."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from minami_desk.cli import main
from minami_desk.clock import AMSTERDAM
from minami_desk.config import Paths, resolve_paths
from minami_desk.data.db import Database
from minami_desk.data.models import (
    Attendance,
    Base,
    Certificate,
    Consent,
    Contact,
    Milestone,
    MilestoneTemplate,
    Organisation,
    PostcodeArea,
    Referral,
    Resident,
    ResidentSearchToken,
    SelfAssessment,
    Session,
    SessionKind,
    SessionSeries,
    Staff,
    SuccessStory,
    Theme,
    Trajectory,
    TrajectoryGoal,
)
from minami_desk.data.store import open_database
from minami_desk.errors import UserError
from minami_desk.services.demo import generate_demo_data, make_demo_database
from minami_desk.services.demo.contacts import ORGANISATION_NAMES
from minami_desk.services.demo.core import years_between
from minami_desk.services.phones import parse_phone
from minami_desk.services.residents import name_tokens, sort_key
from minami_desk.services.settings import get_setting

TODAY = date(2026, 11, 27)
SMALL = {"residents": 150, "months": 8, "today": TODAY}


def table_digests(db: Database) -> dict[str, str]:
    """A hash of every table's rows in primary-key order.

    Organisations seeded by a migration carry the moment of migrating, which is not the
    generator's: only their id and name count.
    """
    digests = {}
    with db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = "id, name" if table.name == "organisation" else "*"
            order = ", ".join(column.name for column in table.primary_key.columns)
            rows = connection.execute(
                text(f"SELECT {columns} FROM {table.name} ORDER BY {order}")
            ).all()
            digests[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests


def fresh_database(tmp_path: Path, name: str) -> Database:
    return open_database(resolve_paths(tmp_path / name))


def test_same_seed_and_day_give_identical_rows_in_every_table(db: Database, tmp_path: Path) -> None:
    first = generate_demo_data(db, seed=7, **SMALL)
    other = fresh_database(tmp_path, "again")
    try:
        second = generate_demo_data(other, seed=7, **SMALL)
        assert first == second
        assert table_digests(db) == table_digests(other)
    finally:
        other.dispose()


def test_another_seed_gives_other_people(db: Database, tmp_path: Path) -> None:
    generate_demo_data(db, seed=7, **SMALL)
    other = fresh_database(tmp_path, "other")
    try:
        generate_demo_data(other, seed=8, **SMALL)
        mine, theirs = table_digests(db), table_digests(other)
        assert mine["resident"] != theirs["resident"]
        assert mine["attendance"] != theirs["attendance"]
    finally:
        other.dispose()


def test_progress_is_reported_up_to_done(db: Database) -> None:
    seen: list[float] = []
    generate_demo_data(db, residents=40, months=2, seed=1, today=TODAY, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_refuses_a_database_that_already_holds_residents(db: Database) -> None:
    generate_demo_data(db, residents=20, months=2, seed=1, today=TODAY)
    with pytest.raises(UserError):
        generate_demo_data(db, residents=20, months=2, seed=2, today=TODAY)


# --- realism, on one generated database shared by the tests below ---------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(resolve_paths(tmp_path_factory.mktemp("demo") / "data"))
    generate_demo_data(database, residents=400, months=24, seed=3, today=TODAY)
    yield database
    database.dispose()


def scalars(db: Database, statement: object) -> list:
    with db.read_session() as session:
        found = list(session.scalars(statement))  # type: ignore[call-overload]
        session.expunge_all()  # keep the loaded values readable after the session ends
        return found


def rows(db: Database, statement: object) -> list:
    with db.read_session() as session:
        return list(session.execute(statement).all())  # type: ignore[call-overload]


def test_names_come_with_diacritics_and_tussenvoegsels(demo: Database) -> None:
    residents = scalars(demo, select(Resident))
    assert len(residents) == 400
    non_ascii = [r for r in residents if not r.full_name.isascii()]
    assert len(non_ascii) >= 0.10 * len(residents)
    infixes = {r.infix for r in residents}
    assert {"van", "de"} <= infixes
    assert len({r.last_name for r in residents}) > 100
    assert sorted(r.number for r in residents) == list(range(1, 401))


def test_search_keys_are_filled_as_the_resident_service_makes_them(demo: Database) -> None:
    residents = scalars(demo, select(Resident))
    tokens: dict[int, set[str]] = {}
    for resident_id, token in rows(demo, select(ResidentSearchToken.__table__)):
        tokens.setdefault(resident_id, set()).add(token)
    for resident in residents:
        names = (resident.first_name, resident.infix, resident.last_name)
        assert resident.sort_key == sort_key(*names)
        assert tokens[resident.id] == name_tokens(*names)


def test_ages_run_from_twelve_to_ninety(demo: Database) -> None:
    residents = scalars(demo, select(Resident))
    ages = [years_between(r.birth_date, TODAY) for r in residents if r.birth_date]
    assert min(ages) >= 12 and max(ages) <= 90
    assert min(ages) < 18 and max(ages) >= 65
    without = [r for r in residents if r.birth_date is None]
    assert all(r.age_group in ("18-26", "27-64", "65+") for r in without)
    for resident in residents:
        if resident.birth_date:
            assert years_between(resident.birth_date, resident.registered_on) >= 12


def test_addresses_are_in_zuidoost_and_every_wijk_occurs(demo: Database) -> None:
    areas = dict(rows(demo, select(PostcodeArea.prefix, PostcodeArea.wijk)))
    residents = scalars(demo, select(Resident))
    assert {r.wijk for r in residents} == set(areas.values())
    for resident in residents:
        if resident.postcode:
            assert re.fullmatch(r"110[1-9] [A-Z]{2}", resident.postcode)
            assert areas[resident.postcode[:4]] == resident.wijk


def test_phones_are_dutch_mobiles_and_some_are_missing(demo: Database) -> None:
    residents = scalars(demo, select(Resident))
    with_phone = [r for r in residents if r.phone]
    assert 0.7 * len(residents) < len(with_phone) < len(residents)
    for resident in with_phone:
        assert re.fullmatch(r"\+316\d{8}", resident.phone)
        assert resident.phone_digits == "0" + resident.phone[3:]
        # The demo's numbers pass the program's own check, so exported demo data re-imports.
        parsed = parse_phone(resident.phone_digits)
        assert parsed is not None and parsed.e164 == resident.phone


def test_consents_registration_for_all_and_guardians_for_under_sixteens(demo: Database) -> None:
    residents = {r.id: r for r in scalars(demo, select(Resident))}
    consents = scalars(demo, select(Consent))
    registered = {c.resident_id for c in consents if c.kind == "registration"}
    assert registered == set(residents)
    kinds = Counter(c.kind for c in consents)
    assert kinds["photos"] > 100 and kinds["contact_phone"] > 100
    guardians = [c for c in consents if c.by_guardian]
    assert guardians
    for consent in consents:
        resident = residents[consent.resident_id]
        if resident.birth_date is None:  # only adults leave their birth date out
            assert not consent.by_guardian
            continue
        age = years_between(resident.birth_date, consent.given_at.date())
        assert consent.by_guardian == (age < 16)
        if consent.by_guardian:
            assert consent.given_by == resident.guardian_name or consent.kind == "story_sharing"
            assert consent.given_by and consent.given_by != "bewoner zelf"


def test_staff_has_every_role_and_the_beheerder_signs(demo: Database) -> None:
    staff = scalars(demo, select(Staff))
    roles = Counter(member.role for member in staff)
    assert roles["beheerder"] == 1 and roles["medewerker"] >= 3 and roles["vrijwilliger"] >= 4
    beheerder = next(member for member in staff if member.role == "beheerder")
    assert get_setting(demo, "centre.coordinator") == beheerder.display_name
    assert all(member.password_hash is None for member in staff)


def test_sessions_of_every_kind_some_cancelled_and_weeks_ahead(demo: Database) -> None:
    sessions = scalars(demo, select(Session))
    kinds = {code for (code,) in rows(demo, select(SessionKind.code))}
    used = {code for (code,) in rows(demo, select(SessionKind.code).join(Session))}
    assert used == kinds
    cancelled = [s for s in sessions if s.status == "cancelled"]
    assert cancelled and all(s.cancel_reason for s in cancelled)
    ahead = TODAY + timedelta(days=21)
    assert any(s.starts_at.astimezone(AMSTERDAM).date() > ahead for s in sessions)
    assert all(s.capacity is None or s.capacity > 0 for s in sessions)


def test_a_seven_oclock_series_stays_at_seven_across_daylight_saving(demo: Database) -> None:
    evening = scalars(demo, select(SessionSeries).where(SessionSeries.start_time == time(19)))
    assert evening
    offsets = set()
    for series in evening:
        sessions = scalars(demo, select(Session).where(Session.series_id == series.id))
        offsets |= {s.starts_at.astimezone(AMSTERDAM).utcoffset() for s in sessions}
        for session in sessions:
            local = session.starts_at.astimezone(AMSTERDAM)
            assert local.time() == time(19) and local.weekday() == series.weekday
            assert series.starts_on <= local.date() <= series.ends_on
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # winter and summer time


def test_turnout_is_realistic_and_past_and_future_differ(demo: Database) -> None:
    result = rows(
        demo,
        select(Attendance.status, Session.starts_at, Session.status).join(
            Session, Session.id == Attendance.session_id
        ),
    )
    start_of_today = datetime.combine(TODAY, time(), tzinfo=AMSTERDAM).astimezone(UTC)
    past = Counter(status for status, starts, _s in result if starts < start_of_today)
    future = Counter(status for status, starts, _s in result if starts >= start_of_today)
    assert set(past) == {"present", "absent", "cancelled"}
    assert 0.65 < past["present"] / sum(past.values()) < 0.92
    assert set(future) <= {"registered", "waitlist"} and future["registered"] > 0
    assert all(session_status == "planned" for _a, _b, session_status in result)
    pairs = rows(demo, select(Attendance.session_id, Attendance.resident_id))
    assert len(pairs) == len(set(pairs)) > 3000


def test_teens_attend_teen_sessions_and_adults_adult_ones(demo: Database) -> None:
    result = rows(
        demo,
        select(SessionKind.code, Session.starts_at, Resident.birth_date, Resident.registered_on)
        .join(Session, Session.kind_id == SessionKind.id)
        .join(Attendance, Attendance.session_id == Session.id)
        .join(Resident, Resident.id == Attendance.resident_id),
    )
    teen_visits = 0
    for code, starts, born, registered_on in result:
        day = starts.astimezone(AMSTERDAM).date()
        assert registered_on <= day
        if code == "talk_teens":
            teen_visits += 1
            assert 12 <= years_between(born, day) < 18
        elif code == "talk_adults" and born is not None:
            assert years_between(born, day) >= 18
    assert teen_visits > 100


def test_contacts_have_themes_and_dutch_help_requests(demo: Database) -> None:
    contacts = scalars(demo, select(Contact))
    assert len(contacts) > 400
    with demo.read_session() as session:
        for contact in session.scalars(select(Contact).limit(200)):
            assert 1 <= len(contact.themes) <= 3
            assert contact.help_request.endswith(".")
    assert any(c.follow_up_on for c in contacts)
    assert any(c.follow_up_done_at for c in contacts)
    assert {theme.code for theme in scalars(demo, select(Theme))} - {"other"} <= {
        code
        for (code,) in rows(
            demo, select(Theme.code).join(Contact.themes.property.secondary).distinct()
        )
    }


def test_trajectories_in_every_stage_with_rising_scores(demo: Database) -> None:
    trajectories = scalars(demo, select(Trajectory))
    statuses = Counter(t.status for t in trajectories)
    assert statuses["active"] and statuses["completed"] and statuses["stopped"]
    for trajectory in trajectories:
        if trajectory.status == "stopped":
            assert trajectory.stop_reason and trajectory.end_date
        if trajectory.status == "active":
            assert trajectory.end_date is None and trajectory.planned_end_date > TODAY
        if trajectory.end_date:
            assert trajectory.start_date <= trajectory.end_date <= TODAY
    finals = select(Milestone.trajectory_id, Milestone.done_on).where(Milestone.code == "final")
    final_done = {trajectory_id for trajectory_id, done_on in rows(demo, finals) if done_on}
    completed = {t.id: t for t in trajectories if t.status == "completed"}
    assert set(completed) <= final_done
    actives = Counter(t.resident_id for t in trajectories if t.status == "active")
    assert max(actives.values()) == 1
    scores: dict[str, list[int]] = {}
    for moment, score in rows(demo, select(SelfAssessment.moment, SelfAssessment.score)):
        scores.setdefault(moment, []).append(score)
    mean = {moment: sum(values) / len(values) for moment, values in scores.items()}
    assert mean["intake"] < mean["midway"] < mean["final"]
    goals = {code for (code,) in rows(demo, select(TrajectoryGoal.code))}
    assert len(goals) >= 6


def test_milestones_follow_the_template_and_certificates_are_numbered(demo: Database) -> None:
    template = {code for (code,) in rows(demo, select(MilestoneTemplate.code))}
    milestones = scalars(demo, select(Milestone))
    assert {m.code for m in milestones} == template
    assert all(m.done_on is None or m.done_on <= TODAY for m in milestones)
    assert any(m.done_on is None and m.due_on < TODAY for m in milestones)  # overdue ones
    certificates = scalars(demo, select(Certificate))
    assert certificates
    completed = {t.id for t in scalars(demo, select(Trajectory)) if t.status == "completed"}
    for certificate in certificates:
        assert certificate.trajectory_id in completed
        assert certificate.number == f"{certificate.year}-{certificate.sequence:03d}"
        assert certificate.issued_on.year == certificate.year <= TODAY.year
    per_year = Counter(c.year for c in certificates)
    for year, count in per_year.items():
        assert sorted(c.sequence for c in certificates if c.year == year) == list(
            range(1, count + 1)
        )


def test_referrals_go_to_known_agencies_without_invented_details(demo: Database) -> None:
    organisations = scalars(demo, select(Organisation))
    assert set(ORGANISATION_NAMES) <= {o.name for o in organisations}
    for organisation in organisations:
        assert not (organisation.phone or organisation.address or organisation.email)
        assert not (organisation.website or organisation.opening_hours)
    referrals = scalars(demo, select(Referral))
    statuses = Counter(r.status for r in referrals)
    assert {"referred", "helped", "contact_made"} <= set(statuses)
    assert all(r.closed_on for r in referrals if r.status in ("helped", "not_helped", "unknown"))


def test_success_stories_in_all_three_sharing_kinds(demo: Database) -> None:
    stories = scalars(demo, select(SuccessStory))
    assert {s.sharing for s in stories} == {"named", "anonymised", "not_shared"}
    assert all(s.pseudonym for s in stories if s.sharing == "anonymised")
    assert any(s.consent_withdrawn_at for s in stories)
    consents = {
        (c.resident_id, c.withdrawn_at is not None)
        for c in scalars(demo, select(Consent).where(Consent.kind == "story_sharing"))
    }
    for story in stories:
        if story.sharing != "not_shared":
            assert (story.resident_id, story.consent_withdrawn_at is not None) in consents


def test_timestamps_come_from_the_generated_dates(demo: Database) -> None:
    horizon = datetime.combine(TODAY + timedelta(days=29), time(), tzinfo=UTC)
    for model in (Resident, Session, Attendance, Contact, Trajectory, Referral, SuccessStory):
        latest = rows(demo, select(model.created_at).order_by(model.created_at.desc()).limit(1))
        assert latest[0][0] < horizon


# --- the command line and the cached demo template ------------------------------------------


def test_command_line_fills_a_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "cli"
    code = main(["--data-dir", str(folder), "demo-data", "--residents", "60", "--months", "3"])
    assert code == 0
    assert "60" in capsys.readouterr().out
    db = open_database(resolve_paths(folder))
    try:
        assert len(scalars(db, select(Resident))) == 60
        assert scalars(db, select(Attendance.id))
    finally:
        db.dispose()


def test_demo_database_is_made_once_and_then_copied(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = resolve_paths(tmp_path / "demo1")
    make_demo_database(first, cache_dir=cache, today=TODAY, residents=50, months=3)
    templates = list(cache.glob("*.sqlite"))
    assert len(templates) == 1
    made_at = templates[0].stat().st_mtime_ns
    second = resolve_paths(tmp_path / "demo2")
    make_demo_database(second, cache_dir=cache, today=TODAY, residents=50, months=3)
    assert templates[0].stat().st_mtime_ns == made_at
    for paths in (first, second):
        db = open_database(paths)
        try:
            assert len(scalars(db, select(Resident))) == 50
        finally:
            db.dispose()
    make_demo_database(
        resolve_paths(tmp_path / "demo3"),
        cache_dir=cache,
        today=TODAY + timedelta(days=1),
        residents=50,
        months=3,
    )
    assert len(list(cache.glob("*.sqlite"))) == 1  # yesterday's template is gone


def test_demo_database_replaces_an_empty_database_but_never_one_with_residents(
    paths: Paths, tmp_path: Path
) -> None:
    open_database(paths).dispose()  # migrated, still empty
    make_demo_database(paths, cache_dir=tmp_path / "cache", today=TODAY, residents=30, months=2)
    db = open_database(paths)
    try:
        assert len(scalars(db, select(Resident))) == 30
    finally:
        db.dispose()
    with pytest.raises(UserError):
        make_demo_database(paths, cache_dir=tmp_path / "cache", today=TODAY, residents=30, months=2)


_IN_ANOTHER_PROCESS = """
import sys
from datetime import date
from pathlib import Path
from minami_desk.config import Paths, resolve_paths
from minami_desk.data.store import open_database
from minami_desk.services.demo import generate_demo_data
db = open_database(resolve_paths(Path(sys.argv[1])))
generate_demo_data(db, residents=60, months=4, seed=5, today=date(2026, 11, 27))
db.dispose()
"""


@pytest.mark.slow
def test_rows_do_not_depend_on_the_string_hash_seed_of_the_process(tmp_path: Path) -> None:
    """Python salts string hashes per process; set order must never leak into the rows."""
    digests = []
    for hash_seed in ("1", "2"):
        folder = tmp_path / f"hash-{hash_seed}"
        environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [sys.executable, "-c", _IN_ANOTHER_PROCESS, str(folder)],
            check=True,
            env=environment,
            cwd=Path(__file__).resolve().parents[2],
        )
        db = open_database(resolve_paths(folder))
        try:
            digests.append(table_digests(db))
        finally:
            db.dispose()
    assert digests[0] == digests[1]
