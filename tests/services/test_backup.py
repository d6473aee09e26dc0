"""The board backup file: round trip, tampering, versions, and what restore refuses."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from minami_desk import __version__
from minami_desk.config import Paths, resolve_paths
from minami_desk.data import backup_format, backup_payload, sqlite_files
from minami_desk.data.backup_format import HEADER_V1_SIZE, MAGIC
from minami_desk.data.backup_payload import DATABASE_NAME, MANIFEST_NAME
from minami_desk.data.db import Database
from minami_desk.data.lock import InstanceLock
from minami_desk.data.migrate import alembic_config, head_revision
from minami_desk.data.models import AuditLog, Resident, Theme
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.backup import create_backup, passphrase_strength
from minami_desk.services.backup_errors import (
    BackupStorageError,
    BackupTooNewError,
    DamagedBackupError,
    LiveDatabaseDamagedError,
    UnknownBackupVersionError,
    UnsafeBackupParametersError,
    WrongPassphraseError,
)
from minami_desk.services.restore import LockNotHeldError, restore_backup
from tests.services.backup_helpers import FAST_KDF, populate, row_hashes

PASSPHRASE = "zonnebloem kade fiets 42"


def _backup(db: Database, target: Path, actor: Actor) -> Path:
    return create_backup(db, target, PASSPHRASE, actor, kdf=FAST_KDF).path


def _restore(paths: Paths, source: Path, passphrase: str = PASSPHRASE):
    with InstanceLock(paths.lock_file):
        return restore_backup(paths, source, passphrase, Actor.command_line())


def _fingerprint(paths: Paths) -> tuple[str, list[str]]:
    """The target database file's bytes and the backup folder's contents."""
    digest = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    listing = sorted(
        p.name
        for p in paths.data_dir.rglob("*")
        if "logs" not in p.parts and p.name != "minami-desk.lock"
    )
    return digest, listing


def test_round_trip_into_an_empty_data_dir(db: Database, admin: Actor, tmp_path: Path) -> None:
    populate(db, residents=60)
    fractions: list[float] = []
    result = create_backup(
        db, tmp_path / "bestuur.mnb", PASSPHRASE, admin, kdf=FAST_KDF, progress=fractions.append
    )
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert result.manifest.program_version == __version__
    assert result.manifest.schema_revision == head_revision()
    assert result.manifest.row_counts["resident"] == 60
    assert result.manifest.row_counts["attendance"] == 60
    assert result.size == result.path.stat().st_size
    assert result.path.read_bytes().startswith(MAGIC)
    assert b"Mensah" not in result.path.read_bytes()  # encrypted, not merely packed

    empty = resolve_paths(tmp_path / "empty")
    restored = _restore(empty, result.path)
    assert restored.safety_copy is None  # there was nothing to save
    assert not restored.migrated
    assert row_hashes(empty.database, skip_restore_audit=True) == row_hashes(db.path)
    target = Database(empty.database)
    with target.read_session() as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "restored")).all()
        assert [row.entity for row in audit] == ["database"]
        assert session.scalar(select(func.count()).select_from(Resident)) == 60
    target.dispose()
    # No scratch folders or log files left next to the restored database.
    leftovers = [
        p.name
        for p in empty.data_dir.iterdir()
        if p.name.startswith(".") or p.name.endswith(("-wal", "-shm", "-journal"))
    ]
    assert leftovers == []


def test_round_trip_of_a_demo_database(db: Database, admin: Actor, tmp_path: Path) -> None:
    """The acceptance test as written: a demo database, restored into an empty data dir."""
    from datetime import date

    from minami_desk.services.demo import generate_demo_data

    made = generate_demo_data(db, residents=60, months=6, seed=3, today=date(2026, 11, 27))
    assert made["residents"] == 60
    backup = _backup(db, tmp_path / "demo.mnb", admin)
    empty = resolve_paths(tmp_path / "empty")
    _restore(empty, backup)
    source, restored = row_hashes(db.path), row_hashes(empty.database, skip_restore_audit=True)
    assert restored == source
    assert sum(len(rows) for rows in source.values()) > 1000  # a real, varied database
    assert len([name for name, rows in source.items() if rows]) >= 15


def _first_layout_backup(db: Database, target: Path) -> None:
    """A board file as the first release wrote it (format 1): a seekable zip made with zlib,
    the manifest before the database, then encrypted as a whole. Newer releases stream the zip
    (database first, ISA-L deflate, data descriptors); restore must read both."""
    snapshot = target.with_suffix(".sqlite")
    sqlite_files.snapshot(db.path, snapshot)
    manifest = backup_payload.Manifest(
        program_version="0.1.0",
        schema_revision=sqlite_files.schema_revision(snapshot),
        created_at="2026-11-20T10:00:00+00:00",
        row_counts=sqlite_files.table_row_counts(snapshot),
        database_sha256=sqlite_files.sha256_file(snapshot),
        database_size=snapshot.stat().st_size,
    )
    payload = target.with_suffix(".zip")
    with zipfile.ZipFile(payload, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(backup_payload.MANIFEST_NAME, manifest.to_json())
        with zf.open(backup_payload.DATABASE_NAME, "w", force_zip64=True) as out:
            out.write(snapshot.read_bytes())
    header, keys = backup_format.new_header(PASSPHRASE, FAST_KDF)
    with open(payload, "rb") as source, open(target, "wb") as out:
        backup_format.encrypt(header, keys, source, out, None)
    payload.unlink()
    snapshot.unlink()


def test_a_backup_in_the_first_layout_still_restores(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    populate(db, residents=30)
    old = tmp_path / "oud.mnb"
    _first_layout_backup(db, old)
    empty = resolve_paths(tmp_path / "empty")
    restored = _restore(empty, old)
    assert restored.row_counts["resident"] == 30
    assert row_hashes(empty.database, skip_restore_audit=True) == row_hashes(db.path)
    # And the new layout of the same database holds the same rows, in a file of the same format.
    new = _backup(db, tmp_path / "nieuw.mnb", admin)
    assert new.read_bytes()[: len(MAGIC) + 2] == old.read_bytes()[: len(MAGIC) + 2]
    again = resolve_paths(tmp_path / "again")
    _restore(again, new)
    assert row_hashes(again.database, skip_restore_audit=True) == row_hashes(db.path)


def test_restore_over_data_keeps_a_safety_copy(
    db: Database, paths: Paths, admin: Actor, tmp_path: Path
) -> None:
    populate(db, residents=5)
    backup = _backup(db, tmp_path / "b.mnb", admin)
    before = row_hashes(db.path)
    populate(db, residents=7, start=100)  # work done after the backup
    after_work = row_hashes(db.path)
    db.dispose()
    result = _restore(paths, backup)
    assert result.safety_copy is not None
    assert result.safety_copy.parent == paths.backup_dir
    assert row_hashes(result.safety_copy) == after_work
    assert row_hashes(paths.database, skip_restore_audit=True) == before
    assert not Path(f"{paths.database}-wal").exists() or (
        Path(f"{paths.database}-wal").stat().st_size == 0
    )


def test_backup_is_consistent_while_another_connection_writes(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    populate(db, residents=3)
    writer = sqlite3.connect(db.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE resident SET note = 'niet bewaard'")
    backup = _backup(db, tmp_path / "b.mnb", admin)  # the window keeps its transaction open
    writer.execute("ROLLBACK")
    writer.close()
    empty = resolve_paths(tmp_path / "empty")
    _restore(empty, backup)
    check = sqlite3.connect(empty.database)
    notes = {row[0] for row in check.execute("SELECT note FROM resident")}
    check.close()
    assert notes == {"Komt graag op dinsdag."}


@pytest.fixture
def backup_file(db: Database, admin: Actor, tmp_path: Path) -> Path:
    populate(db, residents=8)
    return _backup(db, tmp_path / "bestuur.mnb", admin)


@pytest.fixture
def target(tmp_path: Path) -> Paths:
    """A data dir with its own database that every refused restore must leave alone."""
    paths = resolve_paths(tmp_path / "target")
    paths.ensure()
    database = Database(paths.database)
    from minami_desk.data.migrate import upgrade

    upgrade(database, paths.backup_dir)
    with database.session() as session:
        session.add(Theme(code="eigen", name="Eigen thema"))
    database.dispose()
    return paths


def _tampered(source: Path, folder: Path, position: int) -> Path:
    data = bytearray(source.read_bytes())
    data[position] ^= 0x40
    copy = folder / f"flip-{position}.mnb"
    copy.write_bytes(bytes(data))
    return copy


def test_every_flipped_header_byte_is_damage(backup_file: Path, target: Paths) -> None:
    before = _fingerprint(target)
    for position in range(HEADER_V1_SIZE):
        with pytest.raises(DamagedBackupError) as caught:
            _restore(target, _tampered(backup_file, backup_file.parent, position))
        assert type(caught.value) is DamagedBackupError, position
    assert _fingerprint(target) == before


def test_flipped_body_bytes_are_damage_not_a_wrong_passphrase(
    backup_file: Path, target: Paths
) -> None:
    size = backup_file.stat().st_size
    body = range(HEADER_V1_SIZE, size)
    positions = {*body[:: max(1, len(body) // 25)], size - 17, size - 16, size - 1}
    before = _fingerprint(target)
    for position in sorted(positions):
        with pytest.raises(DamagedBackupError) as caught:
            _restore(target, _tampered(backup_file, backup_file.parent, position))
        assert type(caught.value) is DamagedBackupError, position
    assert _fingerprint(target) == before


def test_truncated_files_are_damage(backup_file: Path, target: Paths, tmp_path: Path) -> None:
    data = backup_file.read_bytes()
    before = _fingerprint(target)
    for length in (
        0,
        3,
        8,
        13,
        60,
        HEADER_V1_SIZE - 1,
        HEADER_V1_SIZE,
        HEADER_V1_SIZE + 15,
        len(data) // 2,
        len(data) - 16,
        len(data) - 1,
    ):
        short = tmp_path / f"short-{length}.mnb"
        short.write_bytes(data[:length])
        with pytest.raises(DamagedBackupError) as caught:
            _restore(target, short)
        assert type(caught.value) is DamagedBackupError, length
    assert _fingerprint(target) == before


def test_wrong_passphrase_has_its_own_message(backup_file: Path, target: Paths) -> None:
    before = _fingerprint(target)
    with pytest.raises(WrongPassphraseError) as wrong:
        _restore(target, backup_file, "zonnebloem kade fiets 43")
    with pytest.raises(DamagedBackupError) as damaged:
        _restore(target, _tampered(backup_file, backup_file.parent, HEADER_V1_SIZE + 5))
    assert "wachtwoordzin" in str(wrong.value)
    assert "beschadigd" in str(damaged.value)
    assert str(wrong.value) != str(damaged.value)
    assert _fingerprint(target) == before


def _rewrite_header(source: Path, folder: Path, **changes: int) -> Path:
    """A header that is sound (valid checksum) but says something else."""
    data = bytearray(source.read_bytes())
    if "version" in changes:
        struct.pack_into(">H", data, 8, changes["version"])
    if "memory_kib" in changes:
        struct.pack_into(">I", data, 16, changes["memory_kib"])
    if "iterations" in changes:
        struct.pack_into(">I", data, 20, changes["iterations"])
    body = bytes(data[: HEADER_V1_SIZE - 32])
    data[HEADER_V1_SIZE - 32 : HEADER_V1_SIZE] = hashlib.sha256(body).digest()
    copy = folder / ("rewritten-" + "-".join(f"{k}{v}" for k, v in changes.items()) + ".mnb")
    copy.write_bytes(bytes(data))
    return copy


def test_unknown_format_version_has_its_own_message(backup_file: Path, target: Paths) -> None:
    before = _fingerprint(target)
    with pytest.raises(UnknownBackupVersionError) as caught:
        _restore(target, _rewrite_header(backup_file, backup_file.parent, version=2))
    assert "nieuwer" in str(caught.value)
    assert str(caught.value) not in (str(WrongPassphraseError()), str(DamagedBackupError()))
    assert _fingerprint(target) == before


def test_costly_kdf_parameters_are_refused_before_deriving(
    backup_file: Path, target: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(*_args: object) -> None:
        raise AssertionError("a key was derived from refused parameters")

    monkeypatch.setattr(backup_format, "derive_keys", must_not_run)
    for changes in ({"memory_kib": 4 * 1024 * 1024}, {"iterations": 1000}):
        with pytest.raises(UnsafeBackupParametersError):
            _restore(target, _rewrite_header(backup_file, backup_file.parent, **changes))


def test_the_default_kdf_meets_owasp() -> None:
    """OWASP (2024): Argon2id with at least 19 MiB and 2 passes, or 46 MiB and 1 pass."""
    kdf = backup_format.DEFAULT_KDF
    assert kdf.memory_kib >= 19 * 1024 and kdf.iterations >= 2
    assert kdf.memory_kib <= backup_format.MAX_KDF.memory_kib


def test_an_older_schema_is_brought_up_to_date(paths: Paths, admin: Actor, tmp_path: Path) -> None:
    old = Database(tmp_path / "old.sqlite")
    with old.engine.connect() as connection, connection.begin():
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO resident (id, number, first_name, infix, last_name, sort_key,"
                " languages, found_via, note, registered_on, minor_free_help, created_at,"
                " updated_at) VALUES (1, 1, 'Efua', '', 'Boateng', 'boateng efua', '', '', '',"
                " '2025-02-03', 0, '2025-02-03 10:00:00', '2025-02-03 10:00:00')"
            )
        )
    backup = _backup(old, tmp_path / "oud.mnb", admin)
    old.dispose()
    result = _restore(paths, backup)
    assert result.migrated and result.schema_revision == "0001"
    restored = Database(paths.database)
    with restored.read_session() as session:
        assert session.get(Resident, 1).last_name == "Boateng"
        assert session.scalar(select(func.count()).select_from(Theme)) > 0  # from 0002
        assert (
            session.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )
    restored.dispose()


def test_a_newer_schema_is_refused(
    db: Database, admin: Actor, target: Paths, tmp_path: Path
) -> None:
    with db.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    backup = _backup(db, tmp_path / "toekomst.mnb", admin)
    before = _fingerprint(target)
    with pytest.raises(BackupTooNewError):
        _restore(target, backup)
    assert _fingerprint(target) == before


def test_backup_needs_the_right_role_and_a_decent_passphrase(
    db: Database, volunteer: Actor, admin: Actor, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDeniedError):
        create_backup(db, tmp_path / "b.mnb", PASSPHRASE, volunteer, kdf=FAST_KDF)
    with pytest.raises(ValidationError) as short:
        create_backup(db, tmp_path / "b.mnb", "kort", admin, kdf=FAST_KDF)
    assert short.value.field == "passphrase"
    with pytest.raises(ValidationError):
        create_backup(db, tmp_path, PASSPHRASE, admin, kdf=FAST_KDF)
    with pytest.raises(ValidationError):  # never over the live database
        create_backup(db, db.path, PASSPHRASE, admin, kdf=FAST_KDF)
    with pytest.raises(BackupStorageError) as missing:
        create_backup(db, tmp_path / "nergens" / "b.mnb", PASSPHRASE, admin, kdf=FAST_KDF)
    assert "bestaat niet" in str(missing.value)
    assert not list(tmp_path.glob("*.mnb*"))


def test_restore_refuses_without_the_instance_lock(backup_file: Path, target: Paths) -> None:
    with pytest.raises(LockNotHeldError):
        restore_backup(target, backup_file, PASSPHRASE, Actor.command_line())


def test_passphrase_strength_rewards_length() -> None:
    scores = [
        passphrase_strength(text)[0]
        for text in ("kort", "aaaaaaaaaaaa", "zonnebloem1", "zonnebloem kade fiets", PASSPHRASE)
    ]
    assert scores[0] == 0 and scores[1] == 1
    assert scores == sorted(scores) and scores[-1] >= 3
    assert all(passphrase_strength(text)[1] for text in ("kort", PASSPHRASE))


@pytest.mark.parametrize("pages", [[4], list(range(2, 40, 2))])
def test_a_damaged_live_database_gives_no_backup(
    db: Database, paths: Paths, admin: Actor, tmp_path: Path, pages: list[int]
) -> None:
    """One bad page (found by integrity_check), or many (SQLite cannot even copy it)."""
    populate(db, residents=40)
    db.dispose()
    with open(paths.database, "r+b") as handle:
        for page in pages:
            handle.seek(4096 * page + 8)
            handle.write(b"\xff\x00" * 1024)
    with pytest.raises(LiveDatabaseDamagedError) as caught:
        create_backup(db, tmp_path / "b.mnb", PASSPHRASE, admin, kdf=FAST_KDF)
    assert "minami-desk check" in str(caught.value)
    assert not list(tmp_path.glob("*.mnb*")) and not list(tmp_path.glob(".b.mnb*"))


def test_odd_folder_names_and_accented_passphrases(admin: Actor, tmp_path: Path) -> None:
    """A folder with spaces and "#", and "é" typed composed or decomposed: same backup."""
    from minami_desk.data.store import open_database

    odd = resolve_paths(tmp_path / "Mi na Mi #1")
    database = open_database(odd)
    populate(database, residents=4)
    composed = "crème brûlée café"
    backup = create_backup(database, odd.data_dir / "b.mnb", composed, admin, kdf=FAST_KDF)
    database.dispose()
    decomposed = "cre\u0300me bru\u0302le\u0301e cafe\u0301"
    assert decomposed != composed
    result = _restore(odd, backup.path, decomposed)
    assert result.row_counts["resident"] == 4


def _with_manifest(backup_file: Path, folder: Path, manifest: bytes, name: str) -> Path:
    """The board file re-encrypted (same passphrase) with ``manifest`` in place of its own."""
    plain = folder / f"{name}.zip"
    with backup_file.open("rb") as source, plain.open("wb") as sink:
        header = backup_format.read_header(source)
        keys = backup_format.unlock(header, PASSPHRASE)
        backup_format.decrypt(header, keys, source, sink.write)
    crafted_zip = folder / f"{name}-crafted.zip"
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(crafted_zip, "w") as crafted:
        crafted.writestr(DATABASE_NAME, original.read(DATABASE_NAME), zipfile.ZIP_DEFLATED)
        crafted.writestr(MANIFEST_NAME, manifest, zipfile.ZIP_DEFLATED)
    crafted_file = folder / f"{name}.mnb"
    header, keys = backup_format.new_header(PASSPHRASE, FAST_KDF)
    with crafted_zip.open("rb") as source, crafted_file.open("wb") as target:
        backup_format.encrypt(header, keys, source, target, None)
    return crafted_file


@pytest.mark.parametrize(
    "name, manifest",
    [
        # 64 MB of row counts: deflates to a small file, but would fill memory when parsed
        ("huge", b'{"row_counts": {' + b'"t": 1, ' * 8_000_000 + b'"u": 1}}'),
        ("nested", b"[" * 200_000 + b"]" * 200_000),
    ],
)
def test_a_crafted_manifest_is_damage(
    backup_file: Path, target: Paths, tmp_path: Path, name: str, manifest: bytes
) -> None:
    # GIVEN a board file, properly encrypted, whose manifest is huge or nested very deep
    crafted = _with_manifest(backup_file, tmp_path, manifest, name)
    before = _fingerprint(target)
    # WHEN it is restored
    tracemalloc.start()
    try:
        with pytest.raises(DamagedBackupError) as caught:
            _restore(target, crafted)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # THEN it gets the "damaged" message, nothing changes, and the manifest never sat in memory
    assert "beschadigd" in str(caught.value)
    assert _fingerprint(target) == before
    assert peak < 16 * 1024 * 1024, peak
