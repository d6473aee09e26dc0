"""The milestone template every new trajectory copies, edited in Beheer.

Changing it never touches running trajectories: each keeps the steps it started with. The final
evaluation cannot be removed, because completing a trajectory depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import MILESTONE_OFFSETS as MILESTONE_OFFSETS  # the UI's vocabulary
from minami_desk.data.models import MilestoneTemplate
from minami_desk.errors import ValidationError
from minami_desk.i18n import N_, _
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record
from minami_desk.services.trajectories.schedule import FINAL_CODE

OFFSET_LABELS = {
    "start": N_("at the start"),
    "days": N_("days after the start"),
    "weeks": N_("weeks after the start"),
    "months": N_("months after the start"),
    "after_final": N_("days after the final evaluation"),
}
_CODE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class TemplateStep:
    """One row as Beheer edits it; ``id`` is None for a new step."""

    id: int | None
    title: str
    offset_kind: str
    offset_value: int
    active: bool = True
    code: str = ""


def list_template(db: Database, actor: Actor) -> list[TemplateStep]:
    actor.require(Permission.FIND_RESIDENTS)
    with db.read_session() as session:
        rows = session.scalars(
            select(MilestoneTemplate).order_by(MilestoneTemplate.sort_order, MilestoneTemplate.id)
        )
        return [
            TemplateStep(r.id, r.title, r.offset_kind, r.offset_value, r.active, r.code)
            for r in rows
        ]


def _validate(steps: Sequence[TemplateStep]) -> None:
    for index, step in enumerate(steps):
        field = f"row{index}"
        if not step.title.strip():
            raise ValidationError(field, _("Every step needs a name."))
        if len(step.title.strip()) > 200:
            raise ValidationError(field, _("The name of a step is too long."))
        if step.offset_kind not in MILESTONE_OFFSETS:
            raise ValidationError(field, _("Choose when the step is due."))
        if not 0 <= step.offset_value <= 400:
            raise ValidationError(field, _("The number must be between 0 and 400."))
    finals = [s for s in steps if s.code == FINAL_CODE and s.active]
    if not finals:
        raise ValidationError(
            "final",
            _("The final evaluation must stay in the list: completing a trajectory needs it."),
        )
    if finals[0].offset_kind == "after_final":
        raise ValidationError("final", _("The final evaluation cannot count from itself."))


def _new_code(title: str, taken: set[str]) -> str:
    base = _CODE.sub("_", title.lower()).strip("_")[:30] or "step"
    code, counter = base, 2
    while code in taken:
        code, counter = f"{base}_{counter}", counter + 1
    return code


def save_template(db: Database, actor: Actor, steps: Sequence[TemplateStep]) -> None:
    """Replace the template with ``steps`` in this order; rows left out are deactivated."""
    actor.require(Permission.MANAGE_SETTINGS)
    _validate(steps)
    with db.session() as session:
        existing = {row.id: row for row in session.scalars(select(MilestoneTemplate))}
        taken = {row.code for row in existing.values()}
        kept: set[int] = set()
        for order, step in enumerate(steps):
            row = existing.get(step.id) if step.id is not None else None
            if row is None:
                row = MilestoneTemplate(code=_new_code(step.title, taken))
                taken.add(row.code)
                session.add(row)
            else:
                kept.add(row.id)
            row.title = step.title.strip()
            row.offset_kind = step.offset_kind
            row.offset_value = step.offset_value
            row.sort_order = order
            row.active = step.active
        for row_id, row in existing.items():
            if row_id not in kept:
                row.active = False
        record(session, actor, "changed", "milestone_template", None, f"steps={len(steps)}")
