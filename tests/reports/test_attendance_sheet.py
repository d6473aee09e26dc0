"""The presentielijst of a session with 45 registrations, read back from the real PDF."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.data.models import Resident
from minami_desk.documents.attendance_sheet import AttendanceSheet, SheetPerson
from minami_desk.documents.centre import CentreInfo
from minami_desk.reports.attendance_sheet import render_attendance_sheet
from minami_desk.services.actor import Actor
from minami_desk.services.consents import (
    ConsentChoice,
    add_consents,
    give_consent,
    withdraw_consent,
)
from minami_desk.services.sessions.export import attendance_sheet, save_attendance_sheet
from minami_desk.services.sessions.planning import plan_session
from minami_desk.services.sessions.registration import register_resident, set_status
from minami_desk.services.settings import set_settings
from minami_desk.services.text import fold
from tests.file_modes import assert_owner_only
from tests.pdf_fonts import assert_every_font_embedded
from tests.sessions_support import add_resident, add_staff, details

FIRST = ["Kwabena", "Thị Mai", "Ayşe", "Øystein", "Anna", "Priscilla", "Mehmet", "Dewi", "Yaw"]
LAST = [
    ("", "Ɔwusu"),
    ("", "Nguyễn"),
    ("", "Şahin"),
    ("", "Øyelaran"),
    ("van den", "Berg"),
    ("", "Mahabier"),
    ("", "Kromodimedjo"),
    ("ter", "Soekhai"),
    ("", "Łukasik"),
    ("", "Amankwah"),
    ("El", "Idrissi"),
    ("", "Tjon-A-Fong"),
    ("", "Müller"),
    ("", "Asante"),
    ("de", "Graaf"),
]


def _text(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def test_forty_five_registrations_all_printed_in_order_with_page_numbers(
    db: Database, staff_actor: Actor, tmp_path: Path
) -> None:
    clock.fix(datetime(2026, 11, 27, 9, 0))
    set_settings(
        db,
        Actor(staff_id=None, role="beheerder"),
        {"centre.address": "Bijlmerplein 1", "centre.phone": "020 123 45 67"},
    )
    leader = add_staff(db, "Marcia Lont")
    session_id = plan_session(
        db,
        staff_actor,
        date(2026, 12, 1),
        details(db, title="Praatsessie: samen sterker", facilitator_id=leader),
    )
    for index in range(45):
        infix, last = LAST[index % len(LAST)]
        resident = add_resident(
            db, FIRST[index % len(FIRST)], f"{last}{index // len(LAST) or ''}", infix
        )
        register_resident(db, staff_actor, session_id, resident)
    dropped = add_resident(db, "Afgemeld", "Zwaan")
    register_resident(db, staff_actor, session_id, dropped)
    set_status(db, staff_actor, session_id, dropped, "cancelled")

    sheet = attendance_sheet(db, staff_actor, session_id)
    assert len(sheet.people) == 45
    out = save_attendance_sheet(db, staff_actor, session_id, tmp_path / "lijst.pdf")

    reader = PdfReader(out)
    assert_owner_only(out)
    assert_every_font_embedded(reader)
    pages = _text(reader)
    total = len(reader.pages)
    assert total >= 2
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {total}" in text
        assert "Nr." in text and "Handtekening" in text  # the header repeats on every page
        assert "persoonsgegevens" in text
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    everything = "\n".join(pages)
    assert "dinsdag 1 december 2026, 19:00–21:00" in pages[0]
    assert "Zaal 2" in pages[0] and "Marcia Lont" in pages[0] and "Mi na Mi" in pages[0]
    assert "Zwaan" not in everything
    # Every name, in the sheet's order (by last name, folded: Ɔwusu sorts as Owusu).
    positions = [everything.find(person.name) for person in sheet.people]
    assert -1 not in positions
    assert positions == sorted(positions)
    keys = [fold(person.name) for person in sheet.people]
    assert keys == sorted(keys)
    last_names = [person.name.split(",")[0].rstrip("0123456789") for person in sheet.people]
    assert last_names.index("Ɔwusu") < last_names.index("Øyelaran") < last_names.index("Şahin")
    # The walk-in rows continue the numbering after the registered residents.
    assert re.search(r"\b46\b", everything) and "Inloop" in everything
    # Fonts embedded, so every name prints as it is written.
    fonts = [ref.get_object() for ref in reader.pages[0]["/Resources"]["/Font"].values()]
    noto = [font for font in fonts if "Noto" in str(font["/BaseFont"])]
    assert len(noto) >= 2
    assert all("/FontFile2" in font["/FontDescriptor"] for font in noto)


def test_a_short_list_fits_one_page_and_a_cancelled_session_says_so(tmp_path: Path) -> None:
    sheet = AttendanceSheet(
        centre=CentreInfo(),
        title="Buurtactiviteit: koken",
        kind="Buurtactiviteit",
        when="zaterdag 5 december 2026, 14:00–16:00",
        location="Keuken",
        facilitator="",
        people=[SheetPerson("Berg, Anna van den", 1001)],
        cancelled=True,
    )
    reader = PdfReader(render_attendance_sheet(sheet, tmp_path / "kort.pdf"))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "pagina 1 van 1" in text and "GEANNULEERD" in text and "Berg, Anna van den" in text


def test_the_sheet_says_per_person_whether_photos_are_allowed(
    db: Database, staff_actor: Actor, tmp_path: Path
) -> None:
    """A word in a column of its own ("ja"/"nee"), so it reads on a grey printer too."""
    clock.fix(datetime(2026, 11, 27, 9, 0))
    session_id = plan_session(db, staff_actor, date(2026, 12, 1), details(db))
    people = {
        name: add_resident(db, name, last)
        for name, last in (
            ("Abena", "Appiah"),  # photos yes
            ("Bilal", "Bakker"),  # never asked
            ("Chidi", "Clarke"),  # yes, then withdrawn
            ("Dilan", "Demir"),  # no at registration, yes later
            ("Esi", "Ellis"),  # no at registration
        )
    }
    for resident in people.values():
        register_resident(db, staff_actor, session_id, resident)
    give_consent(db, staff_actor, people["Abena"], "photos")
    withdrawn = give_consent(db, staff_actor, people["Chidi"], "photos")
    withdraw_consent(db, staff_actor, withdrawn, "wil niet op de foto")
    with db.session() as session:
        for name in ("Dilan", "Esi"):
            resident = session.get(Resident, people[name])
            add_consents(session, staff_actor, resident, [ConsentChoice("photos", given=False)])
    clock.fix(datetime(2026, 11, 27, 9, 30))
    give_consent(db, staff_actor, people["Dilan"], "photos")

    sheet = attendance_sheet(db, staff_actor, session_id)
    assert {person.name: person.photos for person in sheet.people} == {
        "Appiah, Abena": True,
        "Bakker, Bilal": False,
        "Clarke, Chidi": False,
        "Demir, Dilan": True,
        "Ellis, Esi": False,
    }
    text = PdfReader(render_attendance_sheet(sheet, tmp_path / "foto.pdf")).pages[0].extract_text()
    assert "Foto" in text and "niet fotograferen" in text  # the column and its legend
    lines = [line.strip() for line in text.splitlines()]
    for person in sheet.people:  # the cells of a row: nr, name, resident number, photo
        at = lines.index(person.name)
        assert lines[at + 1 : at + 3] == [str(person.number), "ja" if person.photos else "nee"]
