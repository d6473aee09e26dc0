"""Planned meetings (praatsessies, activities), their series, and who attended."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from minami_desk.data.models.base import Base, Timestamped, check_in

RECURRENCES = ("weekly", "fortnightly")
AUDIENCES = ("adults", "teens", "everyone")
SESSION_STATUSES = ("planned", "cancelled")
ATTENDANCE_STATUSES = ("registered", "waitlist", "present", "absent", "cancelled")


class SessionKind(Base):
    """Praatsessie volwassenen, praatsessie tieners, buurtactiviteit, …; editable in Beheer."""

    __tablename__ = "session_kind"
    __table_args__ = (CheckConstraint(check_in("audience", AUDIENCES), name="audience"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    audience: Mapped[str] = mapped_column(String(12), default="everyone")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class SessionSeries(Timestamped, Base):
    """A recurring plan; its occurrences are real ``Session`` rows generated from it.

    Times are Europe/Amsterdam wall-clock times, so a 19:00 series stays at 19:00 across the
    daylight-saving changes; each occurrence stores its own UTC instants.
    """

    __tablename__ = "session_series"
    __table_args__ = (
        CheckConstraint(check_in("recurrence", RECURRENCES), name="recurrence"),
        CheckConstraint(check_in("audience", AUDIENCES), name="audience"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("session_kind.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(12), default="everyone")
    recurrence: Mapped[str] = mapped_column(String(12), default="weekly")
    weekday: Mapped[int]  # Monday = 0
    start_time: Mapped[time]
    end_time: Mapped[time]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    skip_dates: Mapped[str] = mapped_column(Text, default="")  # ISO dates, comma-separated
    location: Mapped[str] = mapped_column(String(200), default="")
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    capacity: Mapped[int | None]

    kind: Mapped[SessionKind] = relationship()


class Session(Timestamped, Base):
    """One meeting at one time; ``held`` means not cancelled and already begun."""

    __tablename__ = "session"
    __table_args__ = (
        CheckConstraint(check_in("status", SESSION_STATUSES), name="status"),
        CheckConstraint(check_in("audience", AUDIENCES), name="audience"),
        CheckConstraint("ends_at >= starts_at", name="period"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
        Index("ix_session_starts_at", "starts_at"),
        Index("ix_session_series_id_starts_at", "series_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("session_series.id", ondelete="SET NULL")
    )
    kind_id: Mapped[int] = mapped_column(ForeignKey("session_kind.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(12), default="everyone")
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    location: Mapped[str] = mapped_column(String(200), default="")
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    capacity: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(12), default="planned")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    edited_separately: Mapped[bool] = mapped_column(default=False)  # detached from series edits
    note: Mapped[str] = mapped_column(Text, default="")

    kind: Mapped[SessionKind] = relationship()
    series: Mapped[SessionSeries | None] = relationship()


class Attendance(Timestamped, Base):
    """A resident's registration for a session and what became of it (one row per pair)."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "resident_id"),
        CheckConstraint(check_in("status", ATTENDANCE_STATUSES), name="status"),
        Index("ix_attendance_resident_id", "resident_id"),
        Index("ix_attendance_session_id_status_resident_id", "session_id", "status", "resident_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), default="registered")
    registered_at: Mapped[datetime]  # orders the waiting list
    walk_in: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
