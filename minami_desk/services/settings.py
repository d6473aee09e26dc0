"""The centre's own settings, kept in the database so a backup carries them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from minami_desk.data.db import Database
from minami_desk.data.models import Setting
from minami_desk.services.actor import Actor, Permission
from minami_desk.services.audit import record


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.read_session() as session:
        row = session.get(Setting, key)
        return default if row is None else json.loads(row.value)


def get_settings(db: Database, prefix: str = "") -> dict[str, Any]:
    with db.read_session() as session:
        rows = session.scalars(select(Setting).where(Setting.key.startswith(prefix)))
        return {row.key: json.loads(row.value) for row in rows}


def set_settings(db: Database, actor: Actor, values: dict[str, Any]) -> None:
    actor.require(Permission.MANAGE_SETTINGS)
    with db.session() as session:
        for key, value in values.items():
            encoded = json.dumps(value, ensure_ascii=False)
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=encoded))
            else:
                row.value = encoded
        record(session, actor, "changed", "setting", None, ",".join(sorted(values))[:200])
