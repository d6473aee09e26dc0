"""The 6-month personal trajectory: goals, self-assessments, milestones, notes, certificate."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from minami_desk.data.models.base import Base, Timestamped, check_in

TRAJECTORY_STATUSES = ("active", "completed", "stopped")
STOP_REASONS = ("moved", "no_contact", "referred", "own_choice", "other")
# The six participant goals of the centre's description, in its order; "own" is free text.
GOAL_CODES = (
    "clarity",
    "self_image",
    "social_contacts",
    "motivate_connect",
    "agencies",
    "inner_calm",
    "own",
)
ASSESSMENT_MOMENTS = ("intake", "midway", "final")
MILESTONE_OFFSETS = ("start", "days", "weeks", "months", "after_final")


class Trajectory(Timestamped, Base):
    """Six months of personal guidance; at most one active per resident."""

    __tablename__ = "trajectory"
    __table_args__ = (
        CheckConstraint(check_in("status", TRAJECTORY_STATUSES), name="status"),
        CheckConstraint(
            "stop_reason IS NULL OR " + check_in("stop_reason", STOP_REASONS), name="stop_reason"
        ),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period"),
        Index(
            "uq_trajectory_one_active_per_resident",
            "resident_id",
            unique=True,
            # SQLite only: a ``postgresql_where`` here made SQLAlchemy import its PostgreSQL
            # dialect (and asyncio) at every start, ~70 ms before the desk could be used.
            sqlite_where=text("status = 'active'"),
        ),
        Index("ix_trajectory_start_date", "start_date"),
        Index("ix_trajectory_end_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    start_date: Mapped[date]
    planned_end_date: Mapped[date]
    end_date: Mapped[date | None]  # completed or stopped on
    status: Mapped[str] = mapped_column(String(12), default="active")
    stop_reason: Mapped[str | None] = mapped_column(String(16))
    stop_note: Mapped[str] = mapped_column(Text, default="")

    goals: Mapped[list[TrajectoryGoal]] = relationship(
        back_populates="trajectory", cascade="all, delete-orphan", passive_deletes=True
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="trajectory",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Milestone.sort_order",
    )


class TrajectoryGoal(Base):
    """A goal chosen for one trajectory: one of the six, or the participant's own words."""

    __tablename__ = "trajectory_goal"
    __table_args__ = (
        UniqueConstraint("trajectory_id", "code"),
        CheckConstraint(check_in("code", GOAL_CODES), name="code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(ForeignKey("trajectory.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    own_text: Mapped[str] = mapped_column(Text, default="")  # only for code "own"

    trajectory: Mapped[Trajectory] = relationship(back_populates="goals")


class SelfAssessment(Base):
    """The participant's own score (1–10) for one goal at one moment."""

    __tablename__ = "self_assessment"
    __table_args__ = (
        UniqueConstraint("goal_id", "moment"),
        CheckConstraint(check_in("moment", ASSESSMENT_MOMENTS), name="moment"),
        CheckConstraint("score BETWEEN 1 AND 10", name="score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("trajectory_goal.id", ondelete="CASCADE"))
    moment: Mapped[str] = mapped_column(String(8))
    score: Mapped[int]
    recorded_on: Mapped[date]


class MilestoneTemplate(Base):
    """The editable list of steps every new trajectory gets, with when each is due."""

    __tablename__ = "milestone_template"
    __table_args__ = (
        CheckConstraint(check_in("offset_kind", MILESTONE_OFFSETS), name="offset_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    offset_kind: Mapped[str] = mapped_column(String(12))
    offset_value: Mapped[int] = mapped_column(default=0)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Milestone(Base):
    """One step of one trajectory; moving its due date keeps the original and a reason."""

    __tablename__ = "milestone"
    __table_args__ = (
        UniqueConstraint("trajectory_id", "code"),
        Index("ix_milestone_due_on", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(ForeignKey("trajectory.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    due_on: Mapped[date]
    original_due_on: Mapped[date]
    moved_reason: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

    trajectory: Mapped[Trajectory] = relationship(back_populates="milestones")


class ProgressNote(Base):
    """A coach's dated note on a trajectory (hidden from volunteers)."""

    __tablename__ = "progress_note"
    __table_args__ = (Index("ix_progress_note_trajectory_id", "trajectory_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(ForeignKey("trajectory.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    written_on: Mapped[date]
    text: Mapped[str] = mapped_column(Text)


class Certificate(Base):
    """The certificate of a completed trajectory; its number ("2026-017") never changes."""

    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("year", "sequence"),
        Index("ix_certificate_issued_on", "issued_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), unique=True
    )
    year: Mapped[int]
    sequence: Mapped[int]
    number: Mapped[str] = mapped_column(String(12), unique=True)
    issued_on: Mapped[date]  # ceremony date
    place: Mapped[str] = mapped_column(String(120), default="Amsterdam Zuidoost")
    first_printed_at: Mapped[datetime]
    print_count: Mapped[int] = mapped_column(default=1)
