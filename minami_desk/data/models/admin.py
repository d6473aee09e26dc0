"""The centre's settings and the audit log (which never holds personal data)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from minami_desk.data.models.base import Base, check_in
from minami_desk.data.types import utcnow

AUDIT_ACTIONS = (
    "viewed",
    "created",
    "changed",
    "merged",
    "exported",
    "printed",
    "deleted",
    "anonymised",
    "restored",
    "backed_up",
    "imported",
    "signed_in",
    "signed_out",
    "sign_in_failed",
)


class Setting(Base):
    """A setting of the centre (name, address, logo, texts), as JSON text under a key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditLog(Base):
    """Who did what to which record, by id only: no names, numbers or free text."""

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(check_in("action", AUDIT_ACTIONS), name="action"),
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    via: Mapped[str] = mapped_column(String(8), default="ui")  # "ui" or "cli"
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    detail: Mapped[str] = mapped_column(String(200), default="")  # codes only, never free text
