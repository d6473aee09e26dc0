"""Issue 10: every input and button in every section and Beheer page has an accessible name.

The name is what a screen reader says; Qt derives it from ``setAccessibleName``, a button's
text or a label's buddy, so we ask Qt's accessibility layer, as a screen reader would.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INPUTS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)


def _buddy_text(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip()
    return ""


def accessible_name(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        # On Linux Qt names a combo box by its current value, which is no name at all
        # ("vrijwilliger"); Windows screen readers use the accessible name or the label.
        return (widget.accessibleName() or _buddy_text(widget)).strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def _is_internal_part(widget: QWidget) -> bool:
    """Parts Qt builds inside composite widgets are named through their owner."""
    owner = widget.parentWidget()
    return (
        widget.objectName().startswith("qt_")
        or isinstance(widget, QHeaderView)
        or isinstance(owner, QComboBox | QAbstractSpinBox | QCalendarWidget)
    )


def unnamed_inputs(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(root):
            continue
        if _is_internal_part(widget) or accessible_name(widget):
            continue
        missing.append(
            f"{type(widget).__name__} {widget.objectName()!r} in "
            f"{type(widget.parentWidget()).__name__}"
        )
    return missing


def stray_ampersands(root: QWidget) -> list[str]:
    """A label with a mnemonic but no buddy shows a literal "&" (and its key goes nowhere)."""
    from PySide6.QtCore import Qt

    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or label.buddy() is not None or "&" not in text:
            continue
        if label.textFormat() == Qt.TextFormat.RichText or re.search(r"<\w+[^>]*>|&\w+;", text):
            continue
        if re.search(r"(?<!&)&(?!&)", text.replace("&&", "")):
            found.append(f"label {text!r} without a buddy")
    return found


def test_every_section_and_admin_page_names_its_inputs(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for key in demo_window.section_keys:
        section = demo_window.show_section(key)
        qtbot.wait(20)
        problems += [f"{key}: {p}" for p in unnamed_inputs(section) + stray_ampersands(section)]
        if key == "admin":
            for page_key in section.page_keys:
                page = section.show_page(page_key)
                qtbot.wait(10)
                problems += [
                    f"admin/{page_key}: {p}" for p in unnamed_inputs(page) + stray_ampersands(page)
                ]
    problems += [f"window: {p}" for p in unnamed_inputs(demo_window.centralWidget())]
    assert sorted(set(problems)) == []


def test_the_check_catches_an_unnamed_input(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFormLayout

    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    named = QLineEdit(root)
    named.setAccessibleName("Naam")
    caption = QLabel("&Naam", root)
    caption.setBuddy(named)
    form.addRow(caption, named)
    bare = QLineEdit(root)
    bare.setObjectName("bare")
    form.addWidget(bare)
    combo = QComboBox(root)
    combo.setObjectName("valueOnly")
    combo.addItem("vrijwilliger")  # its value is not its name
    form.addWidget(combo)
    form.addRow(QLabel("&Logo", root), QLabel("no buddy possible", root))
    root.show()
    assert unnamed_inputs(root) == [
        "QLineEdit 'bare' in QWidget",
        "QComboBox 'valueOnly' in QWidget",
    ]
    assert stray_ampersands(root) == ["label '&Logo' without a buddy"]


def test_every_dialog_is_in_the_walk() -> None:
    """A new dialog must be added to ``dialog_catalog`` so the walk below opens it."""
    from tests.ui.dialog_catalog import all_dialog_classes, dialog_entries

    found = all_dialog_classes()
    assert len(found) >= 25  # the discovery itself works
    assert sorted(found - set(dialog_entries())) == []
    assert sorted(set(dialog_entries()) - found) == []  # no stale entries


def test_every_dialog_names_its_inputs(qtbot, demo_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.dialog_catalog import open_every_dialog

    problems: list[str] = []
    walked = 0
    for label, dialog in open_every_dialog(demo_window.context, tmp_path):
        qtbot.waitExposed(dialog)
        walked += 1
        problems += [f"{label}: {p}" for p in unnamed_inputs(dialog) + stray_ampersands(dialog)]
    assert walked >= 30
    assert sorted(set(problems)) == []


def accessible_description(widget: QWidget) -> str:
    """What a screen reader reads after the name: the description, else the tooltip."""
    interface = QAccessible.queryAccessibleInterface(widget)
    text = interface.text(QAccessible.Text.Description) if interface is not None else ""
    return (text or widget.accessibleDescription() or widget.toolTip()).strip()


def undescribed_fields(root: QWidget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton

    return [
        f"{type(widget).__name__} {accessible_name(widget)!r}"
        for widget in root.findChildren(QWidget)
        if isinstance(widget, INPUTS)
        and not isinstance(widget, QAbstractButton)  # a button's text says what it does
        and widget.isVisibleTo(root)
        and not _is_internal_part(widget)
        and not accessible_description(widget)
    ]


def test_every_dialog_describes_its_fields(qtbot, demo_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every field of every dialog says what it is for or how to fill it in (the tooltip,
    which screen readers read as the description); buttons say it with their text."""
    from tests.ui.dialog_catalog import open_every_dialog

    problems: list[str] = []
    for label, dialog in open_every_dialog(demo_window.context, tmp_path):
        problems += [f"{label}: {p}" for p in undescribed_fields(dialog)]
    assert sorted(set(problems)) == []
