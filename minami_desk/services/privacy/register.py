"""The verwerkingsregister's facts, from the settings: who the centre is and how long it keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.reports.centre_info import CentreInfo
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.centre import centre_info
from minami_desk.services.privacy.retention import (
    AUDIT_LOG_MONTHS,
    CONTACT_TEXT_MONTHS,
    RESIDENT_MONTHS,
    retention_periods,
)


@dataclass(frozen=True)
class ProcessingRegister:
    centre: CentreInfo
    made_on: date
    resident_months: int
    contact_text_months: int
    audit_log_months: int


def processing_register(db: Database, actor: Actor) -> ProcessingRegister:
    """The register's data; printing it is audit-logged like any document."""
    actor.require(Permission.MANAGE_SETTINGS)
    periods = retention_periods(db)
    with db.session() as session:
        record(session, actor, "printed", "processing_register", None)
    return ProcessingRegister(
        centre=centre_info(db),
        made_on=clock.today(),
        resident_months=periods[RESIDENT_MONTHS],
        contact_text_months=periods[CONTACT_TEXT_MONTHS],
        audit_log_months=periods[AUDIT_LOG_MONTHS],
    )
