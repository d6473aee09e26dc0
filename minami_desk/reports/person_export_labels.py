"""Dutch words for the inzage PDF: field labels and sections (printed, so Dutch here).

The codes' words are not written here: they come from ``documents.vocabulary`` through the
catalogue, so the inzage says what the screens say.
"""

from __future__ import annotations

from minami_desk.documents import vocabulary

LABELS = {
    "number": "Bewonersnummer",
    "first_name": "Voornaam",
    "infix": "Tussenvoegsel",
    "last_name": "Achternaam",
    "birth_date": "Geboortedatum",
    "age_group": "Leeftijdsgroep",
    "gender": "Geslacht",
    "phone": "Telefoon",
    "email": "E-mail",
    "postcode": "Postcode",
    "wijk": "Wijk",
    "languages": "Talen",
    "found_via": "Bij ons gekomen via",
    "note": "Notitie",
    "registered_on": "Ingeschreven op",
    "minor_free_help": "Minderjarige, vrije hulp",
    "guardian_name": "Ouder/voogd",
    "guardian_phone": "Telefoon ouder/voogd",
    "archived_at": "Gearchiveerd op",
    "anonymised_at": "Geanonimiseerd op",
    "merged_into_id": "Samengevoegd met record",
    "created_at": "Vastgelegd op",
    "updated_at": "Laatst gewijzigd",
    "kind": "Soort",
    "given": "Gegeven",
    "given_at": "Datum",
    "given_by": "Gegeven door",
    "by_guardian": "Door ouder/voogd",
    "recorded_by_name": "Vastgelegd door",
    "withdrawn_at": "Ingetrokken op",
    "withdrawn_note": "Toelichting intrekking",
    "contact_at": "Datum en tijd",
    "channel": "Kanaal",
    "help_request": "Hulpvraag",
    "handled_by_name": "Gesproken met",
    "follow_up_on": "Terugbellen/opvolgen op",
    "follow_up_done_at": "Opvolging gedaan op",
    "themes": "Thema's",
    "status": "Status",
    "registered_at": "Aangemeld op",
    "walk_in": "Binnengelopen",
    "start_date": "Begonnen op",
    "planned_end_date": "Gepland einde",
    "end_date": "Geëindigd op",
    "stop_reason": "Reden van stoppen",
    "stop_note": "Toelichting stoppen",
    "coach_name": "Begeleider",
    "code": "Doel",
    "own_text": "Eigen doel",
    "moment": "Moment",
    "score": "Score (1–10)",
    "recorded_on": "Datum",
    "title": "Titel",
    "due_on": "Gepland op",
    "original_due_on": "Oorspronkelijk gepland op",
    "moved_reason": "Reden verplaatsing",
    "done_on": "Gedaan op",
    "written_on": "Datum",
    "text": "Notitie",
    "author_name": "Geschreven door",
    "issued_on": "Uitgereikt op",
    "place": "Plaats",
    "first_printed_at": "Eerst afgedrukt op",
    "print_count": "Aantal keer afgedrukt",
    "organisation": "Instantie",
    "referred_on": "Verwezen op",
    "reason": "Reden",
    "handover": "Overdracht",
    "outcome_note": "Uitkomst",
    "staff_name": "Verwezen door",
    "closed_on": "Afgesloten op",
    "story": "Verhaal",
    "story_date": "Datum",
    "sharing": "Delen",
    "pseudonym": "Schuilnaam",
    "consent_withdrawn_at": "Toestemming ingetrokken op",
}
# Internal keys (search keys, links between tables) that mean nothing to the reader.
HIDDEN = {
    "id",
    "resident_id",
    "contact_id",
    "sort_key",
    "phone_digits",
    "session_id",
    "trajectory_id",
    "goal_id",
    "organisation_id",
    "handled_by_id",
    "recorded_by_id",
    "coach_id",
    "author_id",
    "staff_id",
    "year",
    "sequence",
    "sort_order",
    "assessments",
}
# Which code table reads each field, per section ("status" means three things). The words
# come from the one catalogue, in Dutch (``i18n.dutch``), as the screens show them.
RESIDENT_CODES: dict[str, dict[str, str]] = {
    "gender": vocabulary.GENDER_LABELS,
    "age_group": vocabulary.AGE_GROUP_LABELS,
}
SECTION_CODES: dict[str, dict[str, dict[str, str]]] = {
    "consents": {"kind": vocabulary.CONSENT_LABELS},
    "contacts": {"channel": vocabulary.CHANNEL_LABELS},
    "attendance": {"status": vocabulary.ATTENDANCE_WORDS},
    "trajectories": {
        "status": vocabulary.TRAJECTORY_STATUS_LABELS,
        "stop_reason": vocabulary.STOP_REASON_LABELS,
    },
    "referrals": {
        "status": vocabulary.REFERRAL_STATUS_LABELS,
        "handover": vocabulary.HANDOVER_LABELS,
    },
    "stories": {"sharing": vocabulary.SHARING_LABELS},
    "merged_records": RESIDENT_CODES,
}
GOAL_LABELS = vocabulary.GOAL_LABELS
MOMENT_LABELS = vocabulary.MOMENT_LABELS

SECTIONS = [
    ("consents", "Toestemmingen", "Toestemming"),
    ("contacts", "Contactmomenten en hulpvragen", "Contact"),
    ("attendance", "Aanwezigheid bij bijeenkomsten", "Bijeenkomst"),
    ("trajectories", "Trajecten", "Traject"),
    ("referrals", "Verwijzingen", "Verwijzing"),
    ("stories", "Succesverhalen", "Verhaal"),
    ("merged_records", "Samengevoegde dubbele inschrijvingen", "Inschrijving"),
]
ACTIONS = {
    "viewed": "bekeken",
    "created": "ingeschreven of aangemaakt",
    "changed": "gewijzigd",
    "merged": "samengevoegd",
    "exported": "geëxporteerd",
    "printed": "afgedrukt",
    "deleted": "verwijderd",
    "anonymised": "geanonimiseerd",
    "restored": "hersteld",
    "imported": "geïmporteerd",
}
VIA = {"ui": "", "cli": " (opdrachtregel)", "system": " (programma)"}
# The part of their record an access-log row is about, when it is not the registration itself.
RECORDS = {"trajectory": "traject", "referral": "verwijzing", "success_story": "succesverhaal"}
