"""What a report holds: plain data, no database objects, no names — ready to render anywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from minami_desk.documents.centre import CentreInfo
from minami_desk.documents.periods import Period


@dataclass(frozen=True)
class KeyFigure:
    """One Kerncijfer for the period, the period before it and the same period a year earlier."""

    key: str
    label: str  # Dutch, exactly as printed and as column A of the spreadsheet
    definition: str  # one Dutch sentence for the appendix
    value: float
    previous: float
    last_year: float
    decimals: int = 0


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Breakdown:
    """A small table: a label column and number columns, optionally a total row."""

    key: str
    title: str  # Dutch; also the spreadsheet's sheet name (at most 31 characters)
    columns: tuple[str, ...]  # Dutch headers, the first one for the label column
    rows: tuple[BreakdownRow, ...]
    decimals: tuple[int, ...] = ()  # per number column; 0 when not given
    note: str = ""  # one Dutch sentence under the table
    total: BreakdownRow | None = None

    def decimals_of(self, column: int) -> int:
        return self.decimals[column] if column < len(self.decimals) else 0


@dataclass(frozen=True)
class GoalOutcome:
    """Average self-assessment for one goal over the trajectories completed in the period."""

    code: str
    label: str
    participants: int  # goals with both an intake and a final score
    intake: float
    final: float

    @property
    def change(self) -> float:
        return self.final - self.intake


@dataclass(frozen=True)
class WeekAttendance:
    """Attendances in the held sessions of one ISO week (Monday ``week_start``)."""

    week_start: date
    week_number: int
    attendances: int
    sessions: int


@dataclass(frozen=True)
class StoryItem:
    """A story that may be shared; ``display_name`` is a pseudonym or empty, never a name."""

    title: str
    text: str
    story_date: date
    display_name: str


@dataclass(frozen=True)
class MonthlyReport:
    period: Period
    previous: Period
    last_year: Period
    made_on: date
    centre: CentreInfo  # the centre's own details for the header, no resident's
    figures: tuple[KeyFigure, ...]
    breakdowns: tuple[Breakdown, ...]
    outcomes: tuple[GoalOutcome, ...]
    weeks: tuple[WeekAttendance, ...]
    stories: tuple[StoryItem, ...]

    def figure(self, key: str) -> KeyFigure:
        for item in self.figures:
            if item.key == key:
                return item
        raise KeyError(key)

    def breakdown(self, key: str) -> Breakdown:
        for item in self.breakdowns:
            if item.key == key:
                return item
        raise KeyError(key)
