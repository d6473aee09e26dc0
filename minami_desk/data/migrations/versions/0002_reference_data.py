"""reference data: themes, session kinds, postcode areas, milestone template, settings

These are starting values the centre can edit in Beheer; they live here (and so in the
database), not in code.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

THEMES = [
    ("loneliness", "Eenzaamheid"),
    ("money_worries", "Geldzorgen/armoede"),
    ("debts", "Schulden"),
    ("young_carers", "(Jonge) mantelzorg"),
    ("parenting", "Opvoeding"),
    ("work_education", "Werk en opleiding"),
    ("housing", "Wonen"),
    ("health", "Gezondheid"),
    ("safety", "Veiligheid"),
    ("language", "Taal"),
    ("meaning", "Zingeving"),
    ("other", "Overig"),
]

SESSION_KINDS = [
    ("talk_adults", "Praatsessie volwassenen", "adults"),
    ("talk_teens", "Praatsessie tieners", "teens"),
    ("neighbourhood", "Buurtactiviteit", "everyone"),
    ("consultation", "Spreekuur", "everyone"),
    ("workshop", "Workshop", "everyone"),
]

# Postcode areas of Amsterdam Zuidoost; the centre corrects or refines them in Beheer.
POSTCODE_AREAS = [
    ("1101", "Amstel III/Bullewijk"),
    ("1102", "Bijlmer-Centrum"),
    ("1103", "Bijlmer-Oost"),
    ("1104", "Bijlmer-Oost"),
    ("1105", "Holendrecht"),
    ("1106", "Reigersbos"),
    ("1107", "Gein"),
    ("1108", "Nellestein"),
    ("1109", "Driemond"),
]

MILESTONES = [
    ("intake", "Intakegesprek", "start", 0),
    ("goals_set", "Doelen vastgesteld", "weeks", 2),
    ("midway", "Tussenevaluatie", "months", 3),
    ("final", "Eindevaluatie", "months", 6),
    ("ceremony", "Certificaatuitreiking", "after_final", 14),
]

SETTINGS = {
    "centre.name": "Mi na Mi",
    "centre.address": "",
    "centre.postcode_city": "Amsterdam Zuidoost",
    "centre.phone": "",
    "centre.email": "",
    "centre.coordinator": "",
    "centre.logo_path": "",
    "teen_age_min": 12,
    "teen_age_max": 18,
    "trajectory.min_sessions": 8,
    "certificate.place": "Amsterdam Zuidoost",
    "certificate.text": (
        "heeft met succes het persoonlijk traject van zes maanden bij Mi na Mi doorlopen "
        "en daarmee gewerkt aan eigen kracht, een sterk zelfbeeld en verbinding met anderen."
    ),
}


def upgrade() -> None:
    theme = sa.table(
        "theme",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        theme,
        [
            {"code": code, "name": name, "sort_order": index, "active": True}
            for index, (code, name) in enumerate(THEMES)
        ],
    )
    kind = sa.table(
        "session_kind",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("audience", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        kind,
        [
            {"code": code, "name": name, "audience": audience, "sort_order": index, "active": True}
            for index, (code, name, audience) in enumerate(SESSION_KINDS)
        ],
    )
    area = sa.table("postcode_area", sa.column("prefix", sa.String), sa.column("wijk", sa.String))
    op.bulk_insert(area, [{"prefix": p, "wijk": w} for p, w in POSTCODE_AREAS])
    template = sa.table(
        "milestone_template",
        sa.column("code", sa.String),
        sa.column("title", sa.String),
        sa.column("offset_kind", sa.String),
        sa.column("offset_value", sa.Integer),
        sa.column("sort_order", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        template,
        [
            {
                "code": code,
                "title": title,
                "offset_kind": offset_kind,
                "offset_value": value,
                "sort_order": index,
                "active": True,
            }
            for index, (code, title, offset_kind, value) in enumerate(MILESTONES)
        ],
    )
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(
        setting,
        [{"key": key, "value": json.dumps(value, ensure_ascii=False)} for key, value in SETTINGS.items()],
    )


def downgrade() -> None:
    for table in ("setting", "milestone_template", "postcode_area", "session_kind", "theme"):
        op.execute(sa.text(f"DELETE FROM {table}"))
