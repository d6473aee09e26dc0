"""The words shown for the codes stored in the database (goals, statuses, stop reasons).

The tables live in ``documents.vocabulary``, beside the other codes' words.
"""

from __future__ import annotations

from minami_desk.data.models import ASSESSMENT_MOMENTS, GOAL_CODES
from minami_desk.data.models import STOP_REASONS as STOP_REASONS  # the UI's vocabulary
from minami_desk.documents.vocabulary import (
    GOAL_LABELS,
    MOMENT_LABELS,
    STOP_REASON_LABELS,
)
from minami_desk.documents.vocabulary import TRAJECTORY_STATUS_LABELS as STATUS_LABELS
from minami_desk.i18n import _

CENTRE_GOALS = tuple(code for code in GOAL_CODES if code != "own")

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
