"""The verwerkingsregister's facts, from the settings: who the centre is and how long it keeps."""

from __future__ import annotations

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.documents.processing_register import ProcessingRegister
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.centre import centre_info
from minami_desk.services.privacy.retention import (
    AUDIT_LOG_MONTHS,
    CONTACT_TEXT_MONTHS,
    RESIDENT_MONTHS,
    retention_periods,
)


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
