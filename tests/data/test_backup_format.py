"""The backup header on its own: layout, checksum, key check, and parameter limits."""

from __future__ import annotations

import hashlib
import io
import struct

import pytest

from minami_desk.data import backup_format as fmt
from tests.services.backup_helpers import FAST_KDF


def _resealed(raw: bytes, offset: int, fmt_code: str, value: int) -> io.BytesIO:
    data = bytearray(raw)
    struct.pack_into(fmt_code, data, offset, value)
    data[-fmt.CHECKSUM_SIZE :] = hashlib.sha256(bytes(data[: -fmt.CHECKSUM_SIZE])).digest()
    return io.BytesIO(bytes(data))


def test_header_round_trip_and_fresh_salt_and_nonce() -> None:
    first, keys = fmt.new_header("een lange wachtwoordzin", FAST_KDF)
    second, _ = fmt.new_header("een lange wachtwoordzin", FAST_KDF)
    assert len(first.raw) == fmt.HEADER_V1_SIZE and first.raw.startswith(fmt.MAGIC)
    assert first.salt != second.salt and first.nonce != second.nonce
    parsed = fmt.read_header(io.BytesIO(first.raw + b"body"))
    assert parsed == first
    assert fmt.unlock(parsed, "een lange wachtwoordzin") == keys
    with pytest.raises(fmt.WrongPassphrase):
        fmt.unlock(parsed, "een lange wachtwoordzin!")


@pytest.mark.parametrize(
    ("offset", "code", "value", "error"),
    [
        (8, ">H", 7, fmt.UnknownVersion),  # format version
        (14, ">B", 2, fmt.UnknownVersion),  # another key derivation
        (16, ">I", fmt.MAX_KDF.memory_kib + 1, fmt.KdfRefused),
        (20, ">I", fmt.MAX_KDF.iterations + 1, fmt.KdfRefused),
        (24, ">I", fmt.MAX_KDF.lanes + 1, fmt.KdfRefused),
        (16, ">I", 4, fmt.DamagedFile),  # less memory than Argon2 can use
        (20, ">I", 0, fmt.DamagedFile),
        (10, ">I", fmt.HEADER_V1_SIZE + 4, fmt.DamagedFile),  # header length, resealed
    ],
)
def test_sound_headers_that_say_something_else(
    offset: int, code: str, value: int, error: type[Exception]
) -> None:
    header, _ = fmt.new_header("een lange wachtwoordzin", FAST_KDF)
    with pytest.raises(error):
        fmt.read_header(_resealed(header.raw, offset, code, value))


def test_not_a_backup_at_all() -> None:
    for data in (b"", b"MINAMIBK", b"SQLite format 3\x00" + bytes(200), bytes(500)):
        with pytest.raises(fmt.DamagedFile):
            fmt.read_header(io.BytesIO(data))
