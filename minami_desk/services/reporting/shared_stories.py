"""The success stories a report may print, from the stories service, never with a name.

``services.stories.shareable_stories`` decides which stories may be shared (consent, not
withdrawn, the resident still known). The report leaves the centre, so a "named" story is
printed without the name, and that name is taken out of its title and text too ("de
deelnemer" reads on naturally); an anonymised story keeps its pseudonym.
"""

from __future__ import annotations

import re

from minami_desk.data.db import Database
from minami_desk.documents.monthly_report import StoryItem
from minami_desk.documents.periods import Period
from minami_desk.services.stories import shareable_stories as stories_to_share

STAND_IN = "de deelnemer"


def _name_parts(full_name: str) -> list[str]:
    """The whole name, then each capitalised part ("van den" and initials stay)."""
    parts = [part for part in full_name.split() if len(part) > 2 and part[0].isupper()]
    return sorted({full_name, *parts}, key=len, reverse=True)


def _without(text: str, names: list[str]) -> str:
    def stand_in(match: re.Match[str]) -> str:
        before = text[: match.start()].rstrip()
        starts_sentence = not before or before[-1] in ".!?:\"'“‘"
        return STAND_IN.capitalize() if starts_sentence else STAND_IN

    for name in names:
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
        text = re.sub(pattern, stand_in, text, flags=re.IGNORECASE)
    return text


def shareable_stories(db: Database, period: Period) -> tuple[StoryItem, ...]:
    items = []
    for story in stories_to_share(db, period.start, period.end):
        if story.anonymised:
            title, text, shown_as = story.title, story.text, story.display_name
        else:
            names = _name_parts(story.display_name) if story.display_name.strip() else []
            title, text, shown_as = _without(story.title, names), _without(story.text, names), ""
        items.append(StoryItem(title, text, story.date, shown_as))
    return tuple(items)
