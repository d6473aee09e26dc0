"""Walk-ins and calls at the desk (contacts) with their help request and its themes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from minami_desk.data.models.base import Base, Timestamped, check_in

CONTACT_CHANNELS = ("walk_in", "phone", "whatsapp", "email", "home_visit", "other")


class Theme(Base):
    """A help-request theme (eenzaamheid, schulden, …); the list is editable in Beheer."""

    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)  # Dutch label as shown
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


contact_theme = Table(
    "contact_theme",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_contact_theme_theme_id", "theme_id"),
)


class Contact(Timestamped, Base):
    """A visit or call at the desk. Its ``help_request`` and themes are the hulpvraag."""

    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint(check_in("channel", CONTACT_CHANNELS), name="channel"),
        Index("ix_contact_contact_at", "contact_at"),
        Index("ix_contact_resident_id_contact_at", "resident_id", "contact_at"),
        Index("ix_contact_follow_up_on", "follow_up_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    contact_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(16), default="walk_in")
    help_request: Mapped[str] = mapped_column(Text, default="")  # hidden from volunteers
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    follow_up_on: Mapped[date | None]
    follow_up_done_at: Mapped[datetime | None]

    themes: Mapped[list[Theme]] = relationship(secondary=contact_theme, order_by=Theme.sort_order)
