"""The one form row: a caption with its mnemonic, the field, and the field's own error message.

A refused form shows every message at once, each under its own field, so the desk fixes them
all in one go; a message goes away as soon as its field is edited, so what is still shown is
what is still wrong. The message starts with a warning sign so it is not told by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from minami_desk.errors import UserError, ValidationError
from minami_desk.ui.shell.context import AppContext
from minami_desk.ui.widgets import show_exception


class FormErrorLabel(QLabel):
    """A Dutch validation message shown under its field; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText("⚠ " + message)
        self.setAccessibleName(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def on_edit(field: QWidget | QLayout, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the person changes ``field`` (or a field inside it)."""
    widgets: list[QWidget] = []
    if isinstance(field, QLayout):
        for position in range(field.count()):
            item = field.itemAt(position)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widgets.append(widget)
    else:
        widgets.append(field)
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: callback())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.textChanged.connect(callback)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _index: callback())
            if widget.isEditable():
                widget.editTextChanged.connect(lambda _text: callback())
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(lambda _value: callback())
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.valueChanged.connect(lambda _value: callback())
        elif isinstance(widget, QAbstractButton):
            widget.clicked.connect(lambda _checked=False: callback())
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(lambda _item: callback())
        elif isinstance(widget, QAbstractItemView):
            widget.clicked.connect(lambda _index: callback())
        else:  # a composite field: its own inputs count
            for child in widget.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                on_edit(child, callback)


def add_row(
    form: QFormLayout,
    label: str,
    field: QWidget | QLayout,
    accessible: str = "",
    buddy: QWidget | None = None,
    owner: QWidget | None = None,
) -> FormErrorLabel:
    """``label`` (its &-mnemonic moves to ``field``), the field, and an error label under it.

    ``label`` and ``accessible`` are already translated. The accessible name is also the
    field's tooltip unless it has one: the description screen readers read after the name.
    """
    owner = owner or form.parentWidget()
    holder = QWidget(owner)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(field, QLayout):
        column.addLayout(field)
    else:
        column.addWidget(field)
    error = FormErrorLabel(holder)
    column.addWidget(error)
    target = buddy or (field if isinstance(field, QWidget) else None)
    if accessible and target is not None:
        target.setAccessibleName(accessible)
        if not target.toolTip():
            target.setToolTip(accessible)
    caption = QLabel(label, owner)
    if target is not None:
        caption.setBuddy(target)
    form.addRow(caption, holder)
    on_edit(field, error.clear_message)
    return error


def text_field(
    form: QFormLayout, parent: QWidget, label: str, accessible: str, secret: bool = False
) -> tuple[QLineEdit, FormErrorLabel]:
    """A captioned line edit with its own message under it (a password when ``secret``)."""
    field = QLineEdit(parent)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field, add_row(form, label, field, accessible, owner=parent)


class FormRows:
    """A form whose rows each carry their own error label, keyed by the service's field name."""

    def __init__(self, parent: QWidget, layout: QFormLayout | None = None) -> None:
        self.parent = parent
        self.layout = layout if layout is not None else QFormLayout()
        self.errors: dict[str, FormErrorLabel] = {}
        self.fields: dict[str, QWidget] = {}
        # For messages without a field of their own; ``place`` puts it under the form.
        self.general = FormErrorLabel(parent)

    def place(self, layout: QVBoxLayout) -> None:
        """Put the fields, then the general message under them, into the dialog's layout."""
        layout.addLayout(self.layout)
        layout.addWidget(self.general)

    def add(
        self,
        key: str,
        label: str,
        field: QWidget | QLayout,
        buddy: QWidget | None = None,
        accessible: str = "",
    ) -> FormErrorLabel:
        """A row keyed ``key``; ``buddy`` is the input the mnemonic reaches when ``field`` is a
        layout or a composite widget."""
        error = add_row(self.layout, label, field, accessible, buddy, self.parent)
        self.errors[key] = error
        target = buddy or (field if isinstance(field, QWidget) else None)
        if target is not None:
            self.fields[key] = target
        return error

    def clear(self) -> None:
        for label in (*self.errors.values(), self.general):
            label.clear_message()

    def show(self, errors: dict[str, str]) -> None:
        """Every message at once, each next to its field; the first faulty field gets the focus.

        A message without a field of its own goes under the form.
        """
        show_errors(self.errors, errors, self.general, self.fields)

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a service call for this form; True when it worked, else its messages are shown."""
        self.clear()
        try:
            action()
        except ValidationError as error:
            self.show(error.errors)
            return False
        except UserError as error:
            self.general.show_message(str(error))
            return False
        except Exception as error:
            show_exception(self.parent, error)
            return False
        return True


def show_errors(
    labels: dict[str, FormErrorLabel],
    errors: dict[str, str],
    fallback: FormErrorLabel | None = None,
    fields: dict[str, QWidget] | None = None,
    fit: bool = False,
) -> None:
    """Each message under its own field, all in one pass; the rest together under ``fallback``.

    With ``fields`` the first faulty field gets the focus; with ``fit`` a small dialog grows
    to make room for the messages (a wrapped one must not be cut off).
    """
    for label in labels.values():
        label.clear_message()
    if fallback is not None:
        fallback.clear_message()
    rest: list[str] = []
    first: QWidget | None = None
    for key, message in errors.items():
        own = labels.get(key)
        if own is None:
            rest.append(message)
            continue
        own.show_message(message)
        if first is None and fields is not None and key in fields:
            first = fields[key]
    if rest and fallback is not None:
        fallback.show_message(" ".join(rest))
    if first is not None:
        first.setFocus(Qt.FocusReason.OtherFocusReason)
    anchor = fallback or next(iter(labels.values()), None)
    window = anchor.window() if anchor is not None and fit else None
    if isinstance(window, QDialog):
        window.adjustSize()


def save_and_close(
    dialog: QDialog,
    context: AppContext,
    form: FormRows,
    store: Callable[[], object],
    topic: str,
    message: str,
) -> bool:
    """Run the dialog's service call; when it worked, tell the other screens and close."""
    if not form.attempt(store):
        return False
    context.bus.changed.emit(topic)
    context.bus.status_message.emit(message)
    dialog.accept()
    return True
