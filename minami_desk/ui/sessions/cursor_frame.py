"""The attendance table's cursor: a thick frame instead of a filled highlight."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from minami_desk.ui.shell.style import colours


class CursorFrame(QStyledItemDelegate):
    """The cursor is a thick frame, so a chosen (filled) toggle keeps its colour under it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor(colours()["focus"]), 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()
