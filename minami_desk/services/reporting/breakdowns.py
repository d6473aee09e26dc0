"""The breakdown tables of a period: per kind of session, per participant group, per theme,
per agency and per outcome. Each is one grouped SQL query; Python only relabels the few rows.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.elements import ColumnElement

from minami_desk.data.models import (
    Attendance,
    Contact,
    Organisation,
    Referral,
    Resident,
    Session,
    SessionKind,
    Theme,
    contact_theme,
)
from minami_desk.documents.monthly_report import Breakdown, BreakdownRow
from minami_desk.documents.periods import Period
from minami_desk.services.reporting import texts
from minami_desk.services.reporting.figures import HeldSession, held_sessions

# The first birthday at which a resident belongs to each group (tieners from 12, …).
_AGE_THRESHOLDS = ((12, "0-11"), (18, "12-17"), (27, "18-26"), (65, "27-64"))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def age_group_at(day: date) -> ColumnElement[str]:
    """A resident's age group on ``day``: from the birth date, else the stored group.

    Portable SQL: the birthday thresholds are computed here and compared as dates.
    """
    by_birth = case(
        *[
            (Resident.birth_date > _years_before(day, years), group)
            for years, group in _AGE_THRESHOLDS
        ],
        else_="65+",
    )
    return case(
        (Resident.birth_date.is_not(None), by_birth),
        else_=func.coalesce(Resident.age_group, "unknown"),
    )


def sessions_by_kind(
    session: OrmSession,
    period: Period,
    now: datetime,
    held: list[HeldSession],
    unique_total: int,
) -> Breakdown:
    """``unique_total`` is the period's Unieke deelnemers: distinct over all kinds together."""
    unique = dict(
        session.execute(
            select(Session.kind_id, func.count(func.distinct(Attendance.resident_id)))
            .join(Session, Session.id == Attendance.session_id)
            .where(held_sessions(period, now), Attendance.status == "present")
            .group_by(Session.kind_id)
        ).all()
    )
    sessions: dict[int, int] = {}
    present: dict[int, int] = {}
    for item in held:
        sessions[item.kind_id] = sessions.get(item.kind_id, 0) + 1
        present[item.kind_id] = present.get(item.kind_id, 0) + item.present
    kinds = session.execute(
        select(SessionKind.id, SessionKind.name).order_by(SessionKind.sort_order, SessionKind.name)
    ).all()
    result = [
        BreakdownRow(
            name,
            (
                sessions[kind_id],
                present[kind_id],
                round(present[kind_id] / sessions[kind_id], 1),
                unique.get(kind_id, 0),
            ),
        )
        for kind_id, name in kinds
        if kind_id in sessions
    ]
    total_sessions = sum(int(row.values[0]) for row in result)
    total_present = sum(int(row.values[1]) for row in result)
    total = BreakdownRow(
        "Totaal",
        (
            total_sessions,
            total_present,
            round(total_present / total_sessions, 1) if total_sessions else 0.0,
            unique_total,
        ),
    )
    return Breakdown(
        key="sessions_by_kind",
        title="Bijeenkomsten per soort",
        columns=(
            "Soort bijeenkomst",
            "Bijeenkomsten",
            "Aanwezigheden",
            "Gem. opkomst",
            "Unieke deelnemers",
        ),
        rows=tuple(result),
        decimals=(0, 0, 1, 0),
        note="Wie bij meerdere soorten bijeenkomsten kwam, telt bij elke soort één keer mee, "
        "en in het totaal één keer.",
        total=total,
    )


def participant_groups(
    session: OrmSession, period: Period, now: datetime
) -> tuple[Breakdown, Breakdown, Breakdown]:
    """Unique participants by age group, by wijk and by gender, from one grouped query."""
    # "id IN (subquery)" rather than a join on a DISTINCT subquery: without statistics
    # SQLite would otherwise walk the whole attendance table in resident order to avoid one
    # sort (a second instead of a few dozen milliseconds on the 10-year database).
    participants = (
        select(Attendance.resident_id)
        .join(Session, Session.id == Attendance.session_id)
        .where(held_sessions(period, now), Attendance.status == "present")
    )
    age = age_group_at(period.end).label("age")
    wijk = func.coalesce(Resident.wijk, literal("")).label("wijk")
    gender = func.coalesce(Resident.gender, literal("unknown")).label("gender")
    rows = session.execute(
        select(age, wijk, gender, func.count())
        .where(Resident.id.in_(participants))
        .group_by(age, wijk, gender)
    ).all()
    by_age: dict[str, int] = {}
    by_wijk: dict[str, int] = {}
    by_gender: dict[str, int] = {}
    for age_code, wijk_name, gender_code, count in rows:
        by_age[age_code] = by_age.get(age_code, 0) + count
        by_wijk[wijk_name] = by_wijk.get(wijk_name, 0) + count
        by_gender[gender_code] = by_gender.get(gender_code, 0) + count
    total = sum(by_age.values())
    age_rows = [
        BreakdownRow(label, (by_age.get(code, 0),))
        for code, label in texts.AGE_GROUPS
        if code != "0-11" or by_age.get(code)
    ]
    wijk_rows = [
        BreakdownRow(name or texts.UNKNOWN, (count,))
        for name, count in sorted(by_wijk.items(), key=lambda item: (not item[0], item[0]))
    ]
    gender_rows = [BreakdownRow(label, (by_gender.get(code, 0),)) for code, label in texts.GENDERS]
    footer = BreakdownRow("Totaal", (total,))
    return (
        Breakdown(
            key="participants_by_age",
            title="Deelnemers per leeftijdsgroep",
            columns=("Leeftijdsgroep", "Unieke deelnemers"),
            rows=tuple(age_rows),
            note="Leeftijd op de laatste dag van de periode; zonder geboortedatum telt de "
            "leeftijdsgroep die bij de inschrijving is opgegeven.",
            total=footer,
        ),
        Breakdown(
            key="participants_by_wijk",
            title="Deelnemers per wijk",
            columns=("Wijk", "Unieke deelnemers"),
            rows=tuple(wijk_rows),
            total=footer,
        ),
        Breakdown(
            key="participants_by_gender",
            title="Deelnemers per gender",
            columns=("Gender", "Unieke deelnemers"),
            rows=tuple(gender_rows),
            total=footer,
        ),
    )


def contacts_by_theme(session: OrmSession, period: Period) -> Breakdown:
    start, after = period.utc_bounds()
    in_period = (Contact.contact_at >= start, Contact.contact_at < after)
    counted: dict[int | None, int] = dict(
        session.execute(
            select(contact_theme.c.theme_id, func.count())
            .select_from(Contact)
            .outerjoin(contact_theme, contact_theme.c.contact_id == Contact.id)
            .where(*in_period)
            .group_by(contact_theme.c.theme_id)
        ).all()
    )
    themes = session.execute(
        select(Theme.id, Theme.name, Theme.active).order_by(Theme.sort_order, Theme.name)
    ).all()
    rows = [
        BreakdownRow(name, (counted.get(theme_id, 0),))
        for theme_id, name, active in themes
        if active or counted.get(theme_id)
    ]
    if counted.get(None):
        rows.append(BreakdownRow(texts.NO_THEME, (counted[None],)))
    return Breakdown(
        key="contacts_by_theme",
        title="Contacten per thema",
        columns=("Thema van de hulpvraag", "Contacten"),
        rows=tuple(rows),
        note="Een hulpvraag kan meerdere thema's hebben en telt dan bij elk thema mee.",
    )


def referrals_by_organisation(session: OrmSession, period: Period) -> Breakdown:
    count = func.count(Referral.id)
    rows = session.execute(
        select(Organisation.name, count)
        .join(Organisation, Organisation.id == Referral.organisation_id)
        .where(Referral.referred_on.between(period.start, period.end))
        .group_by(Organisation.id, Organisation.name)
        .order_by(count.desc(), Organisation.name)
    ).all()
    total = sum(value for _name, value in rows)
    return Breakdown(
        key="referrals_by_organisation",
        title="Verwijzingen per instantie",
        columns=("Instantie", "Verwijzingen"),
        rows=tuple(BreakdownRow(name, (value,)) for name, value in rows),
        total=BreakdownRow("Totaal", (total,)),
    )


def referrals_by_outcome(session: OrmSession, period: Period) -> Breakdown:
    counted = dict(
        session.execute(
            select(Referral.status, func.count(Referral.id))
            .where(Referral.referred_on.between(period.start, period.end))
            .group_by(Referral.status)
        ).all()
    )
    return Breakdown(
        key="referrals_by_outcome",
        title="Verwijzingen per uitkomst",
        columns=("Uitkomst", "Verwijzingen"),
        rows=tuple(
            BreakdownRow(label, (counted.get(code, 0),)) for code, label in texts.REFERRAL_OUTCOMES
        ),
        note="De uitkomst zoals die nu bekend is, van de verwijzingen uit deze periode.",
        total=BreakdownRow("Totaal", (sum(counted.values()),)),
    )
