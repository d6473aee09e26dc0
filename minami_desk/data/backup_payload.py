"""What sits inside the encryption: a zip with the database snapshot and a JSON manifest.

A zip keeps the payload readable with ordinary tools once decrypted, compresses the database
well, and carries a CRC per member as a second line of defence after the GCM tag.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minami_desk.data.backup_format import DamagedFile

MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "minami-desk.sqlite"
PAYLOAD_KIND = "minami-desk-backup"
_CHUNK = 1024 * 1024


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
        except (ValueError, KeyError, TypeError, AttributeError):
            raise DamagedFile("manifest") from None


def pack(database: Path, manifest: Manifest, target: Path, progress: Callable[[int], None]) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(MANIFEST_NAME, manifest.to_json())
        with open(database, "rb") as source, zf.open(DATABASE_NAME, "w", force_zip64=True) as out:
            while chunk := source.read(_CHUNK):
                out.write(chunk)
                progress(len(chunk))


def read_manifest(payload: Path) -> Manifest:
    try:
        with zipfile.ZipFile(payload) as zf:
            return Manifest.from_json(zf.read(MANIFEST_NAME))
    except (zipfile.BadZipFile, KeyError, zlib.error):
        raise DamagedFile("payload") from None


def extract_database(
    payload: Path, target: Path, manifest: Manifest, progress: Callable[[int], None] | None = None
) -> None:
    """Write the database member to ``target`` and insist it is exactly what the manifest says."""
    digest = hashlib.sha256()
    size = 0
    try:
        with (
            zipfile.ZipFile(payload) as zf,
            zf.open(DATABASE_NAME) as source,
            open(target, "wb") as out,
        ):
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
                if progress is not None:
                    progress(len(chunk))
    except (zipfile.BadZipFile, KeyError, zlib.error):
        raise DamagedFile("payload") from None
    if digest.hexdigest() != manifest.database_sha256 or size != manifest.database_size:
        raise DamagedFile("database checksum")


def database_digest(payload: Path) -> str:
    """SHA-256 of the database member, read back through zip's own CRC check."""
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(payload) as zf, zf.open(DATABASE_NAME) as source:
            shutil.copyfileobj(source, _DigestWriter(digest), _CHUNK)
    except (zipfile.BadZipFile, KeyError, zlib.error):
        raise DamagedFile("payload") from None
    return digest.hexdigest()


class _DigestWriter:
    def __init__(self, digest: hashlib._Hash) -> None:
        self._digest = digest

    def write(self, chunk: bytes) -> int:
        self._digest.update(chunk)
        return len(chunk)
