"""The monthly report's charts (reportlab graphics), drawn from plain numbers.

Every chart survives an empty period: with nothing to show it draws a calm sentence in a
framed box instead of an axis that would divide by zero or float around a meaningless 0–0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab import rl_config
from reportlab.graphics.charts.areas import PlotArea
from reportlab.graphics.charts.axes import ValueAxis
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from minami_desk.reports.monthly_layout import number
from minami_desk.reports.pdf_common import ACCENT, GREY, INK, RULE, SANS, SANS_BOLD, TEAL

# Attribute validation of every chart property costs a third of the report's render time and
# guards only against programming slips that the tests' renders would show anyway.
rl_config.shapeChecking = 0

BEFORE = colors.HexColor("#9FC9C6")  # light teal: at intake
EMPTY = "Geen gegevens in deze periode"


def _nice_top(largest: float, minimum: float = 4) -> tuple[float, float]:
    """An axis top and step with round numbers just above ``largest``."""
    top = max(largest, minimum)
    raw_step = top / 4
    magnitude = 10 ** math.floor(math.log10(raw_step))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw_step:
            break
    if step < 1:
        step = 1
    return step * math.ceil(top / step), step


def _empty(width: float, height: float, title: str) -> Drawing:
    drawing = Drawing(width, height, initialFontName=SANS)
    _title(drawing, title, height)
    frame = Rect(0, 0, width, height - 22)
    # Set after construction: the stub types Rect's **kw as its TypedDict, not unpacked.
    frame.strokeColor, frame.fillColor, frame.strokeWidth = RULE, None, 0.6
    drawing.add(frame)
    drawing.add(
        String(
            width / 2,
            (height - 22) / 2 - 4,
            EMPTY,
            fontName=SANS,
            fontSize=9,
            fillColor=GREY,
            textAnchor="middle",
        )
    )
    return drawing


def _place(chart: PlotArea, x: float, y: float, width: float, height: float) -> None:
    """Where a chart sits: reportlab takes any number here, though its stub says int."""
    chart.x, chart.y = x, y  # type: ignore[assignment]  # the stub's int is too narrow
    chart.width, chart.height = width, height  # type: ignore[assignment]  # as above


def _title(drawing: Drawing, title: str, height: float) -> None:
    drawing.add(String(0, height - 12, title, fontName=SANS_BOLD, fontSize=10, fillColor=INK))


def weekly_bars(
    labels: Sequence[str], values: Sequence[int], width: float, height: float, title: str
) -> Drawing:
    """Attendances per week as columns, the value on top of each."""
    if not values or not any(values):
        return _empty(width, height, title)
    drawing = Drawing(width, height, initialFontName=SANS)
    _title(drawing, title, height)
    chart = VerticalBarChart()
    _place(chart, 30, 28, width - 40, height - 22 - 28 - 12)
    chart.data = [list(values)]
    top, step = _nice_top(max(values))
    _value_axis(chart.valueAxis, top, step)
    crowded = len(labels) > 16  # a year: name every fourth week only
    chart.categoryAxis.categoryNames = [
        label if not crowded or index % 4 == 0 else "" for index, label in enumerate(labels)
    ]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = GREY
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 0
    chart.bars[0].fillColor = TEAL
    chart.bars[0].strokeColor = None
    chart.barSpacing = 2
    chart.groupSpacing = 2 if crowded else 6
    if not crowded:
        chart.barLabelFormat = lambda value: number(value)
        chart.barLabels.fontName = SANS
        chart.barLabels.fontSize = 7.5
        chart.barLabels.fillColor = INK
        chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float],
    width: float,
    title: str,
    colour: colors.Color = TEAL,
    row_height: float = 16,
) -> Drawing:
    """One bar per label, value printed behind the bar; height grows with the rows."""
    height = 22 + max(len(labels), 3) * row_height + 18
    if not values or not any(values):
        return _empty(width, min(height, 120), title)
    drawing = Drawing(width, height, initialFontName=SANS)
    _title(drawing, title, height)
    label_width = min(150, width * 0.42)
    chart = HorizontalBarChart()
    _place(chart, label_width, 14, width - label_width - 30, len(labels) * row_height)
    # reportlab draws the first category at the bottom: reverse to read top-down.
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    top, step = _nice_top(max(values))
    _value_axis(chart.valueAxis, top, step)
    chart.valueAxis.visibleGrid = False
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barWidth = row_height * 0.62  # type: ignore[assignment]  # the stub's int: too narrow
    chart.groupSpacing = row_height * 0.38  # type: ignore[assignment]  # as above
    chart.barLabelFormat = lambda value: number(value)
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def before_after(
    labels: Sequence[str],
    intake: Sequence[float],
    final: Sequence[float],
    width: float,
    height: float,
    title: str,
) -> Drawing:
    """Average self-assessment per goal at intake and at the end, on the 1–10 scale."""
    if not labels:
        return _empty(width, height, title)
    drawing = Drawing(width, height, initialFontName=SANS)
    _title(drawing, title, height)
    chart = VerticalBarChart()
    _place(chart, 30, 44, width - 40, height - 22 - 44 - 26)
    chart.data = [list(intake), list(final)]
    _value_axis(chart.valueAxis, 10, 2)
    chart.categoryAxis.categoryNames = [_wrap(label) for label in labels]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 0
    chart.bars[0].fillColor = BEFORE
    chart.bars[1].fillColor = ACCENT
    chart.bars.strokeColor = None
    chart.barSpacing = 2
    chart.groupSpacing = 14
    chart.barLabelFormat = lambda value: number(value, 1)
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 6
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 190, height - 8  # type: ignore[assignment]  # the stub's int
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 85
    legend.fontName = SANS
    legend.fontSize = 8
    legend.fillColor = INK
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 8
    legend.colorNamePairs = [(BEFORE, "bij de start"), (ACCENT, "aan het eind")]
    drawing.add(legend)
    return drawing


def _wrap(label: str, limit: int = 16) -> str:
    """Category labels on two lines when long, so six goals fit side by side."""
    if len(label) <= limit:
        return label
    words = label.split()
    first: list[str] = []
    while words and len(" ".join([*first, words[0]])) <= limit:
        first.append(words.pop(0))
    return " ".join(first) + "\n" + " ".join(words)


def _value_axis(axis: ValueAxis, top: float, step: float) -> None:
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    labels = axis.labels  # type: ignore[attr-defined]  # set in __init__; the stub omits it
    labels.fontName = SANS
    labels.fontSize = 7.5
    labels.fillColor = GREY
    axis.labelTextFormat = lambda value: number(value)
    axis.strokeColor = RULE
    axis.visibleGrid = True
    axis.gridStrokeColor = colors.HexColor("#E6ECEE")
    axis.gridStrokeWidth = 0.5
    axis.visibleTicks = False
