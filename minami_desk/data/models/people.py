"""Residents, their consents, and the staff who serve them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from minami_desk.data.models.base import Base, Timestamped, check_in

STAFF_ROLES = ("beheerder", "medewerker", "vrijwilliger")
GENDERS = ("female", "male", "other", "undisclosed")
AGE_GROUPS = ("0-11", "12-17", "18-26", "27-64", "65+")
CONSENT_KINDS = ("registration", "photos", "contact_phone", "contact_whatsapp", "story_sharing")


class Staff(Timestamped, Base):
    """A person who signs in at the desk: administrator, staff member or volunteer."""

    __tablename__ = "staff"
    __table_args__ = (CheckConstraint(check_in("role", STAFF_ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class PostcodeArea(Base):
    """Editable postcode → wijk table (pre-filled for Zuidoost by a migration, never in code)."""

    __tablename__ = "postcode_area"

    prefix: Mapped[str] = mapped_column(String(7), primary_key=True)  # "1102" or "1102 A"
    wijk: Mapped[str] = mapped_column(String(80))


class Resident(Timestamped, Base):
    """A person registered at the centre. Deliberately no BSN column, ever."""

    __tablename__ = "resident"
    __table_args__ = (
        CheckConstraint(check_in("gender", GENDERS), name="gender"),
        CheckConstraint(check_in("age_group", AGE_GROUPS), name="age_group"),
        Index("ix_resident_sort_key", "sort_key"),
        Index("ix_resident_phone_digits", "phone_digits"),
        Index("ix_resident_postcode", "postcode"),
        Index("ix_resident_registered_on", "registered_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)  # short resident number for paper forms
    first_name: Mapped[str] = mapped_column(String(120))
    infix: Mapped[str] = mapped_column(String(40), default="")  # tussenvoegsel
    last_name: Mapped[str] = mapped_column(String(160))
    # Folded (lowercase, no diacritics) "last infix first", for sorting and search.
    sort_key: Mapped[str] = mapped_column(String(400), default="")
    birth_date: Mapped[date | None]
    age_group: Mapped[str | None] = mapped_column(String(8))  # when no birth date is given
    gender: Mapped[str | None] = mapped_column(String(12))
    phone: Mapped[str | None] = mapped_column(String(40))  # E.164
    phone_digits: Mapped[str | None] = mapped_column(String(20))  # national digits, for search
    email: Mapped[str | None] = mapped_column(String(254))
    postcode: Mapped[str | None] = mapped_column(String(7))  # "1102 AB"
    wijk: Mapped[str | None] = mapped_column(String(80))
    languages: Mapped[str] = mapped_column(Text, default="")
    found_via: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    registered_on: Mapped[date]
    minor_free_help: Mapped[bool] = mapped_column(default=False)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_phone: Mapped[str | None] = mapped_column(String(40))
    archived_at: Mapped[datetime | None]
    anonymised_at: Mapped[datetime | None]
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("resident.id", ondelete="SET NULL")
    )

    consents: Mapped[list[Consent]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", passive_deletes=True
    )
    search_tokens: Mapped[list[ResidentSearchToken]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.infix, self.last_name) if part)


class ResidentSearchToken(Base):
    """Folded words of a resident's name, so a prefix search uses an index, not a scan."""

    __tablename__ = "resident_search_token"
    __table_args__ = (Index("ix_resident_search_token_token", "token", "resident_id"),)

    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(120), primary_key=True)


class Consent(Base):
    """One AVG consent given (or refused) at a moment; withdrawal keeps the row as history."""

    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint(check_in("kind", CONSENT_KINDS), name="kind"),
        Index("ix_consent_resident_id_kind", "resident_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    given: Mapped[bool] = mapped_column(default=True)
    given_at: Mapped[datetime]
    given_by: Mapped[str] = mapped_column(String(200))  # "bewoner zelf" or the guardian's name
    by_guardian: Mapped[bool] = mapped_column(default=False)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None]
    withdrawn_note: Mapped[str] = mapped_column(Text, default="")

    resident: Mapped[Resident] = relationship(back_populates="consents")


__all__ = [
    "AGE_GROUPS",
    "CONSENT_KINDS",
    "GENDERS",
    "STAFF_ROLES",
    "Consent",
    "PostcodeArea",
    "Resident",
    "ResidentSearchToken",
    "Staff",
]
