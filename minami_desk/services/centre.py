"""The centre as printed on documents, read from its settings."""

from __future__ import annotations

from minami_desk.data.db import Database
from minami_desk.documents.centre import CentreInfo
from minami_desk.services.settings import get_settings


def centre_info(db: Database) -> CentreInfo:
    values = get_settings(db, "centre.")
    defaults = CentreInfo()

    def text(key: str, default: str) -> str:
        value = values.get(f"centre.{key}")
        return value.strip() if isinstance(value, str) and value.strip() else default

    return CentreInfo(
        name=text("name", defaults.name),
        address=text("address", ""),
        postcode_city=text("postcode_city", defaults.postcode_city),
        phone=text("phone", ""),
        email=text("email", ""),
        coordinator=text("coordinator", ""),
        logo_path=text("logo_path", ""),
    )
