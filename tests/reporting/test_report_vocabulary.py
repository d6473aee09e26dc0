"""The report names genders, goals, age groups and outcomes as the Dutch screens do (issue 16)."""

from __future__ import annotations

from minami_desk import i18n
from minami_desk.documents import vocabulary
from minami_desk.services.reporting import texts
from minami_desk.services.trajectories.labels import goal_label


def test_report_rows_use_the_screens_words_not_a_second_vocabulary() -> None:
    try:
        i18n.set_language("nl")
        assert dict(texts.GOALS) == {code: goal_label(code) for code in vocabulary.GOAL_LABELS}
        screen_genders = {code: i18n._(msgid) for code, msgid in vocabulary.GENDER_LABELS.items()}
        assert dict(texts.GENDERS) == {**screen_genders, "unknown": texts.UNKNOWN}
        ages = {code: i18n._(msgid) for code, msgid in vocabulary.AGE_GROUP_LABELS.items()}
        assert dict(texts.AGE_GROUPS) == {**ages, "unknown": texts.UNKNOWN}
        outcomes = {c: i18n._(m) for c, m in vocabulary.REFERRAL_STATUS_LABELS.items()}
        assert dict(texts.REFERRAL_OUTCOMES) == outcomes
    finally:
        i18n.set_language("nl")
