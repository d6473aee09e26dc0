"""``minami-desk backup`` and ``restore``: messages, exit codes, and the instance lock."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from tests.services.backup_helpers import populate, row_hashes


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "wachtwoord.txt"
    path.write_text("mango pinda roti kerrie\n", encoding="utf-8")
    return path


def _run(paths: Paths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), *args])


def test_backup_and_restore_round_trip(
    db: Database,
    paths: Paths,
    tmp_path: Path,
    passphrase_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    populate(db, residents=12)
    before = row_hashes(db.path)
    out = tmp_path / "bestuur.mnb"
    assert _run(paths, "backup", "--out", str(out), "--passphrase-file", str(passphrase_file)) == 0
    printed = capsys.readouterr().out
    assert "Back-up gemaakt" in printed and "gecontroleerd" in printed
    populate(db, residents=3, start=400)
    db.dispose()
    assert _run(paths, "restore", str(out), "--passphrase-file", str(passphrase_file)) == 0
    printed = capsys.readouterr().out
    assert "Back-up teruggezet: 12 bewoners." in printed
    assert "voor-terugzetten-" in printed
    assert row_hashes(paths.database, skip_restore_audit=True) == before


def test_backup_asks_the_passphrase_twice(
    db: Database,
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = iter(["mango pinda roti kerrie", "mango pinda roti kerie"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    out = tmp_path / "b.mnb"
    assert _run(paths, "backup", "--out", str(out)) == 1
    assert "niet gelijk" in capsys.readouterr().err
    assert not out.exists()

    answers = iter(["mango pinda roti kerrie"] * 2)
    assert _run(paths, "backup", "--out", str(out)) == 0
    assert out.exists()


def test_wrong_passphrase_and_damage_exit_1_with_a_message(
    db: Database,
    paths: Paths,
    tmp_path: Path,
    passphrase_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "b.mnb"
    assert _run(paths, "backup", "--out", str(out), "--passphrase-file", str(passphrase_file)) == 0
    db.dispose()
    wrong = tmp_path / "fout.txt"
    wrong.write_text("mango pinda roti", encoding="utf-8")
    capsys.readouterr()
    assert _run(paths, "restore", str(out), "--passphrase-file", str(wrong)) == 1
    assert "wachtwoordzin klopt niet" in capsys.readouterr().err
    damaged = tmp_path / "kapot.mnb"
    damaged.write_bytes(out.read_bytes()[:-40])
    assert _run(paths, "restore", str(damaged), "--passphrase-file", str(passphrase_file)) == 1
    assert "beschadigd" in capsys.readouterr().err
    assert (
        _run(
            paths,
            "restore",
            str(tmp_path / "bestaat-niet.mnb"),
            "--passphrase-file",
            str(passphrase_file),
        )
        == 1
    )
    assert "kan niet worden gelezen" in capsys.readouterr().err


def test_wrong_usage_exits_2(paths: Paths) -> None:
    assert _run(paths, "backup") == 2
    assert _run(paths, "restore") == 2


def test_restore_refuses_while_the_window_is_open(
    db: Database,
    paths: Paths,
    tmp_path: Path,
    passphrase_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "b.mnb"
    with InstanceLock(paths.lock_file):  # the window
        # Backup only reads, so it works while the window is open...
        assert (
            _run(paths, "backup", "--out", str(out), "--passphrase-file", str(passphrase_file)) == 0
        )
        # ...restore replaces the database, so it must wait.
        assert _run(paths, "restore", str(out), "--passphrase-file", str(passphrase_file)) == 1
    from minami_desk.cli.common import already_open_message

    assert already_open_message() in capsys.readouterr().err


def test_restore_of_an_automatic_backup_needs_no_passphrase(
    db: Database, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from minami_desk.services.auto_backup import maybe_auto_backup

    populate(db, residents=4)
    made = maybe_auto_backup(paths, now=datetime(2026, 11, 27, 10, tzinfo=UTC))
    assert made is not None
    db.dispose()
    assert _run(paths, "restore", str(made.path)) == 0
    assert "4 bewoners" in capsys.readouterr().out
