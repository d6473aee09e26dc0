"""The report's printed wording: labels, definitions and code names, always in Dutch.

The report is a printed document for the board and the municipality, so like everything in
``reports/`` it is Dutch whatever the interface language; the Kerncijfer labels are moreover a
fixed format (column A of the spreadsheet, which the municipality reads by label). That is why
these are literals and not ``_()`` translations.
"""

from __future__ import annotations

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

AGE_GROUPS: tuple[tuple[str, str], ...] = (
    ("0-11", "Kinderen (0–11)"),
    ("12-17", "Tieners (12–17)"),
    ("18-26", "Jongvolwassenen (18–26)"),
    ("27-64", "Volwassenen (27–64)"),
    ("65+", "65+"),
    ("unknown", "Onbekend"),
)

GENDERS: tuple[tuple[str, str], ...] = (
    ("female", "Vrouw"),
    ("male", "Man"),
    ("other", "Anders"),
    ("undisclosed", "Wil het niet zeggen"),
    ("unknown", "Onbekend"),
)

REFERRAL_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("helped", "Geholpen"),
    ("contact_made", "Contact gelegd"),
    ("referred", "Verwezen, nog geen terugkoppeling"),
    ("not_helped", "Niet geholpen"),
    ("unknown", "Onbekend"),
)

GOALS: tuple[tuple[str, str], ...] = (
    ("clarity", "Inzicht in waar je vastloopt"),
    ("self_image", "Een sterk zelfbeeld"),
    ("social_contacts", "Sterkere sociale contacten"),
    ("motivate_connect", "Elkaar motiveren en verbinden"),
    ("agencies", "De weg weten naar instanties"),
    ("inner_calm", "Innerlijke rust"),
    ("own", "Eigen doel"),
)

UNKNOWN = "Onbekend"
NO_THEME = "Geen thema vastgelegd"
