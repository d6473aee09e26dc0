"""A form row with its Dutch error message underneath, shared by the desk's forms."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from minami_desk.ui.widgets import FormErrorLabel


def add_field(
    form: QFormLayout, owner: QWidget, label: str, accessible: str, widget: QWidget
) -> FormErrorLabel:
    """Add ``label`` (with its mnemonic pointing at ``widget``) and an error label under it.

    ``label`` and ``accessible`` are already translated.
    """
    holder = QWidget(owner)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = FormErrorLabel(holder)
    column.addWidget(error)
    widget.setAccessibleName(accessible)
    if not widget.toolTip():
        # Also the description screen readers read after the name, and a hint on hover.
        widget.setToolTip(accessible)
    caption = QLabel(label, owner)
    caption.setBuddy(widget)
    form.addRow(caption, holder)
    return error
