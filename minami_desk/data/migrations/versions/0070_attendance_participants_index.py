"""attendance index that also holds the resident: who came, straight from the index

The monthly report counts unique participants (per period, per kind of session, per group)
from the attendances marked present at the sessions of a period. With the resident in the
index those counts never read the attendance rows themselves: on the 10-year database the
report's SQL takes half the time. The old (session_id, status) index is a prefix of the new
one, so every query that used it uses the new one instead.

Revision ID: 0070
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0070"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain index operations: SQLite does them in place, no copy of the table is made.
    op.create_index(
        "ix_attendance_session_id_status_resident_id",
        "attendance",
        ["session_id", "status", "resident_id"],
        unique=False,
    )
    op.drop_index("ix_attendance_session_id_status", table_name="attendance")


def downgrade() -> None:
    op.create_index(
        "ix_attendance_session_id_status", "attendance", ["session_id", "status"], unique=False
    )
    op.drop_index("ix_attendance_session_id_status_resident_id", table_name="attendance")
