"""The success stories a report may print: shared with consent, never with a name.

Stand-in for ``services.stories.shareable_stories`` until that service is on main; it reads
the same rule: sharing "named" or "anonymised", consent not withdrawn. The report leaves the
centre, so even a "named" story is printed without the resident's name; an anonymised one
carries its pseudonym.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from minami_desk.data.models import SuccessStory
from minami_desk.services.reporting.model import StoryItem
from minami_desk.services.reporting.periods import Period


def shareable_stories(session: OrmSession, period: Period) -> tuple[StoryItem, ...]:
    rows = session.execute(
        select(
            SuccessStory.title,
            SuccessStory.story,
            SuccessStory.story_date,
            SuccessStory.sharing,
            SuccessStory.pseudonym,
        )
        .where(
            SuccessStory.story_date.between(period.start, period.end),
            SuccessStory.sharing.in_(("named", "anonymised")),
            SuccessStory.consent_withdrawn_at.is_(None),
        )
        .order_by(SuccessStory.story_date, SuccessStory.id)
    ).all()
    return tuple(
        StoryItem(
            title=title,
            text=text,
            story_date=story_date,
            display_name=pseudonym if sharing == "anonymised" else "",
        )
        for title, text, story_date, sharing, pseudonym in rows
    )
