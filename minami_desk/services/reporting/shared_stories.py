"""The success stories a report may print: shared with consent, never with a name.

Stand-in for ``services.stories.shareable_stories`` until that service is on main; it reads
the same rule: sharing "named" or "anonymised", consent not withdrawn. The report leaves the
centre, so even a "named" story is printed without the resident's name, and as a safety net
the resident's own first and last name are taken out of the title and text too (replaced by
the pseudonym, or by "[naam]"). The names are read here and never leave this module.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.data.models import Resident, SuccessStory
from minami_desk.services.reporting.model import StoryItem
from minami_desk.services.reporting.periods import Period

NAME_PLACEHOLDER = "[naam]"


def _without_names(text: str, names: tuple[str | None, ...], replacement: str) -> str:
    for name in sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", replacement, text, flags=re.IGNORECASE)
    return text


def shareable_stories(session: OrmSession, period: Period) -> tuple[StoryItem, ...]:
    rows = session.execute(
        select(
            SuccessStory.title,
            SuccessStory.story,
            SuccessStory.story_date,
            SuccessStory.sharing,
            SuccessStory.pseudonym,
            Resident.first_name,
            Resident.last_name,
        )
        .outerjoin(Resident, Resident.id == SuccessStory.resident_id)
        .where(
            SuccessStory.story_date.between(period.start, period.end),
            SuccessStory.sharing.in_(("named", "anonymised")),
            SuccessStory.consent_withdrawn_at.is_(None),
        )
        .order_by(SuccessStory.story_date, SuccessStory.id)
    ).all()
    stories = []
    for title, text, story_date, sharing, pseudonym, first_name, last_name in rows:
        shown_as = pseudonym if sharing == "anonymised" else ""
        full_name = f"{first_name} {last_name}" if first_name and last_name else None
        names = (full_name, first_name, last_name)  # the longest first: one placeholder each
        stories.append(
            StoryItem(
                title=_without_names(title, names, shown_as or NAME_PLACEHOLDER),
                text=_without_names(text, names, shown_as or NAME_PLACEHOLDER),
                story_date=story_date,
                display_name=shown_as,
            )
        )
    return tuple(stories)
