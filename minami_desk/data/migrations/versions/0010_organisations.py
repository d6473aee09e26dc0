"""organisation directory: the agencies residents of Zuidoost are referred to

Only names and kinds: the centre fills in addresses, phone numbers, e-mail addresses,
websites and opening hours itself in Beheer → Instanties. Contact details are never guessed
here, because a wrong number on a referral slip sends a resident to the wrong door.

Revision ID: 0010
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0002"
branch_labels = None
depends_on = None

ORGANISATIONS = [
    ("Buurtteam Amsterdam Zuidoost", "Buurtteam (volwassenen)"),
    ("Ouder- en Kindteam", "Jeugd en gezin"),
    ("Steunpunt jonge mantelzorgers", "Mantelzorgondersteuning"),
    ("Schuldhulpverlening Amsterdam", "Geldzaken en schulden"),
    ("Voedselbank Amsterdam", "Voedselhulp"),
    ("Het Juridisch Loket", "Juridisch advies"),
    ("GGD Amsterdam", "Publieke gezondheid"),
    ("Huisarts", "Gezondheidszorg"),
    ("Jongerenwerk Zuidoost", "Jongerenwerk"),
    ("Taalcursus/Taalhuis", "Taal"),
]


def upgrade() -> None:
    organisation = sa.table(
        "organisation",
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("address", sa.Text),
        sa.column("phone", sa.String),
        sa.column("email", sa.String),
        sa.column("website", sa.String),
        sa.column("opening_hours", sa.Text),
        sa.column("notes", sa.Text),
        sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    existing = {
        row[0] for row in op.get_bind().execute(sa.text("SELECT name FROM organisation"))
    }
    now = sa.func.current_timestamp()
    for name, kind in ORGANISATIONS:
        if name in existing:
            continue
        op.execute(
            organisation.insert().values(
                name=name,
                kind=kind,
                address="",
                phone="",
                email="",
                website="",
                opening_hours="",
                notes="",
                active=True,
                created_at=now,
                updated_at=now,
            )
        )


def downgrade() -> None:
    # Agencies a referral points to stay: removing them would break the resident's history.
    names = ", ".join(f"'{name}'" for name, _kind in ORGANISATIONS)
    op.execute(
        sa.text(
            f"DELETE FROM organisation WHERE name IN ({names}) "
            "AND id NOT IN (SELECT organisation_id FROM referral)"
        )
    )
