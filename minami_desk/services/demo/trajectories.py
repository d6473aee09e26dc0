"""Six-month trajectories in every stage: goals, rising scores, milestones, notes, certificates."""

from __future__ import annotations

from datetime import date, timedelta

from minami_desk.data.models import GOAL_CODES
from minami_desk.services.demo import texts
from minami_desk.services.demo.attendance import TrajectoryDraft
from minami_desk.services.demo.core import Plan, Writer, add_months, at

_CHOSEN_GOALS = tuple(code for code in GOAL_CODES if code != "own")
_MOMENT_STEPS = {"intake": "intake", "midway": "midway", "final": "final"}


def _due_dates(plan: Plan, start: date) -> list[tuple[str, str, int, date]]:
    """(code, title, order, due) per template step; "after the final" counts from the final."""
    steps = plan.reference.milestones
    final_due = add_months(start, 6)
    for code, _title, kind, value, _order in steps:
        if code == "final" and kind == "months":
            final_due = add_months(start, value)
    result = []
    for code, title, kind, value, order in steps:
        if kind == "start":
            due = start
        elif kind == "days":
            due = start + timedelta(days=value)
        elif kind == "weeks":
            due = start + timedelta(weeks=value)
        elif kind == "months":
            due = add_months(start, value)
        else:
            due = final_due + timedelta(days=value)
        result.append((code, title, order, due))
    return result


def _saturday_on_or_after(day: date) -> date:
    return day + timedelta(days=(5 - day.weekday()) % 7)


def make_trajectories(
    plan: Plan, writer: Writer, drafts: list[TrajectoryDraft], coaches: list[int]
) -> list[tuple[TrajectoryDraft, int, date | None]]:
    """Write every trajectory; returns (draft, id, ceremony day if held) for success stories."""
    rng = plan.rng
    certificates: list[tuple[date, int, date]] = []
    made = []
    for draft in sorted(drafts, key=lambda d: (d.start, d.person.id)):
        trajectory_id = plan.next_id("trajectory")
        coach = rng.choice(coaches)
        last_day = min(draft.end_date or plan.today, plan.today)
        steps = _due_dates(plan, draft.start)
        ceremony = None
        moments: dict[str, date] = {"intake": draft.start}
        for code, title, order, due in steps:
            done = None
            original = due
            reason = ""
            if rng.random() < 0.05:
                due = due + timedelta(days=rng.randint(7, 14))
                reason = "Afspraak verzet op verzoek van de deelnemer."
            if code == "ceremony":
                held = _saturday_on_or_after(due)
                if draft.status == "completed" and held <= plan.today:
                    done = ceremony = held
            elif draft.status == "completed":  # every step up to the final evaluation done
                done = min(last_day, max(draft.start, due + timedelta(days=rng.randint(-3, 7))))
                if code == "final":
                    done = last_day  # the end date is the day of the final evaluation
            elif due <= last_day and (draft.status != "active" or rng.random() < 0.88):
                done = min(last_day, due + timedelta(days=rng.randint(-3, 7)))
                done = max(done, draft.start)
            if draft.status == "stopped" and due > last_day:
                done = None
            if done is not None and code in _MOMENT_STEPS:
                moments[_MOMENT_STEPS[code]] = done
            writer.add(
                "milestone",
                {
                    "id": plan.next_id("milestone"),
                    "trajectory_id": trajectory_id,
                    "code": code,
                    "title": title,
                    "sort_order": order,
                    "due_on": due,
                    "original_due_on": original,
                    "moved_reason": reason,
                    "done_on": done,
                    "note": rng.choice(texts.MILESTONE_NOTES) if done else "",
                },
            )
        if draft.status != "completed":
            moments.pop("final", None)
        _goals(plan, writer, trajectory_id, moments)
        notes_until = _notes(plan, writer, trajectory_id, draft.start, last_day, coach)
        if ceremony is not None:
            certificates.append((ceremony, trajectory_id, draft.end_date or ceremony))
        created = at(draft.start, 10)
        updated = max(created, at(max(notes_until, draft.end_date or draft.start), 16))
        writer.add(
            "trajectory",
            {
                "id": trajectory_id,
                "resident_id": draft.person.id,
                "coach_id": coach,
                "start_date": draft.start,
                "planned_end_date": draft.planned_end,
                "end_date": draft.end_date,
                "status": draft.status,
                "stop_reason": draft.stop_reason,
                "stop_note": rng.choice(texts.STOP_NOTES[draft.stop_reason])
                if draft.stop_reason
                else "",
                "created_at": created,
                "updated_at": updated,
            },
        )
        made.append((draft, trajectory_id, ceremony))
    _certificates(plan, writer, certificates)
    return made


def _goals(plan: Plan, writer: Writer, trajectory_id: int, moments: dict[str, date]) -> None:
    """Two to four goals; each self-score tends to rise from intake to the final evaluation."""
    rng = plan.rng
    codes = sorted(rng.sample(_CHOSEN_GOALS, rng.randint(2, 4)), key=GOAL_CODES.index)
    if rng.random() < 0.2:
        codes.append("own")
    for code in codes:
        goal_id = plan.next_id("trajectory_goal")
        writer.add(
            "trajectory_goal",
            {
                "id": goal_id,
                "trajectory_id": trajectory_id,
                "code": code,
                "own_text": rng.choice(texts.OWN_GOALS) if code == "own" else "",
            },
        )
        score = rng.randint(2, 6)
        for moment in ("intake", "midway", "final"):
            if moment not in moments:
                continue
            if moment != "intake":
                score = max(1, min(10, score + rng.choice((-1, 0, 1, 1, 2, 2, 3))))
            writer.add(
                "self_assessment",
                {
                    "id": plan.next_id("self_assessment"),
                    "goal_id": goal_id,
                    "moment": moment,
                    "score": score,
                    "recorded_on": moments[moment],
                },
            )


def _notes(
    plan: Plan, writer: Writer, trajectory_id: int, start: date, last: date, coach: int
) -> date:
    """A coach's note every three to five weeks; returns the day of the last one."""
    rng = plan.rng
    day = start + timedelta(days=rng.randint(0, 6))
    written = start
    while day <= last:
        writer.add(
            "progress_note",
            {
                "id": plan.next_id("progress_note"),
                "trajectory_id": trajectory_id,
                "author_id": coach,
                "written_on": day,
                "text": rng.choice(texts.PROGRESS_NOTES),
            },
        )
        written = day
        day += timedelta(weeks=rng.randint(3, 5))
    return written


def _certificates(plan: Plan, writer: Writer, held: list[tuple[date, int, date]]) -> None:
    """Numbers "2026-017" run per year in the order of the ceremonies."""
    rng = plan.rng
    sequence: dict[int, int] = {}
    for issued_on, trajectory_id, ended in sorted(held):
        year = issued_on.year
        sequence[year] = sequence.get(year, 0) + 1
        printed_on = max(ended, issued_on - timedelta(days=rng.randint(1, 5)))
        writer.add(
            "certificate",
            {
                "id": plan.next_id("certificate"),
                "trajectory_id": trajectory_id,
                "year": year,
                "sequence": sequence[year],
                "number": f"{year}-{sequence[year]:03d}",
                "issued_on": issued_on,
                "place": "Amsterdam Zuidoost",
                "first_printed_at": plan.office_time(printed_on),
                "print_count": rng.choice((1, 1, 1, 2)),
            },
        )
