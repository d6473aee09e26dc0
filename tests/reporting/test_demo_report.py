"""The report on a database filled by the demo generator: the figures still match plain SQL
and no resident's name, phone number or postcode reaches the PDF or the workbook."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from minami_desk.config import resolve_paths
from minami_desk.data.db import Database
from minami_desk.data.store import open_database
from minami_desk.reports.monthly_pdf import render_monthly_pdf
from minami_desk.reports.monthly_xlsx import render_monthly_xlsx
from minami_desk.services.actor import Actor
from minami_desk.services.reporting import build_monthly_report, parse_period
from tests.reporting.conftest import MADE_AT
from tests.reporting.independent import expected_figures
from tests.reporting.test_monthly_documents import flat, pdf_text

demo = pytest.importorskip(
    "minami_desk.services.demo", reason="the demo generator (issue 2) is not merged yet"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    paths = resolve_paths(Path(tmp_path_factory.mktemp("demo")) / "data")
    database = open_database(paths)
    demo.generate_demo_data(database, residents=300, months=15, seed=11, today=date(2026, 11, 30))
    yield database
    database.dispose()


def test_demo_figures_match_plain_sql(demo_db: Database, admin: Actor) -> None:
    report = build_monthly_report(demo_db, admin, parse_period("2026-11"))
    assert report.figure("sessions").value > 0 and report.figure("attendances").value > 0
    connection = demo_db.raw_connection()
    try:
        for period, column in ((report.period, "value"), (report.previous, "previous")):
            expected = expected_figures(connection, period.start, period.end, MADE_AT)
            assert {f.label: getattr(f, column) for f in report.figures} == expected
    finally:
        connection.close()


def test_demo_documents_name_no_one(demo_db: Database, admin: Actor) -> None:
    report = build_monthly_report(demo_db, admin, parse_period("2026-Q4"))
    text = flat(pdf_text(render_monthly_pdf(report))[0])
    workbook = load_workbook(BytesIO(render_monthly_xlsx(report)))
    cells = " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    connection = demo_db.raw_connection()
    try:
        people = connection.execute(
            "SELECT first_name, last_name, phone, postcode FROM resident"
        ).fetchall()
    finally:
        connection.close()
    assert people
    for first, last, phone, postcode in people:
        for document in (text, cells):
            for name in (first, last):
                assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", document), name
            for value in (phone, postcode):
                assert not value or value not in document
