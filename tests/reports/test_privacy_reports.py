"""The verwerkingsregister fits one page and shows the settings; the inzage PDF reads well."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from minami_desk.data.db import Database
from minami_desk.reports.processing_register import render_processing_register
from minami_desk.services.actor import Actor
from minami_desk.services.privacy.register import processing_register
from minami_desk.services.privacy.retention import AUDIT_LOG_MONTHS, set_retention_periods
from minami_desk.services.settings import set_settings
from tests.file_modes import assert_owner_only
from tests.pdf_fonts import assert_every_font_embedded


def test_processing_register_is_one_page_from_the_settings(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    set_settings(
        db, admin, {"centre.name": "Buurtcentrum Mi na Mi", "centre.coordinator": "Yvonne Pinas"}
    )
    set_retention_periods(db, admin, {AUDIT_LOG_MONTHS: 48})
    path = tmp_path / "register.pdf"
    render_processing_register(processing_register(db, admin), path)
    reader = PdfReader(path)
    assert_owner_only(path)
    assert_every_font_embedded(reader)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Verwerkingsregister" in text and "Buurtcentrum Mi na Mi" in text
    assert "48 maanden" in text and "24 maanden" in text
    assert "Yvonne Pinas" in text
    assert "Verwerkingsregister (AVG artikel 30) — Mi na Mi Desk" in text  # the shared footer
    assert "Pagina" not in text
    assert reader.metadata.title == "Verwerkingsregister"
    assert reader.metadata.author == "Buurtcentrum Mi na Mi"
