"""The words shown for the codes stored in the database (goals, statuses, stop reasons).

The goals are the six of the centre's own description, in its order; the Dutch translations
follow its wording so that a participant recognises them.
"""

from __future__ import annotations

from minami_desk.data.models import ASSESSMENT_MOMENTS, GOAL_CODES
from minami_desk.data.models import STOP_REASONS as STOP_REASONS  # the UI's vocabulary
from minami_desk.i18n import N_, _

GOAL_LABELS = {
    "clarity": N_("Clarity on where you get stuck"),
    "self_image": N_("A strong self-image"),
    "social_contacts": N_("Stronger social contacts"),
    "motivate_connect": N_("Motivating each other and connecting to society"),
    "agencies": N_("Knowing the way to agencies that can help"),
    "inner_calm": N_("Inner calm"),
    "own": N_("Own goal"),
}
CENTRE_GOALS = tuple(code for code in GOAL_CODES if code != "own")

STATUS_LABELS = {
    "active": N_("active"),
    "completed": N_("completed"),
    "stopped": N_("stopped"),
}

STOP_REASON_LABELS = {
    "moved": N_("moved away"),
    "no_contact": N_("no contact any more"),
    "referred": N_("referred"),
    "own_choice": N_("own choice"),
    "other": N_("other"),
}

MOMENT_LABELS = {
    "intake": N_("Intake"),
    "midway": N_("Midway evaluation"),
    "final": N_("Final evaluation"),
}

# The command line is a public interface: its status words are fixed Dutch, whatever --lang says.
CLI_STATUS_WORDS = {"active": "actief", "completed": "afgerond", "stopped": "gestopt"}

assert set(STOP_REASON_LABELS) == set(STOP_REASONS)
assert set(MOMENT_LABELS) == set(ASSESSMENT_MOMENTS)


def goal_label(code: str, own_text: str = "") -> str:
    """The goal as the participant reads it; an own goal is its own words."""
    if code == "own":
        return own_text or _(GOAL_LABELS["own"])
    return _(GOAL_LABELS[code])


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status])


def stop_reason_label(reason: str) -> str:
    return _(STOP_REASON_LABELS[reason])


def moment_label(moment: str) -> str:
    return _(MOMENT_LABELS[moment])
