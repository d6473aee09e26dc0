"""The verwerkingsregister's facts: who the centre is and how long it keeps what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from minami_desk.documents.centre import CentreInfo


@dataclass(frozen=True)
class ProcessingRegister:
    centre: CentreInfo
    made_on: date
    resident_months: int
    contact_text_months: int
    audit_log_months: int
