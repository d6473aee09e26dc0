"""The inzage PDF: everything about one person, readable, in Dutch, section by section.

Known fields get a Dutch label and codes a Dutch word; any field this module does not know is
printed under its column name rather than left out — an inzage must be complete.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from minami_desk.documents.wording import dutch_date
from minami_desk.i18n import dutch
from minami_desk.reports.pdf_common import (
    GREY,
    INK,
    RULE,
    SANS,
    SANS_BOLD,
    TEAL,
    build_centre_document,
    register_fonts,
    table_style,
)
from minami_desk.reports.person_export_labels import (
    ACTIONS,
    GOAL_LABELS,
    HIDDEN,
    LABELS,
    MOMENT_LABELS,
    RECORDS,
    RESIDENT_CODES,
    SECTION_CODES,
    SECTIONS,
    VIA,
)

if TYPE_CHECKING:
    from minami_desk.documents.person_export import PersonExport

MARGIN = 18 * mm
Codes = Mapping[str, Mapping[str, str]]
NO_CODES: Codes = {}


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle(
            "title", fontName=SANS_BOLD, fontSize=18, leading=23, textColor=TEAL
        ),
        "intro": ParagraphStyle("intro", fontName=SANS, fontSize=9.5, leading=13.5, textColor=INK),
        "h2": ParagraphStyle(
            "h2",
            fontName=SANS_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=TEAL,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle("h3", fontName=SANS_BOLD, fontSize=10, leading=13, textColor=INK),
        "label": ParagraphStyle("label", fontName=SANS, fontSize=8.5, leading=11, textColor=GREY),
        "value": ParagraphStyle("value", fontName=SANS, fontSize=9, leading=12, textColor=INK),
        "empty": ParagraphStyle("empty", fontName=SANS, fontSize=9, leading=12, textColor=GREY),
    }


def _code_word(table: Mapping[str, str], code: str) -> str:
    return dutch(table[code]) if code in table else code


def _readable(key: str, value: Any, codes: Codes = NO_CODES) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str):
        if key.endswith(("_on", "_date")) and len(value) == 10:
            try:
                return dutch_date(date.fromisoformat(value))
            except ValueError:
                return value
        if (key == "at" or key.endswith("_at")) and "T" in value:
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            return f"{dutch_date(moment.date())}, {moment:%H:%M}"
        return _code_word(codes[key], value) if key in codes else value
    return str(value)


def _field_table(
    values: dict[str, Any],
    styles: dict[str, ParagraphStyle],
    labels: dict[str, str] | None = None,
    hidden: frozenset[str] = frozenset(),
    codes: Codes = NO_CODES,
) -> Table | None:
    labels = {**LABELS, **(labels or {})}
    rows = []
    for key, value in values.items():
        if key in HIDDEN or key in hidden:
            continue
        if isinstance(value, dict | list) and key != "themes":
            continue
        text = _readable(key, value, codes)
        if not text:
            continue
        rows.append(
            [
                Paragraph(escape(labels.get(key, key)), styles["label"]),
                Paragraph(escape(text).replace("\n", "<br/>"), styles["value"]),
            ]
        )
    if not rows:
        return None
    table = Table(rows, colWidths=[48 * mm, None])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
            ]
        )
    )
    return table


def _record(
    title: str,
    values: dict[str, Any],
    styles: dict[str, ParagraphStyle],
    labels: dict[str, str] | None = None,
    hidden: frozenset[str] = frozenset(),
    codes: Codes = NO_CODES,
) -> list[Any]:
    flow: list[Any] = [Paragraph(escape(title), styles["h3"]), Spacer(1, 1.5 * mm)]
    table = _field_table(values, styles, labels, hidden, codes)
    if table is not None:
        flow.append(table)
    return flow


def _heading_for(key: str, label: str, index: int, values: dict[str, Any]) -> str:
    if key == "attendance":
        session = values.get("session") or {}
        moment = _readable("starts_at", session.get("starts_at"))
        return f"{session.get('title', label)} — {moment}"
    if key == "contacts":
        return f"{label} {index} — {_readable('contact_at', values.get('contact_at'))}"
    if key == "consents":
        return f"{label}: {_readable('kind', values.get('kind'), SECTION_CODES['consents'])}"
    if key == "referrals":
        return f"{label} naar {values.get('organisation', '')}"
    if key == "stories":
        return str(values.get("title") or label)
    return f"{label} {index}"


def _trajectory_parts(values: dict[str, Any], styles: dict[str, ParagraphStyle]) -> list[Any]:
    flow: list[Any] = []
    for goal in values.get("goals", []):
        goal_title = _code_word(GOAL_LABELS, goal.get("code", ""))
        if goal.get("own_text"):
            goal_title += f": {goal['own_text']}"
        scores = ", ".join(
            f"{_code_word(MOMENT_LABELS, a['moment'])} {a['score']}"
            for a in goal.get("assessments", [])
        )
        line = f"<b>Doel</b> {escape(goal_title)}" + (
            f" — zelfbeoordeling: {escape(scores)}" if scores else ""
        )
        flow.append(Spacer(1, 1.5 * mm))
        flow.append(Paragraph(line, styles["value"]))
    for milestone in values.get("milestones", []):
        flow.append(Spacer(1, 2 * mm))
        flow.extend(
            _record(
                "Mijlpaal: " + str(milestone.get("title", "")),
                milestone,
                styles,
                hidden=frozenset({"code"}),
            )
        )
    for note in values.get("progress_notes", []):
        flow.append(Spacer(1, 2 * mm))
        flow.extend(_record("Voortgangsnotitie", note, styles))
    if values.get("certificate"):
        certificate = values["certificate"]
        flow.append(Spacer(1, 2 * mm))
        flow.extend(
            _record(
                f"Certificaat {certificate.get('number', '')}",
                certificate,
                styles,
                labels={"number": "Certificaatnummer"},
            )
        )
    return flow


def build_story(export: PersonExport) -> list[Any]:
    styles = _styles()
    data = export.data
    resident = data.get("resident", {})
    made = clock_text(export.made_at)
    flow: list[Any] = [
        Paragraph("Inzage in uw persoonsgegevens", styles["title"]),
        Spacer(1, 2 * mm),
        Paragraph(
            escape(
                f"Dit overzicht bevat alles wat {export.centre.name} over u heeft vastgelegd "
                f"(bewonersnummer {resident.get('number', '')}), opgesteld op {made}. "
                "U hebt het recht op inzage, correctie en verwijdering (AVG). "
                "Klopt er iets niet, of wilt u dat wij gegevens verwijderen? "
                "Zeg het aan de balie."
            ),
            styles["intro"],
        ),
        Paragraph("Persoonsgegevens", styles["h2"]),
    ]
    table = _field_table(resident, styles, codes=RESIDENT_CODES)
    if table is not None:
        flow.append(table)
    for key, heading, label in SECTIONS:
        items = data.get(key, [])
        if key == "merged_records" and not items:
            continue
        if key == "attendance":
            flow.extend(
                _compact_table(
                    heading,
                    ("Bijeenkomst op", "Wat en waar", "Status", "Hoe", "Notitie"),
                    _attendance_rows(items),
                    [36 * mm, 58 * mm, 20 * mm, 24 * mm, None],
                    styles,
                )
            )
            continue
        title = Paragraph(f"{heading} ({len(items)})", styles["h2"])
        if not items:
            flow.append(KeepTogether([title, Paragraph("Niets vastgelegd.", styles["empty"])]))
            continue
        for index, values in enumerate(items, start=1):
            parts = _record(
                _heading_for(key, label, index, values),
                values,
                styles,
                codes=SECTION_CODES.get(key, NO_CODES),
            )
            if index == 1:
                parts.insert(0, title)  # a section title never ends a page on its own
            if key == "trajectories":
                # Long: the trajectory's own fields stay together, its parts may flow on.
                flow.append(KeepTogether(parts))
                flow.extend(_trajectory_parts(values, styles))
                flow.append(Spacer(1, 3 * mm))
            else:
                parts.append(Spacer(1, 3 * mm))
                flow.append(KeepTogether(parts))
    flow.extend(
        _compact_table(
            "Wie uw gegevens bekeek of wijzigde",
            ("Wanneer", "Wat", "Door (medewerker)"),
            _access_rows(data.get("access_log", [])),
            [50 * mm, 50 * mm, None],
            styles,
        )
    )
    return flow


def _compact_table(
    title: str,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: list[float | None],
    styles: dict[str, ParagraphStyle],
) -> list[Any]:
    """Many short records (visits, log rows) as one table rather than a block each."""
    heading = Paragraph(f"{title} ({len(rows)})", styles["h2"])
    if not rows:
        return [KeepTogether([heading, Paragraph("Niets vastgelegd.", styles["empty"])])]
    body = [[Paragraph(escape(text), styles["value"]) for text in row] for row in rows]
    head = [Paragraph(text, styles["label"]) for text in header]
    table = Table([head, *body], colWidths=widths, repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return [KeepTogether([heading, table])] if len(rows) < 8 else [heading, table]


def _attendance_rows(items: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for values in items:
        session = values.get("session") or {}
        rows.append(
            (
                _readable("starts_at", session.get("starts_at")),
                " — ".join(
                    part for part in (session.get("title", ""), session.get("location", "")) if part
                ),
                _readable("status", values.get("status"), SECTION_CODES["attendance"]),
                "binnengelopen" if values.get("walk_in") else "aangemeld",
                str(values.get("note") or ""),
            )
        )
    return rows


def _access_rows(items: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return [
        (
            _readable("at", row.get("at")),
            ACTIONS.get(row["action"], row["action"])
            + (f" ({RECORDS[row['record']]})" if row.get("record") in RECORDS else ""),
            (row.get("staff_name") or "—") + VIA.get(row.get("via", ""), ""),
        )
        for row in items
    ]


def clock_text(moment: datetime) -> str:
    return f"{dutch_date(moment.date())}, {moment:%H:%M}"


def render_person_export(export: PersonExport, path: Path) -> None:
    build_centre_document(
        path,
        build_story(export),
        export.centre,
        title="Inzage persoonsgegevens",
        subject="Inzageverzoek (AVG)",
        footer="Vertrouwelijk — alleen voor de bewoner zelf",
        margin=MARGIN,
        header_room=22 * mm,
        bottom_margin=18 * mm,
        numbered=True,
        band=True,
    )
