"""A ceremony's batch read back: landscape A4 pages, each with its participant's exact name."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.reports.certificate import write_certificates_pdf
from minami_desk.reports.pdf_common import SERIF_BOLD
from minami_desk.services.actor import Actor
from minami_desk.services.trajectories.certificates import (
    CertificateBatch,
    completed_between,
    issue_certificates,
)
from tests.file_modes import assert_owner_only
from tests.pdf_fonts import assert_every_font_embedded
from tests.services.trajectories.completed import completed_trajectory
from tests.services.trajectories.helpers import add_coach

# (first name, tussenvoegsel, last name): the hard ones first, then ordinary Zuidoost names.
NAMES = [
    ("Kwabena", "", "Ɔwusu"),
    ("Nguyễn Thị", "", "Mai"),
    ("Şükrü", "", "Öztürk"),
    ("Marie-Louise", "van den", "Heuvel-Tjon A Fong"),
    ("Łucja", "", "Wąsowska"),
    ("Ọlá", "", "Adébáyọ̀"),
    ("Thị Mai", "", "Nguyễn"),
    ("Øyvind", "", "Øyelaran"),
    ("Zoë", "", "Şahin"),
    ("Priscilla", "", "Asante-Boakye"),
    ("Winston", "", "Kromodimedjo"),
    ("Anouk", "de", "Vries"),
    ("Jan-Willem", "van 't", "Hof"),
    ("Fatima", "el", "Amrani"),
    ("Ruth", "", "Pinas"),
    ("Gloria", "", "Sedney"),
    ("Mohamed", "", "Boukhari"),
    ("Shanice", "", "Doelwijt"),
    ("Dewi", "", "Ramdin"),
    ("Ebenezer", "", "Mensah"),
    ("Maria José", "", "Gonçalves Fernández"),
    ("Ayşe", "", "Yıldız"),
    ("Chidinma", "", "Okonkwo-Ẹzẹ"),
    ("Hendrika", "ter", "Brugge"),
    ("Rosalinde", "", "Wijngaarde"),
    ("Joëlle", "", "Tjin-A-Tsoi"),
    ("Nana Akosua", "", "Ɛfua Amponsah"),
    ("Stanley", "", "Biswane"),
    ("Brigitte", "", "Žukauskaitė"),
    ("Ingrid", "van der", "Linden"),
]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _page_text(page: object) -> str:
    """pypdf's text, NFC-normalised and with line breaks inside a name closed up."""
    return _nfc(page.extract_text())  # type: ignore[attr-defined]


@pytest.fixture
def batch_pdf(db: Database, staff_actor: Actor, admin: Actor, tmp_path: Path) -> Path:
    clock.fix(datetime(2026, 12, 10, 10, 0, tzinfo=clock.AMSTERDAM))
    from minami_desk.services.settings import set_settings

    set_settings(db, admin, {"centre.coordinator": "Glenda Martina"})
    coach = add_coach(db, "Esther Koster")
    for first, infix, last in NAMES:
        completed_trajectory(
            db,
            staff_actor,
            first,
            last,
            infix,
            start=date(2026, 6, 3),
            end=date(2026, 11, 27),
            coach_id=coach,
        )
    ids = completed_between(db, staff_actor, date(2026, 11, 1), date(2026, 11, 30))
    assert len(ids) == 30
    out = tmp_path / "uitreiking.pdf"

    def write(batch: CertificateBatch) -> None:
        write_certificates_pdf(batch.pages, batch.centre, out)

    issue_certificates(db, staff_actor, ids, write, date(2026, 12, 12), "Amsterdam Zuidoost")
    return out


def test_a_ceremony_batch_of_thirty(batch_pdf: Path) -> None:
    """One fixture run (thirty trajectories completed through the services), three checks."""
    reader = PdfReader(batch_pdf)
    assert_owner_only(batch_pdf)
    assert_every_font_embedded(reader)
    _thirty_landscape_a4_pages(reader)
    _each_page_holds_its_name_and_the_dutch_dates(reader)
    _fonts_are_embedded(reader)


def _thirty_landscape_a4_pages(reader: PdfReader) -> None:
    assert len(reader.pages) == 30
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4, landscape


def _each_page_holds_its_name_and_the_dutch_dates(reader: PdfReader) -> None:
    texts = [_page_text(page) for page in reader.pages]
    expected_names = {_nfc(" ".join(p for p in name if p)) for name in NAMES}
    found_names = set()
    for text in texts:
        holders = [name for name in expected_names if name in text]
        assert len(holders) >= 1, text
        found_names.update(holders)
        assert "van 3 juni 2026 tot en met 27 november 2026" in text
        assert "Amsterdam Zuidoost, 12 december 2026" in text
        assert "Esther Koster" in text and "Glenda Martina" in text
        assert "Certificaat" in text
    assert found_names == expected_names
    numbers = sorted(text.split("Certificaatnummer ")[1][:8] for text in texts)
    assert numbers == [f"2026-{n:03d}" for n in range(1, 31)]


def _fonts_are_embedded(reader: PdfReader) -> None:
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = set()
    for font in fonts.values():
        font = font.get_object()
        assert font["/Subtype"] == "/TrueType"  # no base-14 font that would lose Ɔ or ễ
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        names.add(str(font["/BaseFont"]).split("+")[-1])
    assert "NotoSerif-Bold" in names and all(name.startswith("Noto") for name in names)


def test_a_long_name_shrinks_and_is_never_cut(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics

    from minami_desk.reports.certificate import PAGE, CertificatePage
    from minami_desk.reports.pdf_common import CentreInfo, fit_font_size, register_fonts

    register_fonts()
    name = "Marie-Louise Anastasia Wilhelmina van den Heuvel-Tjon A Fong-Kromodimedjo"
    page = CertificatePage(
        number="2026-017",
        full_name=name,
        text="heeft het traject doorlopen.",
        start_date=date(2026, 6, 3),
        end_date=date(2026, 12, 3),
        ceremony_date=date(2026, 12, 12),
        place="Amsterdam Zuidoost",
        coach_name="Esther Koster",
        coordinator_name="Glenda Martina",
    )
    out = tmp_path / "lang.pdf"
    write_certificates_pdf([page], CentreInfo(), out)
    assert name in _page_text(PdfReader(out).pages[0])
    size = fit_font_size(name, SERIF_BOLD, 36, PAGE[0] - 80 * 2.834645669)
    assert size < 36
    assert pdfmetrics.stringWidth(name, SERIF_BOLD, size) <= PAGE[0] - 80 * 2.834645669
