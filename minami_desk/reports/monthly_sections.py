"""The sections of the monthly report PDF, each a list of flowables from plain report data."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from minami_desk.documents.monthly_report import (
    Breakdown,
    BreakdownRow,
    MonthlyReport,
    WeekAttendance,
)
from minami_desk.documents.periods import Period
from minami_desk.documents.wording import dutch_date
from minami_desk.reports import monthly_charts as charts
from minami_desk.reports.monthly_layout import (
    BODY,
    HEADING,
    NOTE,
    STORY_META,
    STORY_TEXT,
    STORY_TITLE,
    SUBHEADING,
    SUBTITLE,
    TILE_CHANGE,
    TILE_LABEL,
    TILE_NUMBER,
    TITLE,
    WIDTH,
    breakdown_table,
    difference,
    escape,
    grid_table,
    number,
)
from minami_desk.reports.pdf_common import ACCENT, TEAL, TEAL_LIGHT, table_style

STORY_BACKGROUND = colors.HexColor("#FBF4EC")  # a warm tint of the accent
STORY_CHARACTERS = 1800  # about a third of a page
STORIES_SHOWN = 8  # a year can hold dozens: the PDF shows the latest, the workbook all
_TILES = ("unique_participants", "attendances", "sessions", "completed_trajectories")


def _period_span(period: Period) -> str:
    return f"{dutch_date(period.start)} t/m {dutch_date(period.end)}"


def cover(report: MonthlyReport, title: str) -> list[Flowable]:
    period = report.period
    compared = report.previous.label
    if report.last_year != report.previous:
        compared += f" en met {report.last_year.label}"
    parts: list[Flowable] = [
        Paragraph(escape(title), TITLE),
        Paragraph(f"Periode {_period_span(period)} · vergeleken met {compared}", SUBTITLE),
        _tiles(report),
        Spacer(1, 10),
        Paragraph("In het kort", SUBHEADING),
        Paragraph(_summary(report), BODY),
        Paragraph("Kerncijfers", HEADING),
        _key_figure_table(report),
        Paragraph(
            "Verschil: ten opzichte van de vorige periode. Wat elk cijfer precies telt, staat "
            "in de bijlage achterin.",
            NOTE,
        ),
    ]
    return parts


def _tiles(report: MonthlyReport) -> Table:
    cells = []
    for key in _TILES:
        figure = report.figure(key)
        change = difference(figure.value, figure.previous, figure.decimals)
        cells.append(
            [
                Paragraph(number(figure.value, figure.decimals), TILE_NUMBER),
                Paragraph(escape(figure.label), TILE_LABEL),
                Paragraph(f"{change} t.o.v. {report.previous.label}", TILE_CHANGE),
            ]
        )
    gap = 6
    width = (WIDTH - gap * 3) / 4
    table = Table([cells], colWidths=[width] * 4, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TEAL_LIGHT),
                ("LINEBEFORE", (1, 0), (-1, -1), gap, "white"),
                ("LINEABOVE", (0, 0), (-1, 0), 2.5, TEAL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return table


def _plural(count: float, one: str, many: str) -> str:
    return f"{number(count)} {one if count == 1 else many}"


def _summary(report: MonthlyReport) -> str:
    """The figures as two or three plain sentences, as a board member would say them."""
    f = {figure.key: figure.value for figure in report.figures}
    when = {
        "month": f"In {report.period.label}",
        "quarter": f"In het {report.period.label}",
        "year": f"In {report.period.label}",
    }[report.period.kind]
    if not f["sessions"] and not f["contacts"] and not f["new_registrations"]:
        return f"{when} is er niets vastgelegd: geen bijeenkomsten, contacten of inschrijvingen."
    sentences = [
        f"{when} kwamen {_plural(f['unique_participants'], 'bewoner', 'verschillende bewoners')} "
        f"samen {_plural(f['attendances'], 'keer', 'keer')} naar "
        f"{_plural(f['sessions'], 'bijeenkomst', 'bijeenkomsten')}"
        + (
            f", gemiddeld {number(f['average_attendance'], 1)} per bijeenkomst."
            if f["sessions"]
            else "."
        ),
        f"Er waren {_plural(f['contacts'], 'contactmoment', 'contactmomenten')}, "
        f"{_plural(f['new_registrations'], 'nieuwe inschrijving', 'nieuwe inschrijvingen')} en "
        f"{_plural(f['referrals'], 'verwijzing', 'verwijzingen')} naar een instantie.",
        f"Er liepen {_plural(f['active_trajectories'], 'traject', 'trajecten')}; "
        f"{_plural(f['completed_trajectories'], 'deelnemer rondde', 'deelnemers rondden')} het "
        f"traject af en {_plural(f['certificates'], 'certificaat werd', 'certificaten werden')} "
        "uitgereikt.",
    ]
    return " ".join(sentences)


def _key_figure_table(report: MonthlyReport) -> Table:
    """Period, previous period, a year earlier (left out for a year: it is the previous one)."""
    with_last_year = report.last_year != report.previous
    header = ["Kerncijfer", report.period.short_label, report.previous.short_label]
    if with_last_year:
        header.append(report.last_year.short_label)
    header.append("Verschil")
    rows = []
    for figure in report.figures:
        row = [
            figure.label,
            number(figure.value, figure.decimals),
            number(figure.previous, figure.decimals),
        ]
        if with_last_year:
            row.append(number(figure.last_year, figure.decimals))
        row.append(difference(figure.value, figure.previous, figure.decimals))
        rows.append(row)
    first = WIDTH * 0.44
    columns = len(header) - 1
    return grid_table(header, rows, [first] + [(WIDTH - first) / columns] * columns, bold_column=1)


def participation(report: MonthlyReport) -> list[Flowable]:
    weeks = report.weeks
    period = report.period

    def partly_outside(week: WeekAttendance) -> bool:
        return week.week_start < period.start or week.week_start + timedelta(6) > period.end

    labels = [f"wk {week.week_number}{'*' if partly_outside(week) else ''}" for week in weeks]
    weekly = charts.weekly_bars(
        labels,
        [week.attendances for week in weeks],
        WIDTH,
        190,
        "Aanwezigheden per week",
    )
    by_age = report.breakdown("participants_by_age")
    half = (WIDTH - 14) / 2
    age_chart = charts.horizontal_bars(
        [row.label for row in by_age.rows],
        [row.values[0] for row in by_age.rows],
        half,
        "Deelnemers per leeftijdsgroep",
    )
    gender = report.breakdown("participants_by_gender")
    gender_chart = charts.horizontal_bars(
        [row.label for row in gender.rows],
        [row.values[0] for row in gender.rows],
        half,
        "Deelnemers per gender",
        colour=charts.BEFORE,
    )
    side_by_side = Table([[age_chart, gender_chart]], colWidths=[half + 14, half], hAlign="LEFT")
    side_by_side.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING]))
    kinds = report.breakdown("sessions_by_kind")
    wijk = report.breakdown("participants_by_wijk")
    return [
        PageBreak(),
        Paragraph("Bijeenkomsten en deelname", HEADING),
        weekly,
        Paragraph(
            "Weken volgens de kalender (maandag tot en met zondag). * Deze week valt voor een "
            "deel buiten de periode; alleen de dagen binnen de periode tellen mee.",
            NOTE,
        ),
        Paragraph(escape(kinds.title), SUBHEADING),
        breakdown_table(kinds, WIDTH, label_share=0.3),
        Paragraph(escape(kinds.note), NOTE),
        Spacer(1, 12),
        side_by_side,
        Paragraph(escape(by_age.note), NOTE),
        KeepTogether(
            [Paragraph(escape(wijk.title), SUBHEADING), breakdown_table(wijk, WIDTH * 0.6)]
        ),
    ]


_NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def contacts_and_referrals(report: MonthlyReport) -> list[Flowable]:
    themes = report.breakdown("contacts_by_theme")
    theme_chart = charts.horizontal_bars(
        [row.label for row in themes.rows],
        [row.values[0] for row in themes.rows],
        WIDTH,
        "Contacten per thema van de hulpvraag",
        colour=ACCENT,
    )
    by_organisation = _top(report.breakdown("referrals_by_organisation"), "Overige instanties")
    by_outcome = report.breakdown("referrals_by_outcome")
    half = (WIDTH - 14) / 2
    pair = Table(
        [
            [
                [
                    Paragraph(escape(by_organisation.title), SUBHEADING),
                    breakdown_table(by_organisation, half),
                    Paragraph(escape(by_organisation.note), NOTE),
                ],
                [
                    Paragraph(escape(by_outcome.title), SUBHEADING),
                    breakdown_table(by_outcome, half),
                    Paragraph(escape(by_outcome.note), NOTE),
                ],
            ]
        ],
        colWidths=[half + 14, half],
        hAlign="LEFT",
    )
    pair.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING]))
    return [
        KeepTogether(
            [
                Paragraph("Inloop en hulpvragen", HEADING),
                theme_chart,
                Paragraph(escape(themes.note), NOTE),
            ]
        ),
        Paragraph("Verwijzingen", HEADING),
        pair,
    ]


def outcomes(report: MonthlyReport) -> list[Flowable]:
    outcomes = report.outcomes
    completed = report.figure("completed_trajectories").value
    if completed:
        intro = (
            f"{_plural(completed, 'deelnemer rondde', 'deelnemers rondden')} in deze periode het "
            "persoonlijk traject af. Bij de start en aan het eind gaven zij zichzelf per doel een "
            "cijfer van 1 tot 10. Hieronder het gemiddelde, alleen over de doelen met beide "
            "cijfers, zodat voor en na over dezelfde mensen gaan."
        )
    else:
        intro = "In deze periode is geen traject afgerond, dus er is geen voor-en-navergelijking."
    chart = charts.before_after(
        [item.label for item in outcomes],
        [item.intake for item in outcomes],
        [item.final for item in outcomes],
        WIDTH,
        210,
        "Zelfbeoordeling per doel, bij de start en aan het eind",
    )
    parts: list[Flowable] = [
        Paragraph("Trajecten: groei in eigen kracht", HEADING),
        Paragraph(intro, BODY),
        Spacer(1, 8),
        chart,
    ]
    if outcomes:
        rows = [
            [
                item.label,
                number(item.participants),
                number(item.intake, 1),
                number(item.final, 1),
                difference(item.final, item.intake, 1),
            ]
            for item in outcomes
        ]
        first = WIDTH * 0.4
        parts += [
            Spacer(1, 6),
            grid_table(
                ["Doel", "Deelnemers", "Bij de start", "Aan het eind", "Verschil"],
                rows,
                [first] + [(WIDTH - first) / 4] * 4,
                bold_column=4,
            ),
        ]
    return [KeepTogether(parts)]


def _top(breakdown: Breakdown, rest_label: str, limit: int = 12) -> Breakdown:
    """The largest rows and one row for the rest, so a long list fits beside its neighbour;
    the spreadsheet keeps every row."""
    if len(breakdown.rows) <= limit + 1:
        return breakdown
    kept, rest = breakdown.rows[:limit], breakdown.rows[limit:]
    others = BreakdownRow(
        f"{rest_label} ({len(rest)})",
        tuple(sum(values) for values in zip(*(row.values for row in rest), strict=True)),
    )
    return replace(
        breakdown,
        rows=(*kept, others),
        note="Alle instanties staan in het Excel-bestand van deze rapportage.",
    )


def _shortened(text: str, limit: int = STORY_CHARACTERS) -> str:
    """A story card cannot break across pages: a very long story is cut at a word, and the
    whole text is in the workbook."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " … (het hele verhaal staat in het Excel-bestand)"


def stories(report: MonthlyReport) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph("Succesverhalen", HEADING)]
    shared, total = len(report.stories), report.figure("stories").value
    if not report.stories:
        parts.append(
            Paragraph(
                "Er zijn in deze periode geen verhalen die met toestemming gedeeld mogen worden.",
                BODY,
            )
        )
        return parts
    shown = report.stories[-STORIES_SHOWN:]
    more = (
        f" Hieronder de {number(len(shown))} meest recente; ze staan allemaal in het Excel-bestand."
        if len(shown) < shared
        else ""
    )
    parts.append(
        Paragraph(
            f"{number(shared)} van de {number(total)} verhalen uit deze periode mogen met "
            "toestemming gedeeld worden. Namen staan er nooit bij; wie dat wilde, staat er met "
            f"een schuilnaam.{more}",
            NOTE,
        )
    )
    for item in shown:
        meta = dutch_date(item.story_date)
        if item.display_name:
            meta += f" · {item.display_name}"
        card = Table(
            [
                [
                    [
                        Paragraph(escape(item.title), STORY_TITLE),
                        Paragraph(escape(meta), STORY_META),
                        Paragraph(escape(_shortened(item.text)).replace("\n", "<br/>"), STORY_TEXT),
                    ]
                ]
            ],
            colWidths=[WIDTH],
            hAlign="LEFT",
        )
        card.setStyle(
            table_style(
                [
                    ("LINEBEFORE", (0, 0), (0, 0), 2.5, ACCENT),
                    ("BACKGROUND", (0, 0), (0, 0), STORY_BACKGROUND),
                    ("LEFTPADDING", (0, 0), (0, 0), 12),
                    ("RIGHTPADDING", (0, 0), (0, 0), 12),
                    ("TOPPADDING", (0, 0), (0, 0), 2),
                    ("BOTTOMPADDING", (0, 0), (0, 0), 9),
                ]
            )
        )
        parts += [Spacer(1, 8), card]
    return parts


def appendix(report: MonthlyReport) -> list[Flowable]:
    rows = [[figure.label, figure.definition] for figure in report.figures]
    first = WIDTH * 0.3
    intro = (
        f"Alle cijfers gaan over {_period_span(report.period)}, in Amsterdamse tijd, en komen "
        "rechtstreeks uit de registratie van het centrum. Bijeenkomsten die nog moeten beginnen "
        "tellen pas mee als ze gehouden zijn."
    )
    privacy = (
        "Deze rapportage bevat geen namen, telefoonnummers of adressen van bewoners en mag "
        "buiten het centrum gedeeld worden."
    )
    # On the stories' page when it fits there, else on a page of its own: never split.
    block = [
        Paragraph("Bijlage: wat telt mee", HEADING),
        Paragraph(intro, BODY),
        Spacer(1, 8),
        grid_table(["Kerncijfer", "Wat telt mee"], rows, [first, WIDTH - first], text_columns=2),
        Spacer(1, 10),
        Paragraph(privacy, NOTE),
    ]
    return [Spacer(1, 16), KeepTogether(block)]
