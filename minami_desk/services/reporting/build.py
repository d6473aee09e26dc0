"""Assemble the monthly (or quarterly, yearly) report from its queries, in one read session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.documents.monthly_report import KeyFigure, MonthlyReport
from minami_desk.documents.periods import Period
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.centre import centre_info
from minami_desk.services.reporting import texts
from minami_desk.services.reporting.breakdowns import (
    contacts_by_theme,
    participant_groups,
    referrals_by_organisation,
    referrals_by_outcome,
    sessions_by_kind,
)
from minami_desk.services.reporting.figures import held_session_rows, key_figure_values
from minami_desk.services.reporting.outcome import goal_outcomes, weekly_attendance
from minami_desk.services.reporting.shared_stories import shareable_stories

Progress = Callable[[float], None]

_DECIMALS = {"average_attendance": 1}


def build_monthly_report(
    db: Database,
    actor: Actor,
    period: Period,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> MonthlyReport:
    """Counts only: the report names no resident and holds no contact details."""
    actor.require(Permission.VIEW_REPORTS)
    moment = now or clock.now()
    report_progress = progress or (lambda _fraction: None)
    previous, last_year = period.previous(), period.year_earlier()
    with db.read_session() as session:
        values = key_figure_values(session, period, moment)
        report_progress(0.2)
        before = key_figure_values(session, previous, moment)
        a_year_ago = key_figure_values(session, last_year, moment)
        report_progress(0.5)
        held = held_session_rows(session, period, moment)
        by_age, by_wijk, by_gender = participant_groups(session, period, moment)
        breakdowns = (
            sessions_by_kind(session, period, moment, held, int(values["unique_participants"])),
            by_age,
            by_wijk,
            by_gender,
            contacts_by_theme(session, period),
            referrals_by_organisation(session, period),
            referrals_by_outcome(session, period),
        )
        report_progress(0.75)
        outcomes = goal_outcomes(session, period)
        weeks = weekly_attendance(period, held)
    report_progress(0.95)
    figures = tuple(
        KeyFigure(
            key=key,
            label=label,
            definition=definition,
            value=values[key],
            previous=before[key],
            last_year=a_year_ago[key],
            decimals=_DECIMALS.get(key, 0),
        )
        for key, label, definition in texts.KEY_FIGURES
    )
    result = MonthlyReport(
        period=period,
        previous=previous,
        last_year=last_year,
        made_on=moment.astimezone(clock.AMSTERDAM).date(),
        centre=centre_info(db),
        figures=figures,
        breakdowns=breakdowns,
        outcomes=outcomes,
        weeks=weeks,
        stories=shareable_stories(db, period),
    )
    report_progress(1.0)
    return result
