"""The presentielijst of one session, as plain data: who is expected, and the session's details."""

from __future__ import annotations

from dataclasses import dataclass, field

from minami_desk.documents.centre import CentreInfo


@dataclass(frozen=True)
class SheetPerson:
    name: str  # as printed: "Berg, Anna van den"
    number: int  # the resident number, for entering the sheet afterwards
    # Photo consent in force: the session leader must know whom not to photograph.
    photos: bool = False


@dataclass(frozen=True)
class AttendanceSheet:
    centre: CentreInfo
    title: str
    kind: str
    when: str  # "dinsdag 1 december 2026, 19:00–21:00"
    location: str
    facilitator: str
    people: list[SheetPerson] = field(default_factory=list)
    capacity: int | None = None
    cancelled: bool = False
    printed_on: str = ""  # "27 november 2026"
