"""The report's printed wording: labels, definitions and code names, always in Dutch.

The report is a printed document for the board and the municipality, so like everything in
``reports/`` it is Dutch whatever the interface language; the Kerncijfer labels are moreover a
fixed format (column A of the spreadsheet, which the municipality reads by label). That is why
these are literals and not ``_()`` translations. The codes' words (genders, goals, age
groups, outcomes) are not a format but the program's vocabulary: they come from the catalogue
in Dutch, so the report names a goal as the screen and the certificate do.
"""

from __future__ import annotations

from minami_desk.documents import vocabulary
from minami_desk.i18n import dutch

# (key, label, definition) in the order of the Kerncijfers table.
KEY_FIGURES: tuple[tuple[str, str, str], ...] = (
    (
        "unique_participants",
        "Unieke deelnemers",
        "Het aantal verschillende bewoners dat minstens één keer als aanwezig is afgevinkt bij "
        "een gehouden bijeenkomst in de periode; wie vaker kwam, telt één keer.",
    ),
    (
        "new_registrations",
        "Nieuwe inschrijvingen",
        "Het aantal bewoners met een inschrijfdatum in de periode (samengevoegde dubbele "
        "inschrijvingen tellen niet mee).",
    ),
    (
        "sessions",
        "Bijeenkomsten",
        "Het aantal bijeenkomsten dat in de periode is begonnen en niet is afgelast.",
    ),
    (
        "attendances",
        "Aanwezigheden",
        "Het aantal keer dat een bewoner als aanwezig is afgevinkt bij een gehouden "
        "bijeenkomst in de periode, inclusief binnenlopers.",
    ),
    (
        "average_attendance",
        "Gemiddelde opkomst per bijeenkomst",
        "Aanwezigheden gedeeld door het aantal gehouden bijeenkomsten.",
    ),
    (
        "contacts",
        "Inloopcontacten",
        "Het aantal contactmomenten aan de balie, telefonisch, via WhatsApp, e-mail of huisbezoek "
        "in de periode.",
    ),
    (
        "active_trajectories",
        "Actieve trajecten",
        "Het aantal persoonlijke trajecten dat op enig moment in de periode liep.",
    ),
    (
        "started_trajectories",
        "Gestarte trajecten",
        "Het aantal trajecten met een startdatum in de periode.",
    ),
    (
        "completed_trajectories",
        "Afgeronde trajecten",
        "Het aantal trajecten dat in de periode met succes is afgerond.",
    ),
    (
        "stopped_trajectories",
        "Gestopte trajecten",
        "Het aantal trajecten dat in de periode voortijdig is gestopt.",
    ),
    (
        "certificates",
        "Uitgereikte certificaten",
        "Het aantal certificaten met een uitreikingsdatum in de periode.",
    ),
    (
        "referrals",
        "Verwijzingen",
        "Het aantal verwijzingen naar een instantie met een verwijsdatum in de periode.",
    ),
    (
        "stories",
        "Succesverhalen",
        "Het aantal succesverhalen met een datum in de periode, ook de verhalen die niet "
        "gedeeld mogen worden.",
    ),
)

KEY_FIGURE_LABELS: tuple[str, ...] = tuple(label for _key, label, _definition in KEY_FIGURES)

UNKNOWN = "Onbekend"


def _words(
    table: dict[str, str], order: tuple[str, ...] | None = None
) -> tuple[tuple[str, str], ...]:
    """(code, Dutch word) from the one catalogue, as the screens say it."""
    return tuple((code, dutch(table[code])) for code in (order or tuple(table)))


# The breakdowns' row names: the codes' words from the catalogue, not a second vocabulary.
AGE_GROUPS = (*_words(vocabulary.AGE_GROUP_LABELS), ("unknown", UNKNOWN))
GENDERS = (*_words(vocabulary.GENDER_LABELS), ("unknown", UNKNOWN))
REFERRAL_OUTCOMES = _words(
    vocabulary.REFERRAL_STATUS_LABELS,
    ("helped", "contact_made", "referred", "not_helped", "unknown"),
)
GOALS = _words(vocabulary.GOAL_LABELS)
NO_THEME = "Geen thema vastgelegd"
