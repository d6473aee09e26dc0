"""Success stories after completed trajectories, shared only as far as consent reaches."""

from __future__ import annotations

from datetime import date, timedelta

from minami_desk.services.demo import texts
from minami_desk.services.demo.attendance import TrajectoryDraft
from minami_desk.services.demo.core import Plan, Writer
from minami_desk.services.demo.people import add_consent

_SHARING = ("named", "anonymised", "not_shared")
_SHARING_WEIGHTS = (35, 35, 30)


def make_stories(
    plan: Plan, writer: Writer, trajectories: list[tuple[TrajectoryDraft, int, date | None]]
) -> int:
    """About one in five completed trajectories yields a story; a few consents are withdrawn."""
    rng = plan.rng
    made = 0
    candidates = [entry for entry in trajectories if entry[0].status == "completed"]
    for draft, trajectory_id, ceremony in candidates:
        forced = made == 0 and draft is candidates[-1][0]  # every demo has at least one story
        if rng.random() >= 0.2 and not forced:
            continue
        person = draft.person
        ended = draft.end_date or draft.start
        story_date = min(plan.today, (ceremony or ended) + timedelta(days=rng.randint(0, 30)))
        sharing = rng.choices(_SHARING, weights=_SHARING_WEIGHTS)[0]
        if made < 3:
            sharing = _SHARING[made]  # all three kinds occur, however small the demo
        pseudonym = rng.choice(texts.PSEUDONYMS) if sharing == "anonymised" else ""
        shown = pseudonym or person.name.first_name
        moment = plan.office_time(story_date)
        withdrawn = None
        if sharing != "not_shared" and (rng.random() < 0.06 or made == 1):
            withdrawn_on = min(plan.today, story_date + timedelta(days=rng.randint(1, 60)))
            withdrawn = max(moment, plan.office_time(withdrawn_on))
        if sharing != "not_shared":
            note = "Verhaal mag niet meer gedeeld worden." if withdrawn else ""
            add_consent(plan, writer, person, "story_sharing", moment, None, withdrawn, note)
        writer.add(
            "success_story",
            {
                "id": plan.next_id("success_story"),
                "title": rng.choice(texts.STORY_TITLES),
                "story": rng.choice(texts.STORY_TEXTS).format(name=shown),
                "story_date": story_date,
                "resident_id": person.id,
                "trajectory_id": trajectory_id,
                "sharing": sharing,
                "pseudonym": pseudonym,
                "consent_withdrawn_at": withdrawn,
                "created_at": moment,
                "updated_at": withdrawn or moment,
            },
        )
        made += 1
    return made
