"""What sits inside the encryption: a zip with the database snapshot and a JSON manifest.

A zip keeps the payload readable with ordinary tools once decrypted, compresses the database
well, and carries a CRC per member as a second line of defence after the GCM tag.

The deflate work is done by ISA-L (``isal``): the same deflate format any zip tool reads, about
five times faster than zlib for the same size, which is most of a ten-year backup's time. The
zip is written as a stream (members with data descriptors), so it can go straight into the
encryption without a plaintext copy on any disk; the database comes first and the manifest,
which carries its SHA-256, after it. Readers look members up by name, so older files (manifest
first) read the same.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from isal import isal_zlib

from minami_desk.data.backup_format import DamagedFile

MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "minami-desk.sqlite"
# A real manifest is about a kilobyte; anything far larger is a crafted file, refused before it
# is read into memory (the size in the zip's directory can lie, so reading stops there too).
MAX_MANIFEST_BYTES = 256 * 1024
PAYLOAD_KIND = "minami-desk-backup"
_CHUNK = 1024 * 1024
# ISA-L's levels run 0-3; 2 gives zlib level 1's size at a fifth of its time.
DEFLATE_LEVEL = 2

log = logging.getLogger(__name__)
# isal's stub declares ``error`` as an instance; at run time it is the class IsalError.
_ISAL_ERROR: type[Exception] = isal_zlib.error  # type: ignore[assignment]  # stub: see above
# What a damaged zip raises while it is read (ISA-L has its own error class).
_UNREADABLE = (zipfile.BadZipFile, KeyError, zlib.error, _ISAL_ERROR)


@dataclass(frozen=True)
class Manifest:
    program_version: str
    schema_revision: str | None
    created_at: str  # ISO 8601, UTC
    row_counts: dict[str, int]
    database_sha256: str
    database_size: int

    def to_json(self) -> bytes:
        data = {
            "kind": PAYLOAD_KIND,
            "program_version": self.program_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "row_counts": self.row_counts,
            "database": {
                "name": DATABASE_NAME,
                "sha256": self.database_sha256,
                "size": self.database_size,
            },
        }
        return json.dumps(data, indent=2, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("kind") != PAYLOAD_KIND:
                raise ValueError("kind")
            database = data["database"]
            return cls(
                program_version=str(data["program_version"]),
                schema_revision=data["schema_revision"],
                created_at=str(data["created_at"]),
                row_counts={str(k): int(v) for k, v in data["row_counts"].items()},
                database_sha256=str(database["sha256"]),
                database_size=int(database["size"]),
            )
        # RecursionError: a manifest nested thousands of levels deep.
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise DamagedFile("manifest") from None


class ZipSink(Protocol):
    """Where ``pack`` streams to: a file, or the encrypting writer of a backup."""

    def write(self, data: bytes, /) -> int: ...
    def tell(self) -> int: ...
    def flush(self) -> None: ...


def pack(
    database: Path,
    describe: Callable[[str, int], Manifest],
    target: ZipSink,
    progress: Callable[[int], None],
) -> Manifest:
    """Stream the zip into ``target`` and return the manifest written after the database.

    ``describe(sha256, size)`` makes the manifest once the database bytes have gone by, so the
    file is read only once. ``target`` needs ``write`` and ``tell``, not ``seek``.
    """
    size = 0
    # typeshed wants a close() too, but ZipFile never closes a file object it was handed.
    zf = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)  # type: ignore[call-overload]  # no close()
    with zf:
        with (
            open(database, "rb") as source,
            zf.open(DATABASE_NAME, "w", force_zip64=True) as out,
            BackgroundDigest() as digest,
        ):
            _use_fast_deflate(out)
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
                progress(len(chunk))
        manifest = describe(digest.hexdigest(), size)
        zf.writestr(MANIFEST_NAME, manifest.to_json())
    return manifest


def _use_fast_deflate(member: IO[bytes]) -> None:
    """Give zipfile's member writer ISA-L's compressor instead of zlib's.

    zipfile has no public hook for this; its writer keeps a zlib-style compressor object in
    ``_compressor`` (CPython 3.11-3.14). Should that change, zlib stays in use: slower, never
    wrong, and tests/data/test_backup_payload.py says so.
    """
    if getattr(member, "_compressor", None) is None:
        log.warning("zipfile changed: the backup is compressed with zlib (slower)")
        return
    member._compressor = isal_zlib.compressobj(  # type: ignore[attr-defined]  # private hook
        DEFLATE_LEVEL, isal_zlib.DEFLATED, -15
    )


def _use_fast_inflate(member: IO[bytes]) -> None:
    """The same for reading: ISA-L inflates twice as fast as zlib (see ``_use_fast_deflate``)."""
    deflated = getattr(member, "_compress_type", None) == zipfile.ZIP_DEFLATED
    if not deflated or getattr(member, "_decompressor", None) is None:
        return
    member._decompressor = isal_zlib.decompressobj(-15)  # type: ignore[attr-defined]  # private hook


def read_manifest(payload: Path) -> Manifest:
    try:
        with zipfile.ZipFile(payload) as zf:
            if zf.getinfo(MANIFEST_NAME).file_size > MAX_MANIFEST_BYTES:
                raise DamagedFile("manifest size")
            with zf.open(MANIFEST_NAME) as member:
                raw = member.read(MAX_MANIFEST_BYTES + 1)
            if len(raw) > MAX_MANIFEST_BYTES:
                raise DamagedFile("manifest size")
            return Manifest.from_json(raw)
    except _UNREADABLE:
        raise DamagedFile("payload") from None


def extract_database(
    payload: Path, target: Path, manifest: Manifest, progress: Callable[[int], None] | None = None
) -> None:
    """Write the database member to ``target`` and insist it is exactly what the manifest says."""
    size = 0
    try:
        with (
            zipfile.ZipFile(payload) as zf,
            zf.open(DATABASE_NAME) as source,
            open(target, "wb") as out,
            BackgroundDigest() as digest,
        ):
            _use_fast_inflate(source)
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
                if progress is not None:
                    progress(len(chunk))
    except _UNREADABLE:
        raise DamagedFile("payload") from None
    if digest.hexdigest() != manifest.database_sha256 or size != manifest.database_size:
        raise DamagedFile("database checksum")


def database_digest(payload: Path) -> str:
    """SHA-256 of the database member, read back through zip's own CRC check."""
    try:
        with (
            zipfile.ZipFile(payload) as zf,
            zf.open(DATABASE_NAME) as source,
            BackgroundDigest() as digest,
        ):
            _use_fast_inflate(source)
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
    except _UNREADABLE:
        raise DamagedFile("payload") from None
    return digest.hexdigest()


class BackgroundDigest:
    """SHA-256 on a second thread while this one inflates: hashlib and ISA-L both let go of
    the GIL on large buffers, so on two cores the hash costs no extra time.

    Chunks are hashed in order (one worker); at most a few wait, so memory stays small.
    """

    _WAITING = 4

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256")
        self._pending: deque[Future[None]] = deque()

    def __enter__(self) -> BackgroundDigest:
        return self

    def update(self, chunk: bytes) -> None:
        self._pending.append(self._pool.submit(self._digest.update, chunk))
        while len(self._pending) > self._WAITING:
            self._pending.popleft().result()

    def __exit__(self, failed: type[BaseException] | None, *exc: object) -> None:
        # After a failure nothing waiting needs hashing; otherwise every chunk does.
        self._pool.shutdown(wait=True, cancel_futures=failed is not None)

    def hexdigest(self) -> str:
        while self._pending:
            self._pending.popleft().result()
        return self._digest.hexdigest()
