"""Agencies, referrals to them with follow-up, and success stories with sharing consent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from minami_desk.data.models.base import Base, Timestamped, check_in
from minami_desk.data.models.contacts import Theme

HANDOVERS = ("called_together", "accompanied", "address_only")
REFERRAL_STATUSES = ("referred", "contact_made", "helped", "not_helped", "unknown")
STORY_SHARING = ("named", "anonymised", "not_shared")


class Organisation(Timestamped, Base):
    """An agency residents can be referred to; contact details are filled in by the centre."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(120), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)


referral_theme = Table(
    "referral_theme",
    Base.metadata,
    Column("referral_id", ForeignKey("referral.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="RESTRICT"), primary_key=True),
)


class Referral(Timestamped, Base):
    """A referral to an agency and what came of it (reason and outcome hidden from volunteers)."""

    __tablename__ = "referral"
    __table_args__ = (
        CheckConstraint(check_in("status", REFERRAL_STATUSES), name="status"),
        CheckConstraint(check_in("handover", HANDOVERS), name="handover"),
        Index("ix_referral_referred_on", "referred_on"),
        Index("ix_referral_follow_up_on", "follow_up_on"),
        Index("ix_referral_resident_id", "resident_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    referred_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    handover: Mapped[str] = mapped_column(String(16), default="address_only")
    follow_up_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(14), default="referred")
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    closed_on: Mapped[date | None]

    organisation: Mapped[Organisation] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary=referral_theme)


class SuccessStory(Timestamped, Base):
    """A story for reports and the wall; only shared as its consent allows."""

    __tablename__ = "success_story"
    __table_args__ = (
        CheckConstraint(check_in("sharing", STORY_SHARING), name="sharing"),
        Index("ix_success_story_story_date", "story_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    story: Mapped[str] = mapped_column(Text)
    story_date: Mapped[date]
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id", ondelete="SET NULL"))
    trajectory_id: Mapped[int | None] = mapped_column(
        ForeignKey("trajectory.id", ondelete="SET NULL")
    )
    sharing: Mapped[str] = mapped_column(String(12), default="not_shared")
    pseudonym: Mapped[str] = mapped_column(String(120), default="")
    consent_withdrawn_at: Mapped[datetime | None]
