"""One certificate as printed at the ceremony, as plain data built by the trajectories service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CertificatePage:
    """Everything one certificate shows; built by the trajectories service."""

    number: str
    full_name: str
    text: str  # the centre's text with its placeholders already filled in
    start_date: date
    end_date: date
    ceremony_date: date
    place: str
    coach_name: str
    coordinator_name: str
