"""Everything the centre holds about one person (AVG inzage), as plain data for the PDF and JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from minami_desk.documents.centre import CentreInfo


@dataclass(frozen=True)
class PersonExport:
    """What the PDF and the JSON file are made from; ``data`` is plain JSON-able values."""

    resident_id: int
    made_at: datetime
    centre: CentreInfo
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "export": {
                    "kind": "inzageverzoek",
                    "resident_id": self.resident_id,
                    "made_at": self.made_at.isoformat(),
                    "centre": self.centre.name,
                },
                **self.data,
            },
            ensure_ascii=False,
            indent=2,
        )
