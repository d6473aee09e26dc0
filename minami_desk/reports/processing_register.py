"""The verwerkingsregister on one page: what the program stores, why, how long, who sees it.

For the centre's AVG records (article 30). The retention periods and the centre's name come
from the settings, so the page matches what the program really does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from minami_desk.documents.wording import dutch_date
from minami_desk.reports.pdf_common import (
    INK,
    RULE,
    SANS,
    SANS_BOLD,
    TEAL,
    TEAL_LIGHT,
    build_centre_document,
    register_fonts,
    table_style,
)

if TYPE_CHECKING:
    from minami_desk.documents.processing_register import ProcessingRegister

MARGIN = 15 * mm


def _months(count: int) -> str:
    return f"{count} maanden"


def rows(register: ProcessingRegister) -> list[tuple[str, str, str, str]]:
    """(gegevens, doel, bewaartermijn, wie ziet het) per kind of record."""
    residents = _months(register.resident_months)
    return [
        (
            "Inschrijving: naam, geboortedatum of leeftijdsgroep, gender, telefoon, e-mail, "
            "postcode en wijk, talen; bij minderjarigen ouder/voogd. Geen BSN.",
            "Bewoners vinden, uitnodigen en terugbellen; cijfers per wijk en leeftijd.",
            f"Tot {residents} na de laatste activiteit; daarna geanonimiseerd.",
            "Medewerkers en beheerder; vrijwilligers alleen naam, nummer en telefoon.",
        ),
        (
            "Toestemmingen (inschrijving, foto's, contact, verhaal delen), "
            "met datum en wie ze gaf.",
            "Vastleggen op welke grondslag wij gegevens gebruiken.",
            "Zolang de inschrijving bestaat; intrekking blijft met datum bewaard.",
            "Medewerkers en beheerder.",
        ),
        (
            "Contactmomenten: datum, kanaal, thema's en de hulpvraag in eigen woorden.",
            "Hulp bieden en opvolgen.",
            f"De tekst {_months(register.contact_text_months)}; thema's blijven anoniem "
            "voor de cijfers.",
            "Medewerkers en beheerder; vrijwilligers zien de hulpvraag niet.",
        ),
        (
            "Aanwezigheid bij praatsessies en activiteiten.",
            "Presentielijsten; cijfers voor bestuur en gemeente.",
            f"Als de inschrijving ({residents}); daarna alleen anoniem geteld.",
            "Alle medewerkers en vrijwilligers.",
        ),
        (
            "Trajecten: doelen, zelfbeoordelingen, mijlpalen, notities, certificaat.",
            "Persoonlijke begeleiding van zes maanden.",
            f"Als de inschrijving ({residents}); notities gaan weg bij anonimiseren.",
            "Medewerkers (begeleiders) en beheerder.",
        ),
        (
            "Verwijzingen: instantie, reden en uitkomst.",
            "Doorverwijzen en nagaan of het hielp.",
            f"Als de inschrijving ({residents}).",
            "Medewerkers en beheerder.",
        ),
        (
            "Succesverhalen.",
            "Verantwoording en inspiratie; alleen gedeeld met toestemming.",
            "Tot de toestemming wordt ingetrokken of de bewoner wordt geanonimiseerd.",
            "Medewerkers en beheerder.",
        ),
        (
            "Accounts: naam, rol, wachtwoord (alleen als argon2id-hash).",
            "Toegang tot het programma per rol.",
            "Zolang het account nodig is; daarna uitgeschakeld.",
            "Beheerder.",
        ),
        (
            "Logboek: wie, wanneer, welke handeling, welk record (alleen nummers, geen inhoud).",
            "Verantwoording: wie heeft wat ingezien of gewijzigd.",
            _months(register.audit_log_months) + ".",
            "Beheerder.",
        ),
    ]


def render_processing_register(register: ProcessingRegister, path: Path) -> None:
    register_fonts()
    centre = register.centre
    body = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=12.5, textColor=INK)
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=8.2, leading=10.8, textColor=INK)
    head = ParagraphStyle("head", fontName=SANS_BOLD, fontSize=8, leading=10, textColor=TEAL)
    title = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=16, leading=20, textColor=TEAL)
    responsible = ", ".join(
        part for part in (centre.name, centre.address, centre.postcode_city) if part
    )
    contact = " · ".join(part for part in (centre.phone, centre.email) if part)
    intro = [
        f"<b>Verwerkingsverantwoordelijke:</b> {escape(responsible)}"
        + (f" ({escape(contact)})" if contact else ""),
        "<b>Programma:</b> Mi na Mi Desk, de registratie van de balie, op deze pc (zonder cloud).",
        "<b>Grondslag:</b> toestemming van de bewoner (bij kinderen onder 16 van een ouder of "
        "voogd); voor aanwezigheid en verwijzingen het gerechtvaardigd belang van de hulp.",
    ]
    if centre.coordinator:
        intro.append(f"<b>Contactpersoon:</b> {escape(centre.coordinator)}")
    table_rows = [
        [Paragraph(text, head) for text in ("Gegevens", "Waarom", "Hoe lang", "Wie ziet het")]
    ]
    table_rows += [[Paragraph(escape(text), cell) for text in row] for row in rows(register)]
    table = Table(table_rows, colWidths=[58 * mm, 42 * mm, 42 * mm, 38 * mm], repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), TEAL_LIGHT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    security = (
        "<b>Beveiliging:</b> ieder meldt zich aan met een eigen wachtwoord (argon2id); na 5 "
        "foute pogingen even geblokkeerd; het scherm vergrendelt zich als niemand het gebruikt; "
        "rollen bepalen wat iemand ziet, in het programma zelf afgedwongen; back-ups zijn "
        "versleuteld (wie gewist is, staat nog in oudere back-ups tot die worden "
        "weggegooid); het logboek bevat geen namen of teksten. "
        "<b>Rechten van bewoners:</b> inzage (overzicht als PDF en JSON), correctie en "
        "verwijdering (anonimiseren) — aan de balie te vragen, zonder kosten."
    )
    story = [
        Paragraph("Verwerkingsregister", title),
        Paragraph(f"Opgesteld op {dutch_date(register.made_on)}", body),
        Spacer(1, 3 * mm),
        *[Paragraph(line, body) for line in intro],
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(security, body),
    ]

    build_centre_document(
        path,
        story,
        centre,
        title="Verwerkingsregister",
        footer="Verwerkingsregister (AVG artikel 30) — Mi na Mi Desk",
        margin=MARGIN,
        header_room=21 * mm,
        bottom_margin=15 * mm,
    )
