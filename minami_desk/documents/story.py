"""A success story as it may be printed: only the name its consent allows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class StoryForPrint:
    """A story as it may appear in print: only the name the consent allows."""

    title: str
    text: str
    date: date
    display_name: str
    anonymised: bool = False  # the name is a pseudonym; print says so
