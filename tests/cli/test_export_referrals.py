from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from minami_desk import clock
from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.services.actor import Actor
from minami_desk.services.referrals import ReferralInput, create_referral, set_status
from tests.referral_data import add_resident, organisation_id, theme_id

HEADER = ["Datum", "Bewonersnummer", "Instantie", "Thema", "Status", "Opvolgdatum"]


@pytest.fixture
def referrals(db: Database, staff_actor: Actor) -> None:
    clock.fix(datetime(2026, 11, 27, 10, 0, tzinfo=clock.AMSTERDAM))
    first = add_resident(db, "Ekow", "Quansah", 1042)
    second = add_resident(db, "Esi", "Annan", 1043)
    referral = create_referral(
        db,
        staff_actor,
        ReferralInput(
            resident_id=first,
            organisation_id=organisation_id(db, "Voedselbank Amsterdam"),
            referred_on=date(2026, 11, 3),
            theme_ids=(theme_id(db, "money_worries"), theme_id(db, "debts")),
            reason="Geen geld voor boodschappen",
            follow_up_on=date(2026, 11, 17),
        ),
    )
    set_status(db, staff_actor, referral, "contact_made")
    create_referral(
        db,
        staff_actor,
        ReferralInput(
            resident_id=second,
            organisation_id=organisation_id(db, "Taalcursus/Taalhuis"),
            referred_on=date(2026, 10, 20),
            theme_ids=(theme_id(db, "language"),),
        ),
    )


def test_export_referrals_csv(
    paths: Paths, referrals: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "verwijzingen.csv"
    assert main(["--data-dir", str(paths.data_dir), "export", "referrals", "--out", str(out)]) == 0
    assert "2 verwijzingen" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines == [
        ";".join(HEADER),
        "20-10-2026;1043;Taalcursus/Taalhuis;Taal;Verwezen;",
        "03-11-2026;1042;Voedselbank Amsterdam;Geldzorgen/armoede, Schulden;"
        "Contact gelegd;17-11-2026",
    ]
    # Names and reasons stay out of a file that travels.
    assert "Quansah" not in raw.decode("utf-8-sig") and "boodschappen" not in raw.decode(
        "utf-8-sig"
    )


def test_export_referrals_xlsx(paths: Paths, referrals: None, tmp_path: Path) -> None:
    out = tmp_path / "verwijzingen.xlsx"
    assert main(["--data-dir", str(paths.data_dir), "export", "referrals", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    assert rows[2][:5] == [
        datetime(2026, 11, 3),
        1042,
        "Voedselbank Amsterdam",
        "Geldzorgen/armoede, Schulden",
        "Contact gelegd",
    ]
    assert rows[2][5] == datetime(2026, 11, 17)
    assert rows[1][5] is None


def test_english_interface_still_writes_dutch_statuses(
    paths: Paths, referrals: None, tmp_path: Path
) -> None:
    """GIVEN --lang en WHEN exporting referrals THEN the status column is Dutch like its header."""
    out = tmp_path / "verwijzingen.csv"
    args = ["--lang", "en", "--data-dir", str(paths.data_dir), "export", "referrals"]
    assert main([*args, "--out", str(out)]) == 0
    statuses = [line.split(";")[4] for line in out.read_text("utf-8-sig").splitlines()]
    assert statuses == ["Status", "Verwezen", "Contact gelegd"]
