"""The participant's own scores over time, as grouped bars drawn with QPainter.

Each goal gets three bars (intake, midway, final). They differ by fill pattern and carry
their number on top, and the legend names them, so the chart reads in greyscale print and for
colour-blind eyes as well: colour is only a help.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from minami_desk.i18n import _
from minami_desk.services.trajectories.labels import moment_label
from minami_desk.ui.shell.style import colours

MOMENTS = ("intake", "midway", "final")
_COLOURS = {"intake": "#9CC9C6", "midway": "accent", "final": "#E07A1F"}


def _colour(moment: str) -> QColor:
    """The middle bar takes the theme's accent, so it stands out on a dark background too."""
    value = _COLOURS[moment]
    return QColor(colours().get(value, value))


_PATTERNS = {
    "intake": Qt.BrushStyle.Dense4Pattern,
    "midway": Qt.BrushStyle.BDiagPattern,
    "final": Qt.BrushStyle.SolidPattern,
}


@dataclass(frozen=True)
class GoalScores:
    label: str
    scores: dict[str, int]


class ScoreChart(QWidget):
    """Grouped bars, one group per goal; an empty moment simply has no bar yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goals: list[GoalScores] = []
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("Chart of the self-assessment scores"))

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_goals(self, goals: list[GoalScores]) -> None:
        self.goals = goals
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and the tooltip."""
        parts = []
        for goal in self.goals:
            scores = ", ".join(
                f"{moment_label(m)} {goal.scores[m]}" for m in MOMENTS if m in goal.scores
            )
            parts.append(f"{goal.label}: {scores or _('no scores yet')}")
        return "; ".join(parts)

    def _brush(self, moment: str) -> QBrush:
        brush = QBrush(_colour(moment), _PATTERNS[moment])
        return brush

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        muted = QColor(text)
        muted.setAlpha(110)
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        line = metrics.height()
        legend_height = line + 10
        label_height = line * 2 + 8
        left, right, top = 28.0, 10.0, legend_height + line
        bottom = self.height() - label_height
        plot = QRectF(left, top, self.width() - left - right, max(40.0, bottom - top))
        self._draw_legend(painter, text)
        # Grid lines at 1, 5 and 10, with their numbers.
        for value in (1, 5, 10):
            y = plot.bottom() - plot.height() * value / 10
            painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, left - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        if not self.goals:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, _("No goals yet."))
            return
        group = plot.width() / len(self.goals)
        bar = min(34.0, group * 0.8 / len(MOMENTS))
        for index, goal in enumerate(self.goals):
            x0 = plot.left() + index * group + (group - bar * len(MOMENTS)) / 2
            for slot, moment in enumerate(MOMENTS):
                score = goal.scores.get(moment)
                if score is None:
                    continue
                height = plot.height() * score / 10
                rect = QRectF(x0 + slot * bar + 2, plot.bottom() - height, bar - 4, height)
                painter.fillRect(rect, QColor(self.palette().base().color()))
                painter.fillRect(rect, self._brush(moment))
                painter.setPen(QPen(_colour(moment).darker(140), 1.2))
                painter.drawRect(rect)
                painter.setPen(text)
                painter.drawText(
                    QRectF(rect.left() - 6, rect.top() - line - 1, rect.width() + 12, line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(score),
                )
            painter.setPen(text)
            label_box = QRectF(
                plot.left() + index * group + 2, plot.bottom() + 4, group - 4, line * 2 + 4
            )
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(label_box, int(flags) | int(Qt.TextFlag.TextWordWrap), goal.label)
        painter.setPen(QPen(text, 1))
        baseline = int(plot.bottom())
        painter.drawLine(int(plot.left()), baseline, int(plot.right()), baseline)

    def _draw_legend(self, painter: QPainter, text: QColor) -> None:
        metrics = QFontMetrics(self.font())
        x = 28.0
        for moment in MOMENTS:
            swatch = QRectF(x, 4, 22, metrics.height() - 2)
            painter.fillRect(swatch, self._brush(moment))
            painter.setPen(QPen(_colour(moment).darker(140), 1))
            painter.drawRect(swatch)
            painter.setPen(text)
            label = moment_label(moment)
            painter.drawText(
                QRectF(x + 28, 2, metrics.horizontalAdvance(label) + 4, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += 28 + metrics.horizontalAdvance(label) + 22
