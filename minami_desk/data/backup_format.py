"""The encrypted board backup file: header, key derivation, authenticated encryption.

Layout (all integers big-endian)::

    preamble   magic b"MINAMIBK" (8) | format version u16 | header length u32
    version 1  kdf id u8 (1 = Argon2id) | argon2 version u8 | memory KiB u32 | iterations u32
               | lanes u32 | salt (16) | nonce (12) | key check (16)
    checksum   SHA-256 of every header byte before it (32)
    body       AES-256-GCM ciphertext of the payload | tag (16)

The whole header is the associated data of AES-GCM, so no byte of it can be changed unseen.
Every future version keeps the preamble and the trailing checksum; that is what lets a reader
tell three failures apart without guessing: a checksum that does not match means the file is
damaged; a sound header with a version we do not know means a newer program wrote it; a sound
header whose key check differs from the key derived from the passphrase means the passphrase is
wrong. Only when all of that holds can a failing GCM tag be blamed on a damaged body.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from argon2.exceptions import HashingError
from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MAGIC = b"MINAMIBK"
FORMAT_VERSION = 1
KDF_ARGON2ID = 1
SALT_SIZE = 16
NONCE_SIZE = 12
KEY_CHECK_SIZE = 16
CHECKSUM_SIZE = 32
TAG_SIZE = 16
MAX_HEADER_SIZE = 64 * 1024
_PREAMBLE = struct.Struct(">8sHI")
_V1_FIELDS = struct.Struct(f">BBIII{SALT_SIZE}s{NONCE_SIZE}s{KEY_CHECK_SIZE}s")
HEADER_V1_SIZE = _PREAMBLE.size + _V1_FIELDS.size + CHECKSUM_SIZE
_CHUNK = 1024 * 1024
_KEY_CHECK_LABEL = b"minami-desk key check"


class BackupFormatError(Exception):
    """Base of the reasons a backup file cannot be opened (the service words them in Dutch)."""


class DamagedFile(BackupFormatError):
    """Truncated, altered, or not a backup of this program at all."""


class UnknownVersion(BackupFormatError):
    """A sound header of a format version (or key derivation) this program does not know."""


class KdfRefused(BackupFormatError):
    """The header asks for a key derivation so costly it could stall or crash the PC."""


class WrongPassphrase(BackupFormatError):
    """The header is sound but the passphrase gives another key."""


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id cost. The default is RFC 9106's second recommendation, above OWASP's minimum
    (19 MiB, 2 passes); tests pass cheaper values explicitly, the default never changes."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4


DEFAULT_KDF = KdfParameters()
# Anything above this would need more than 1 GiB or minutes: a crafted file must not do that.
MAX_KDF = KdfParameters(memory_kib=1024 * 1024, iterations=16, lanes=16)


@dataclass(frozen=True)
class Keys:
    encryption: bytes
    check: bytes


@dataclass(frozen=True)
class Header:
    version: int
    kdf: KdfParameters
    salt: bytes
    nonce: bytes
    key_check: bytes
    raw: bytes  # the exact bytes, used as associated data


def _passphrase_bytes(passphrase: str) -> bytes:
    """NFC first, so an "é" typed on another keyboard or system gives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_keys(passphrase: str, salt: bytes, kdf: KdfParameters) -> Keys:
    try:
        material = _argon2id(passphrase, salt, kdf)
    except HashingError:  # e.g. the PC cannot spare the memory the header asks for
        raise KdfRefused(f"m={kdf.memory_kib}") from None
    return Keys(encryption=material[:32], check=material[32:])


def _argon2id(passphrase: str, salt: bytes, kdf: KdfParameters) -> bytes:
    return hash_secret_raw(
        _passphrase_bytes(passphrase),
        salt,
        time_cost=kdf.iterations,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.lanes,
        hash_len=64,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


def _key_check(keys: Keys, header_start: bytes) -> bytes:
    return hmac.new(keys.check, _KEY_CHECK_LABEL + header_start, hashlib.sha256).digest()[
        :KEY_CHECK_SIZE
    ]


def new_header(passphrase: str, kdf: KdfParameters = DEFAULT_KDF) -> tuple[Header, Keys]:
    """A fresh salt and nonce for every file: one file's key never protects another."""
    salt = os.urandom(SALT_SIZE)
    nonce = os.urandom(NONCE_SIZE)
    keys = derive_keys(passphrase, salt, kdf)
    preamble = _PREAMBLE.pack(MAGIC, FORMAT_VERSION, HEADER_V1_SIZE)
    fields = _V1_FIELDS.pack(
        KDF_ARGON2ID, ARGON2_VERSION, kdf.memory_kib, kdf.iterations, kdf.lanes, salt, nonce, b""
    )
    start = preamble + fields[:-KEY_CHECK_SIZE]
    check = _key_check(keys, start)
    body = start + check
    raw = body + hashlib.sha256(body).digest()
    return Header(FORMAT_VERSION, kdf, salt, nonce, check, raw), keys


def read_header(handle: BinaryIO) -> Header:
    """Parse and check the header; no key is derived here, so this is cheap and safe."""
    preamble = handle.read(_PREAMBLE.size)
    if len(preamble) < _PREAMBLE.size:
        raise DamagedFile("short preamble")
    magic, version, length = _PREAMBLE.unpack(preamble)
    if magic != MAGIC:
        raise DamagedFile("magic")
    if not _PREAMBLE.size + CHECKSUM_SIZE <= length <= MAX_HEADER_SIZE:
        raise DamagedFile("header length")
    rest = handle.read(length - _PREAMBLE.size)
    if len(rest) < length - _PREAMBLE.size:
        raise DamagedFile("short header")
    raw = preamble + rest
    if not hmac.compare_digest(hashlib.sha256(raw[:-CHECKSUM_SIZE]).digest(), raw[-CHECKSUM_SIZE:]):
        raise DamagedFile("header checksum")
    if version != FORMAT_VERSION:
        raise UnknownVersion(f"format {version}")
    if length != HEADER_V1_SIZE:
        raise DamagedFile("header length for version 1")
    kdf_id, argon_version, memory, iterations, lanes, salt, nonce, check = _V1_FIELDS.unpack(
        raw[_PREAMBLE.size : -CHECKSUM_SIZE]
    )
    if kdf_id != KDF_ARGON2ID or argon_version != ARGON2_VERSION:
        raise UnknownVersion(f"kdf {kdf_id}/{argon_version}")
    kdf = KdfParameters(memory_kib=memory, iterations=iterations, lanes=lanes)
    if (
        kdf.lanes > MAX_KDF.lanes
        or kdf.iterations > MAX_KDF.iterations
        or kdf.memory_kib > MAX_KDF.memory_kib
    ):
        raise KdfRefused(f"m={memory} t={iterations} p={lanes}")
    if kdf.lanes < 1 or kdf.iterations < 1 or kdf.memory_kib < 8 * kdf.lanes:
        raise DamagedFile("kdf parameters Argon2 cannot use")
    return Header(version, kdf, salt, nonce, check, raw)


def unlock(header: Header, passphrase: str) -> Keys:
    keys = derive_keys(passphrase, header.salt, header.kdf)
    start = header.raw[: -CHECKSUM_SIZE - KEY_CHECK_SIZE]
    if not hmac.compare_digest(_key_check(keys, start), header.key_check):
        raise WrongPassphrase("key check")
    return keys


Progress = Callable[[int], None]


class EncryptingWriter:
    """A write-only file object that encrypts what it is given into ``target``.

    The header goes first; ``finish`` writes the GCM tag. ``tell`` counts plaintext bytes,
    which is all a streaming zip writer needs. One GCM stream over the whole payload, so the
    file is the same format however the plaintext arrives.
    """

    def __init__(self, header: Header, keys: Keys, target: BinaryIO) -> None:
        self._target = target
        self._encryptor = Cipher(
            algorithms.AES256(keys.encryption), modes.GCM(header.nonce)
        ).encryptor()
        self._encryptor.authenticate_additional_data(header.raw)
        self._written = 0
        target.write(header.raw)

    def write(self, data: bytes) -> int:
        self._target.write(self._encryptor.update(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        self._target.flush()

    def finish(self) -> None:
        self._target.write(self._encryptor.finalize())
        self._target.write(self._encryptor.tag)


def encrypt(
    header: Header, keys: Keys, source: BinaryIO, target: BinaryIO, progress: Progress | None
) -> None:
    """Write header, ciphertext and tag; ``progress`` gets the number of bytes done each step."""
    writer = EncryptingWriter(header, keys, target)
    while chunk := source.read(_CHUNK):
        writer.write(chunk)
        if progress is not None:
            progress(len(chunk))
    writer.finish()


def decrypt(
    header: Header,
    keys: Keys,
    source: BinaryIO,
    sink: Callable[[bytes], object],
    progress: Progress | None = None,
) -> None:
    """Feed the plaintext to ``sink``; raises ``DamagedFile`` at the end if the tag fails.

    ``source`` stands just after the header. Until this returns, what ``sink`` received is
    unauthenticated: callers write it to a scratch file and only use it afterwards.
    """
    start = source.tell()
    end = os.fstat(source.fileno()).st_size
    body_length = end - start - TAG_SIZE
    if body_length < 0:
        raise DamagedFile("truncated body")
    source.seek(end - TAG_SIZE)
    tag = source.read(TAG_SIZE)
    source.seek(start)
    decryptor = Cipher(algorithms.AES256(keys.encryption), modes.GCM(header.nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(header.raw)
    remaining = body_length
    while remaining > 0:
        chunk = source.read(min(_CHUNK, remaining))
        if not chunk:
            raise DamagedFile("short read")
        remaining -= len(chunk)
        sink(decryptor.update(chunk))
        if progress is not None:
            progress(len(chunk))
    try:
        sink(decryptor.finalize())
    except InvalidTag:
        raise DamagedFile("tag") from None
