from __future__ import annotations

from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from minami_desk import clock
from minami_desk.data.db import Database
from minami_desk.errors import UserError
from minami_desk.reports.pdf_common import CentreInfo
from minami_desk.reports.story import render_story_pdf, write_story_pdf
from minami_desk.services.actor import Actor
from minami_desk.services.centre import centre_info
from minami_desk.services.stories import (
    MAX_STORY,
    StoryForPrint,
    StoryInput,
    save_story,
    story_for_print,
)
from tests.pdf_fonts import assert_every_font_embedded
from tests.referral_data import add_resident

STORY = (
    'Toen Kwabena voor het eerst binnenkwam, zei hij weinig. "Ik kwam voor de koffie," '
    "lacht hij nu.\n\nZes maanden later leidt hij zelf de praatsessie voor vaders."
)


@pytest.fixture(autouse=True)
def _today() -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))


def _text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(data))
    assert_every_font_embedded(reader)
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_named_story_prints_on_one_page_with_the_real_name(
    db: Database, staff_actor: Actor, tmp_path: Path
) -> None:
    resident = add_resident(db, "Kwabena", "Ɔwusu", 201)
    story_id = save_story(
        db,
        staff_actor,
        StoryInput(
            title="Van koffie naar gespreksleider",
            story=STORY,
            story_date=date(2026, 11, 12),
            sharing="named",
            resident_id=resident,
        ),
    )
    out = write_story_pdf(
        story_for_print(db, staff_actor, story_id), centre_info(db), tmp_path / "v.pdf"
    )

    pages, text = _text(out.read_bytes())
    assert pages == 1
    assert "SUCCESVERHAAL" in text.replace(" ", "")
    assert "Van koffie naar gespreksleider" in text
    assert "Kwabena Ɔwusu" in text
    assert "12 november 2026" in text
    assert "Mi na Mi" in text
    assert "gefingeerd" not in text


def test_anonymised_story_prints_the_pseudonym_and_says_so(
    db: Database, staff_actor: Actor
) -> None:
    resident = add_resident(db, "Kwabena", "Ɔwusu", 202)
    story_id = save_story(
        db,
        staff_actor,
        StoryInput(
            title="Een nieuwe rol",
            story="Hij kwam voor de koffie en bleef voor de mensen.",
            story_date=date(2026, 11, 12),
            sharing="anonymised",
            pseudonym="Meneer K.",
            resident_id=resident,
        ),
    )
    _pages, text = _text(
        render_story_pdf(story_for_print(db, staff_actor, story_id), centre_info(db))
    )
    assert "Meneer K." in text
    assert "Ɔwusu" not in text and "Kwabena" not in text
    assert "gefingeerd" in text


def test_a_story_that_may_not_be_shared_is_not_printed(db: Database, staff_actor: Actor) -> None:
    story_id = save_story(
        db,
        staff_actor,
        StoryInput(title="Privé", story="Alleen voor ons.", story_date=date(2026, 11, 2)),
    )
    with pytest.raises(UserError):
        story_for_print(db, staff_actor, story_id)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (("Een lange zin over wat het buurthuis betekent. " * 80)[:MAX_STORY], "buurthuis"),
        (("Kort.\n" * 600)[:MAX_STORY], "Kort"),
        (("Alinea.\n\n" * 400)[:MAX_STORY], "Alinea"),
    ],
    ids=["one-paragraph", "many-lines", "many-paragraphs"],
)
def test_the_longest_allowed_story_fits_one_page_without_losing_words(text: str, word: str) -> None:
    story = StoryForPrint("Lang verhaal", text, date(2026, 11, 1), "Mevrouw B.", anonymised=True)
    pages, printed = _text(render_story_pdf(story, CentreInfo()))
    assert pages == 1
    assert printed.count(word) == text.count(word)
