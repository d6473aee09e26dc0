"""``generate_demo_data``: fill an empty database with a fictional centre, in one transaction.

Rows go in through SQLAlchemy Core ``insert()`` with executemany in large batches: a ten-year
demo has about a million attendance rows, far too many for ORM objects one by one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, Table, func, select, update

from minami_desk.data.db import Database
from minami_desk.data.models import (
    Base,
    MilestoneTemplate,
    PostcodeArea,
    Resident,
    SessionKind,
    Setting,
    Staff,
    Theme,
)
from minami_desk.errors import UserError
from minami_desk.i18n import _
from minami_desk.services.demo.attendance import (
    AttendanceRows,
    assign_groups,
    count_rows,
    draw_memberships,
    draw_visits,
    event_visits,
)
from minami_desk.services.demo.contacts import make_contacts, organisations
from minami_desk.services.demo.core import Plan, Reference, Writer, add_months
from minami_desk.services.demo.people import make_residents, make_staff
from minami_desk.services.demo.schedule import Calendar
from minami_desk.services.demo.stories import make_stories
from minami_desk.services.demo.trajectories import make_trajectories

Progress = Callable[[float], None]

# Tables whose ids the generator hands out itself (so children can point at them at once).
_NUMBERED = (
    "staff",
    "resident",
    "consent",
    "session_series",
    "session",
    "attendance",
    "contact",
    "referral",
    "trajectory",
    "trajectory_goal",
    "self_assessment",
    "milestone",
    "progress_note",
    "certificate",
    "success_story",
)


def _reference(connection: Connection) -> Reference:
    themes = connection.execute(
        select(Theme.id, Theme.code).where(Theme.active).order_by(Theme.sort_order, Theme.id)
    ).all()
    kinds = connection.execute(
        select(SessionKind.code, SessionKind.id, SessionKind.name, SessionKind.audience)
    ).all()
    areas = connection.execute(
        select(PostcodeArea.prefix, PostcodeArea.wijk).order_by(PostcodeArea.prefix)
    ).all()
    steps = connection.execute(
        select(
            MilestoneTemplate.code,
            MilestoneTemplate.title,
            MilestoneTemplate.offset_kind,
            MilestoneTemplate.offset_value,
            MilestoneTemplate.sort_order,
        )
        .where(MilestoneTemplate.active)
        .order_by(MilestoneTemplate.sort_order, MilestoneTemplate.id)
    ).all()
    return Reference(
        themes=tuple(themes),
        kinds={code: (kind_id, name, audience) for code, kind_id, name, audience in kinds},
        areas=tuple(areas),
        milestones=tuple(steps),
        organisations={},
    )


def _sign_certificates_as(connection: Connection, name: str) -> None:
    """The demo's beheerder signs the certificates, unless the centre already named someone."""
    connection.execute(
        update(Setting)
        .where(Setting.key == "centre.coordinator", Setting.value.in_(('""', "")))
        .values(value=json.dumps(name, ensure_ascii=False))
    )


def not_empty_error() -> UserError:
    return UserError(
        _("This database already holds residents. Demo data only goes into an empty one.")
    )


def generate_demo_data(
    db: Database,
    *,
    residents: int,
    months: int,
    seed: int,
    today: date,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill an empty database; the same seed and day always give the very same rows.

    Returns the number of rows made per kind (``residents``, ``sessions``, ``attendances`` …).
    """
    report = progress or (lambda _fraction: None)
    tables: dict[str, Table] = dict(Base.metadata.tables)
    with db.engine.execution_options(write=True).begin() as connection:
        if connection.scalar(select(func.count()).select_from(Resident)):
            raise not_empty_error()
        reference = _reference(connection)
        reference.organisations.update(organisations(connection, add_months(today, -months)))
        plan = Plan(random.Random(seed), today, add_months(today, -months), reference)
        for table in _NUMBERED:
            plan.ids[table] = connection.scalar(select(func.max(tables[table].c.id))) or 0
        taken = set(connection.scalars(select(Staff.username)))
        writer = Writer(connection, tables)
        report(0.0)

        staff = make_staff(plan, writer, residents, taken)
        writer.flush("staff")
        _sign_certificates_as(connection, staff[0].name)
        people = make_residents(plan, writer, residents, staff)
        writer.flush("resident", "resident_search_token", "consent")
        report(0.1)

        coaches = [member.id for member in staff if member.role == "medewerker"]
        volunteers = [member.id for member in staff if member.role == "vrijwilliger"]
        calendar = Calendar(plan, writer, {"coach": coaches, "volunteer": volunteers})
        memberships = draw_memberships(plan, people)
        assign_groups(plan, calendar, memberships)
        visits, enrolments = draw_visits(plan, calendar, people)
        visits += event_visits(plan, calendar.events(), people)
        memberships += enrolments
        writer.flush("session_series", "session")
        report(0.2)

        rows = AttendanceRows(plan)
        expected = max(1, count_rows(memberships, len(visits)))
        done = [0]

        def tick() -> None:
            done[0] += 1
            report(0.2 + 0.65 * min(1.0, done[0] * 20_000 / expected))

        writer.stream("attendance", rows.memberships(memberships), tick)
        writer.stream("attendance", rows.visits(visits), tick)
        report(0.85)

        make_contacts(plan, writer, people, coaches + volunteers)
        writer.flush("contact", "contact_theme", "referral", "referral_theme")
        report(0.92)

        drafts = [m.trajectory for m in memberships if m.trajectory is not None]
        made = make_trajectories(plan, writer, drafts, coaches)
        writer.flush(
            "trajectory",
            "trajectory_goal",
            "self_assessment",
            "milestone",
            "progress_note",
            "certificate",
        )
        make_stories(plan, writer, made)
        writer.flush("consent", "success_story")
    report(1.0)
    counts = writer.counts
    return {
        "residents": counts.get("resident", 0),
        "staff": counts.get("staff", 0),
        "series": counts.get("session_series", 0),
        "sessions": counts.get("session", 0),
        "attendances": counts.get("attendance", 0),
        "contacts": counts.get("contact", 0),
        "referrals": counts.get("referral", 0),
        "trajectories": counts.get("trajectory", 0),
        "certificates": counts.get("certificate", 0),
        "success_stories": counts.get("success_story", 0),
    }
