"""Numbering and issuing certificates for the ceremony, and what each one says.

A certificate number ("2026-017") is given once, in the year of the ceremony, and kept for
ever: a reprint shows the same number and only counts up ``print_count``. Issuing is recorded
only when the PDF was written (the writer runs inside the unit of work), so a failed print
never uses up a number. A preview shows the numbers the certificates would get, and records
nothing.
"""

from __future__ import annotations

import calendar
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Certificate, Resident, Staff, Trajectory
from minami_desk.documents.centre import CentreInfo
from minami_desk.documents.certificate import CertificatePage
from minami_desk.documents.wording import period_text
from minami_desk.errors import ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.centre import centre_info
from minami_desk.services.settings import get_settings
from minami_desk.services.trajectories.queries import completed_summaries

TEXT_KEY = "certificate.text"
PLACE_KEY = "certificate.place"
DEFAULT_PLACE = "Amsterdam Zuidoost"
DEFAULT_TEXT = (
    "heeft met succes het persoonlijk traject van zes maanden bij {centrum} doorlopen "
    "en daarmee gewerkt aan eigen kracht, een sterk zelfbeeld en verbinding met anderen."
)
CEREMONY_CODE = "ceremony"


@dataclass(frozen=True)
class CertificateBatch:
    """The pages to print and the centre they are printed for."""

    pages: list[CertificatePage]
    centre: CentreInfo


class _Blank(dict[str, str]):
    """Unknown placeholders print as written, so a typo shows instead of crashing the batch."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_text(template: str, values: dict[str, str]) -> str:
    """The centre's text with its placeholders filled in; stray braces are left alone.

    The placeholders are Dutch, as the coordinator writes them: {naam}, {voornaam}, {centrum},
    {periode}, {begeleider} (listed on the Beheer page).
    """
    try:
        return string.Formatter().vformat(template, (), _Blank(values))
    except (ValueError, IndexError):
        return template


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def completed_between(db: Database, actor: Actor, first: date, last: date) -> list[int]:
    """Ids of the trajectories completed in the period, in the ceremony's (name) order."""
    return [summary.id for summary in completed_summaries(db, actor, first, last)]


def _next_sequence(session: Session, year: int) -> int:
    return (
        session.scalar(select(func.max(Certificate.sequence)).where(Certificate.year == year)) or 0
    ) + 1


def _number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:03d}"


def _record(
    session: Session,
    actor: Actor,
    trajectory: Trajectory,
    cert: Certificate | None,
    number: str,
    when: date,
    where: str,
) -> None:
    """A first print creates the certificate; a reprint counts and takes the new date/place.

    Printing is not the ceremony: a batch is often printed days before, or again after a
    postponement, so the ceremony's milestone waits for ``mark_ceremony_held``.
    """
    if cert is None:
        year, sequence = (int(part) for part in number.split("-"))
        cert = Certificate(
            trajectory_id=trajectory.id,
            year=year,
            sequence=sequence,
            number=number,
            issued_on=when,
            place=where,
            first_printed_at=clock.utcnow(),
            print_count=1,
        )
        session.add(cert)
        session.flush()
        record(session, actor, "created", "certificate", cert.id, f"trajectory={trajectory.id}")
    else:
        cert.print_count += 1
        cert.issued_on = when
        cert.place = where
        record(session, actor, "printed", "certificate", cert.id, f"count={cert.print_count}")


def _pages(
    session: Session,
    db_settings: dict[str, object],
    centre: CentreInfo,
    trajectory_ids: Sequence[int],
    ceremony_on: date | None,
    place: str | None,
    record_issue: bool,
    actor: Actor,
) -> list[CertificatePage]:
    trajectory_ids = list(dict.fromkeys(trajectory_ids))  # once each, in the order given
    rows = {
        trajectory.id: (trajectory, resident, coach)
        for trajectory, resident, coach in session.execute(
            select(Trajectory, Resident, Staff.display_name)
            .join(Resident, Resident.id == Trajectory.resident_id)
            .outerjoin(Staff, Staff.id == Trajectory.coach_id)
            .where(Trajectory.id.in_(list(trajectory_ids)))
        )
    }
    existing = {
        cert.trajectory_id: cert
        for cert in session.scalars(
            select(Certificate).where(Certificate.trajectory_id.in_(list(trajectory_ids)))
        )
    }
    template = str(db_settings.get(TEXT_KEY) or DEFAULT_TEXT)
    default_place = str(db_settings.get(PLACE_KEY) or DEFAULT_PLACE)
    next_sequence: dict[int, int] = {}
    pages = []
    for trajectory_id in trajectory_ids:
        if trajectory_id not in rows:
            raise ValidationError("trajectory", _("This trajectory no longer exists."))
        trajectory, resident, coach = rows[trajectory_id]
        if trajectory.status != "completed" or trajectory.end_date is None:
            raise ValidationError(
                "trajectory", _("Only a completed trajectory gets a certificate.")
            )
        cert = existing.get(trajectory_id)
        when = ceremony_on or (cert.issued_on if cert else clock.today())
        where = (place if place is not None else (cert.place if cert else default_place)).strip()
        if cert is not None:
            number = cert.number
        else:
            year = when.year
            sequence = next_sequence.get(year) or _next_sequence(session, year)
            next_sequence[year] = sequence + 1
            number = _number(year, sequence)
        if record_issue:
            _record(session, actor, trajectory, cert, number, when, where)
        coach_name = coach or ""
        values = {
            "naam": resident.full_name,
            "voornaam": resident.first_name,
            "centrum": centre.name,
            "periode": period_text(trajectory.start_date, trajectory.end_date),
            "begeleider": coach_name,
        }
        pages.append(
            CertificatePage(
                number=number,
                full_name=resident.full_name,
                text=fill_text(template, values),
                start_date=trajectory.start_date,
                end_date=trajectory.end_date,
                ceremony_date=when,
                place=where,
                coach_name=coach_name,
                coordinator_name=centre.coordinator,
            )
        )
    return pages


def _check_request(trajectory_ids: Sequence[int], ceremony_on: date | None) -> None:
    if not trajectory_ids:
        raise ValidationError("period", _("No completed trajectories in this period."))
    if ceremony_on is not None and ceremony_on.year < 2000:
        raise ValidationError("ceremony_on", _("Check the date of the ceremony."))


def preview_certificates(
    db: Database,
    actor: Actor,
    trajectory_ids: Sequence[int],
    ceremony_on: date | None = None,
    place: str | None = None,
) -> CertificateBatch:
    """The certificates as they would print, with the numbers they would get; records nothing."""
    actor.require(Permission.PRINT_CERTIFICATES)
    _check_request(trajectory_ids, ceremony_on)
    settings = get_settings(db, "certificate.")
    centre = centre_info(db)
    with db.read_session() as session:
        pages = _pages(session, settings, centre, trajectory_ids, ceremony_on, place, False, actor)
    return CertificateBatch(pages, centre)


def issue_certificates(
    db: Database,
    actor: Actor,
    trajectory_ids: Sequence[int],
    write: Callable[[CertificateBatch], None],
    ceremony_on: date | None = None,
    place: str | None = None,
) -> CertificateBatch:
    """Number (first time) or count a reprint, and call ``write`` before anything is committed.

    ``ceremony_on`` and ``place`` default to what an earlier print said, else today and the
    centre's setting; given, they replace the earlier ones (a ceremony can be postponed).
    """
    actor.require(Permission.PRINT_CERTIFICATES)
    _check_request(trajectory_ids, ceremony_on)
    settings = get_settings(db, "certificate.")
    centre = centre_info(db)
    with db.session() as session:
        pages = _pages(session, settings, centre, trajectory_ids, ceremony_on, place, True, actor)
        batch = CertificateBatch(pages, centre)
        write(batch)
    return batch


def mark_ceremony_held(
    db: Database, actor: Actor, trajectory_ids: Sequence[int], held_on: date
) -> int:
    """The coordinator records that the ceremony took place on ``held_on``: the ceremony
    milestone of each completed trajectory gets that date. Returns how many were marked;
    one already marked keeps its date (a second ceremony for latecomers does not rewrite it)."""
    actor.require(Permission.PRINT_CERTIFICATES)
    if held_on > clock.today():
        raise ValidationError("held_on", _("The date cannot be in the future."))
    marked = 0
    with db.session() as session:
        trajectories = session.scalars(
            select(Trajectory).where(Trajectory.id.in_(set(trajectory_ids)))
        )
        for trajectory in trajectories:
            if trajectory.status != "completed":
                continue
            for milestone in trajectory.milestones:
                if milestone.code == CEREMONY_CODE and milestone.done_on is None:
                    milestone.done_on = held_on
                    record(session, actor, "changed", "milestone", milestone.id, "done:ceremony")
                    marked += 1
    return marked
