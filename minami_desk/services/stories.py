"""Success stories and their sharing consent: named, anonymised, or not to be shared.

A story reaches a report, the wall or the newsletter only through ``shareable_stories`` or
``story_for_print``, which both apply the same rule (``_shareable``): consent to share, not
withdrawn, and — for a named story — a resident who still exists under that name. Withdrawal is
final for that story, so an old month printed again later no longer shows it either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import STORY_SHARING, Consent, Resident, SuccessStory, Trajectory
from minami_desk.documents.story import StoryForPrint
from minami_desk.documents.vocabulary import SHARING_LABELS
from minami_desk.errors import NotFoundError, UserError, ValidationError
from minami_desk.i18n import _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.text import fold, words

SHAREABLE = ("named", "anonymised")
MAX_TITLE = 200
MAX_PSEUDONYM = 120
# What still fits on one printed page at a readable size (see reports/story.py).
MAX_STORY = 3000

assert set(SHARING_LABELS) == set(STORY_SHARING)


def sharing_label(sharing: str) -> str:
    return _(SHARING_LABELS[sharing])


@dataclass(frozen=True)
class StoryInput:
    title: str
    story: str
    story_date: date
    sharing: str = "not_shared"
    pseudonym: str = ""
    resident_id: int | None = None
    trajectory_id: int | None = None


@dataclass(frozen=True)
class StoryRow:
    id: int
    title: str
    story: str
    story_date: date
    sharing: str
    pseudonym: str
    resident_id: int | None
    resident_name: str
    resident_number: int | None
    trajectory_id: int | None
    consent_withdrawn_at: datetime | None
    shareable: bool


@dataclass(frozen=True)
class TrajectoryChoice:
    id: int
    start_date: date
    status: str


def _story_consent_withdrawn(session: Session, resident_id: int) -> bool:
    """True when the resident's latest story-sharing consent on file is refused or withdrawn."""
    latest = session.scalars(
        select(Consent)
        .where(Consent.resident_id == resident_id, Consent.kind == "story_sharing")
        .order_by(Consent.given_at.desc(), Consent.id.desc())
        .limit(1)
    ).first()
    return latest is not None and (not latest.given or latest.withdrawn_at is not None)


def _shareable(session: Session, story: SuccessStory, resident: Resident | None) -> bool:
    if story.sharing not in SHAREABLE or story.consent_withdrawn_at is not None:
        return False
    if resident is not None:
        if resident.anonymised_at is not None:
            return False
        if _story_consent_withdrawn(session, resident.id):
            return False
    if story.sharing == "named":
        return resident is not None
    return bool(story.pseudonym.strip())


def _for_print(story: SuccessStory, resident: Resident | None) -> StoryForPrint:
    if story.sharing == "named" and resident is not None:
        name = resident.full_name
    else:
        name = story.pseudonym.strip()
    return StoryForPrint(
        title=story.title,
        text=story.story,
        date=story.story_date,
        display_name=name,
        anonymised=story.sharing == "anonymised",
    )


def shareable_stories(db: Database, period_start: date, period_end: date) -> list[StoryForPrint]:
    """The stories of a period that may be shared, oldest first, for reports to print.

    No actor: a report shows only what the resident agreed to show anyone, and nothing else.
    """
    statement = (
        select(SuccessStory, Resident)
        .outerjoin(Resident, Resident.id == SuccessStory.resident_id)
        .where(SuccessStory.story_date >= period_start, SuccessStory.story_date <= period_end)
        .where(SuccessStory.sharing.in_(SHAREABLE))
        .where(SuccessStory.consent_withdrawn_at.is_(None))
        .order_by(SuccessStory.story_date, SuccessStory.id)
    )
    with db.read_session() as session:
        return [
            _for_print(story, resident)
            for story, resident in session.execute(statement)
            if _shareable(session, story, resident)
        ]


def _row(session: Session, story: SuccessStory, resident: Resident | None) -> StoryRow:
    return StoryRow(
        id=story.id,
        title=story.title,
        story=story.story,
        story_date=story.story_date,
        sharing=story.sharing,
        pseudonym=story.pseudonym,
        resident_id=story.resident_id,
        resident_name=resident.full_name if resident is not None else "",
        resident_number=resident.number if resident is not None else None,
        trajectory_id=story.trajectory_id,
        consent_withdrawn_at=story.consent_withdrawn_at,
        shareable=_shareable(session, story, resident),
    )


def list_stories(
    db: Database, actor: Actor, search: str = "", resident_id: int | None = None
) -> list[StoryRow]:
    """Newest first; ``search`` matches title and pseudonym, accents ignored."""
    actor.require(Permission.MANAGE_STORIES)
    statement = select(SuccessStory, Resident).outerjoin(
        Resident, Resident.id == SuccessStory.resident_id
    )
    if resident_id is not None:
        statement = statement.where(SuccessStory.resident_id == resident_id)
    statement = statement.order_by(SuccessStory.story_date.desc(), SuccessStory.id.desc())
    needle = words(search)
    with db.read_session() as session:
        rows = [_row(session, story, resident) for story, resident in session.execute(statement)]
    if needle:
        rows = [
            row
            for row in rows
            if all(
                word in fold(f"{row.title} {row.pseudonym} {row.resident_name}") for word in needle
            )
        ]
    return rows


def get_story(db: Database, actor: Actor, story_id: int) -> StoryRow:
    actor.require(Permission.MANAGE_STORIES)
    with db.read_session() as session:
        story = session.get(SuccessStory, story_id)
        if story is None:
            raise NotFoundError(_("This story no longer exists."))
        resident = session.get(Resident, story.resident_id) if story.resident_id else None
        return _row(session, story, resident)


def trajectory_choices(db: Database, actor: Actor, resident_id: int) -> list[TrajectoryChoice]:
    """The resident's trajectories a story can be linked to, newest first."""
    actor.require(Permission.MANAGE_STORIES)
    with db.read_session() as session:
        trajectories = session.scalars(
            select(Trajectory)
            .where(Trajectory.resident_id == resident_id)
            .order_by(Trajectory.start_date.desc())
        )
        return [TrajectoryChoice(t.id, t.start_date, t.status) for t in trajectories]


def _name_words(resident: Resident) -> set[str]:
    """Words that would give the resident away; infixes such as "van" or "de" are no giveaway."""
    return set(words(f"{resident.first_name} {resident.last_name}"))


def _validate(session: Session, data: StoryInput) -> tuple[StoryInput, Resident | None]:
    errors: dict[str, str] = {}
    title = " ".join(data.title.split())
    text = data.story.strip()
    pseudonym = " ".join(data.pseudonym.split())
    resident_id = data.resident_id
    if not title:
        errors["title"] = _("Give the story a title.")
    elif len(title) > MAX_TITLE:
        errors["title"] = _("The title is too long (at most {count} characters).").format(
            count=MAX_TITLE
        )
    if not text:
        errors["story"] = _("Write the story.")
    elif len(text) > MAX_STORY:
        errors["story"] = _(
            "The story is too long for one page (at most {count} characters)."
        ).format(count=MAX_STORY)
    if data.story_date > clock.today():
        errors["story_date"] = _("The date cannot be in the future.")
    if data.sharing not in STORY_SHARING:
        errors["sharing"] = _("Choose whether the story may be shared.")
    if data.trajectory_id is not None:
        trajectory = session.get(Trajectory, data.trajectory_id)
        if trajectory is None:
            errors["trajectory"] = _("This trajectory no longer exists.")
        elif resident_id is None:
            resident_id = trajectory.resident_id
        elif trajectory.resident_id != resident_id:
            errors["trajectory"] = _("This trajectory belongs to another resident.")
    resident = session.get(Resident, resident_id) if resident_id is not None else None
    if resident_id is not None and (resident is None or resident.anonymised_at is not None):
        errors["resident"] = _("This resident no longer exists.")
    if data.sharing == "named" and resident is None and "resident" not in errors:
        errors["sharing"] = _(
            "A story shared with a name must be linked to the resident it is about."
        )
    if data.sharing == "anonymised":
        if not pseudonym:
            errors["pseudonym"] = _("Choose a pseudonym for the anonymised story.")
        elif len(pseudonym) > MAX_PSEUDONYM:
            errors["pseudonym"] = _("The pseudonym is too long.")
        elif resident is not None:
            real = _name_words(resident)
            if real & set(words(pseudonym)):
                errors["pseudonym"] = _("The pseudonym may not contain the resident's real name.")
            elif real & set(words(f"{title} {text}")):
                errors["story"] = _(
                    "The story still mentions the resident's real name. Remove it, or share "
                    "the story with the name."
                )
    if errors:
        raise ValidationError(errors)
    cleaned = StoryInput(
        title=title,
        story=text,
        story_date=data.story_date,
        sharing=data.sharing,
        pseudonym=pseudonym if data.sharing == "anonymised" else "",
        resident_id=resident_id,
        trajectory_id=data.trajectory_id,
    )
    return cleaned, resident


def save_story(db: Database, actor: Actor, data: StoryInput, story_id: int | None = None) -> int:
    """Add a story (``story_id`` None) or change one; returns its id."""
    actor.require(Permission.MANAGE_STORIES)
    with db.session() as session:
        cleaned, _resident = _validate(session, data)
        if story_id is None:
            story = SuccessStory(title=cleaned.title, story=cleaned.story)
            session.add(story)
        else:
            found = session.get(SuccessStory, story_id)
            if found is None:
                raise NotFoundError(_("This story no longer exists."))
            story = found
            if story.consent_withdrawn_at is not None and cleaned.sharing != story.sharing:
                raise ValidationError(
                    "sharing",
                    _(
                        "Consent for this story was withdrawn. It stays unshared; for new "
                        "consent, write the story again."
                    ),
                )
        story.title = cleaned.title
        story.story = cleaned.story
        story.story_date = cleaned.story_date
        story.sharing = cleaned.sharing
        story.pseudonym = cleaned.pseudonym
        story.resident_id = cleaned.resident_id
        story.trajectory_id = cleaned.trajectory_id
        session.flush()
        record(
            session, actor, "created" if story_id is None else "changed", "success_story", story.id
        )
        return story.id


def withdraw_consent(db: Database, actor: Actor, story_id: int) -> None:
    """The resident no longer wants the story shared: from now on no report shows it."""
    actor.require(Permission.MANAGE_STORIES)
    with db.session() as session:
        story = session.get(SuccessStory, story_id)
        if story is None:
            raise NotFoundError(_("This story no longer exists."))
        if story.consent_withdrawn_at is None:
            story.consent_withdrawn_at = clock.utcnow()
            record(session, actor, "changed", "success_story", story.id, "consent_withdrawn")


def story_for_print(db: Database, actor: Actor, story_id: int) -> StoryForPrint:
    """The story for the wall or the newsletter; refused when it may not be shared."""
    actor.require(Permission.MANAGE_STORIES)
    with db.session() as session:
        story = session.get(SuccessStory, story_id)
        if story is None:
            raise NotFoundError(_("This story no longer exists."))
        resident = session.get(Resident, story.resident_id) if story.resident_id else None
        if not _shareable(session, story, resident):
            raise UserError(
                _("This story may not be shared, so it cannot be printed. Check the consent.")
            )
        record(session, actor, "printed", "success_story", story.id)
        return _for_print(story, resident)
