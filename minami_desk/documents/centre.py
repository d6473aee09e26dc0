"""The centre as printed on documents, in a module of its own: services pass it around
without loading reportlab (importing reportlab took a noticeable part of every start)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minami_desk.config import resource_path


@dataclass(frozen=True)
class CentreInfo:
    """The centre as printed on every page; filled from the settings by the services."""

    name: str = "Mi na Mi"
    address: str = ""
    postcode_city: str = "Amsterdam Zuidoost"
    phone: str = ""
    email: str = ""
    coordinator: str = ""
    logo_path: str = ""

    @property
    def logo(self) -> Path:
        """The centre's own logo when set and present, else the one that ships."""
        if self.logo_path and Path(self.logo_path).is_file():
            return Path(self.logo_path)
        return resource_path("logo", "minami-logo.png")

    @property
    def contact_line(self) -> str:
        parts = [self.address, self.postcode_city, self.phone, self.email]
        return " · ".join(part for part in parts if part)
