"""The command line's public contract: global options, exit codes, Dutch messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from minami_desk import __version__
from minami_desk.cli import main
from minami_desk.config import Paths
from minami_desk.data.lock import InstanceLock


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_wrong_usage_exits_2_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "planets"]) == 2
    err = capsys.readouterr().err
    assert "ongeldige keuze" in err and "gebruik:" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option", "check"]) == 2
    assert "onbekende argumenten" in capsys.readouterr().err


def test_check_on_a_fresh_database(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(paths.data_dir), "list", "residents"]) == 0
    assert main(["--data-dir", str(paths.data_dir), "check"]) == 0
    out = capsys.readouterr().out
    assert "Integriteit: in orde" in out and "Schemaversie" in out


def test_check_creates_a_new_database_and_accepts_data_dir_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(tmp_path / "new")]) == 0
    assert (tmp_path / "new" / "minami-desk.sqlite").exists()


def test_check_on_a_damaged_file_fails(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    assert main(["--data-dir", str(paths.data_dir), "check"]) == 1


def test_list_residents_header(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(paths.data_dir), "list", "residents"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0] == "ID;Bewonersnummer;Naam;Geboortedatum;Postcode"
    )


def test_writing_commands_refuse_while_the_window_is_open(
    paths: Paths, db: object, capsys: pytest.CaptureFixture[str]
) -> None:
    with InstanceLock(paths.lock_file):
        code = main(["--data-dir", str(paths.data_dir), "demo-data", "--residents", "5"])
        assert code == 1
        assert "al geopend" in capsys.readouterr().err
        # reading commands still work
        assert main(["--data-dir", str(paths.data_dir), "list", "residents"]) == 0


def test_english_messages_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "list", "planets"]) == 2
    assert "invalid choice" in capsys.readouterr().err
