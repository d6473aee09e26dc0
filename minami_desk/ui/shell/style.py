"""The window's look: a calm, high-contrast style that follows the system's light/dark mode.

Colours are only a help: every state also has a word or a sign. Every pair of text and
background colour below meets WCAG AA (4.5:1); ``tests/ui/test_contrast.py`` computes them.
Font sizes are in points, so the system's font size and scaling carry through.

The theme is "system" (the default: follow Windows' light/dark setting, also when it changes
while the program runs), or forced "light"/"dark" (``--theme``, ``MINAMI_DESK_THEME`` or the
PC setting), which the screenshots and tests use.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

THEMES = ("system", "light", "dark")
THEME_ENV = "MINAMI_DESK_THEME"

LIGHT = {
    "text": "#1A1F24",
    "window": "#F5F7F7",
    "base": "#FFFFFF",
    "alt_base": "#EEF4F4",
    "button": "#E6ECED",
    "accent": "#0E6E6E",
    "accent_text": "#FFFFFF",
    "link": "#0B5C5C",
    "side": "#EEF4F4",
    "muted": "#4A5560",
    "error": "#A4262C",
    "card": "#FFFFFF",
    "border": "#C9D3D8",
    "control_border": "#6E7A83",
    "disabled_bg": "#DDE3E6",
    "disabled_text": "#505B66",
    "notice_bg": "#FFF4D6",
    "notice_text": "#3D2E00",
    "table_head": "#DCEFEE",
    "present": "#1B7A4A",
    "absent": "#8A5A00",
    "cancelled": "#5B6770",
    "chosen_text": "#FFFFFF",
    "focus": "#B4540A",
    "tooltip_bg": "#1A1F24",
    "tooltip_text": "#FFFFFF",
}
DARK = {
    "text": "#E8EEF0",
    "window": "#182224",
    "base": "#1E2A2C",
    "alt_base": "#243033",
    "button": "#2C3A3D",
    "accent": "#5FC4C0",
    "accent_text": "#0B1A1A",
    "link": "#7FD6D2",
    "side": "#1E2A2C",
    "muted": "#B8C2C8",
    "error": "#FF9A9A",
    "card": "#243033",
    "border": "#4A5A5E",
    "control_border": "#8C9AA0",
    "disabled_bg": "#2C3A3D",
    "disabled_text": "#A3AEB4",
    "notice_bg": "#3D3212",
    "notice_text": "#FFE7A8",
    "table_head": "#2E4A4A",
    "present": "#7FD6A6",
    "absent": "#F2C46D",
    "cancelled": "#B8C2C8",
    "chosen_text": "#0B1A1A",
    "focus": "#F0A050",
    "tooltip_bg": "#E8EEF0",
    "tooltip_text": "#1A1F24",
}

_theme = "system"


def set_theme(theme: str | None) -> str:
    """``theme`` from the command line or settings; else the environment; else "system"."""
    global _theme
    chosen = theme or os.environ.get(THEME_ENV) or "system"
    _theme = chosen if chosen in THEMES else "system"
    return _theme


def current_theme() -> str:
    return _theme


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    if scheme is not None and scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def is_dark() -> bool:
    if _theme != "system":
        return _theme == "dark"
    return system_is_dark()


def colours() -> dict[str, str]:
    return DARK if is_dark() else LIGHT


def build_palette(c: dict[str, str]) -> QPalette:
    """A whole palette from one colour set, for when the platform's own does not fit."""
    role = QPalette.ColorRole
    palette = QPalette()
    pairs = {
        role.Window: c["window"],
        role.WindowText: c["text"],
        role.Base: c["base"],
        role.AlternateBase: c["alt_base"],
        role.Text: c["text"],
        role.Button: c["button"],
        role.ButtonText: c["text"],
        role.BrightText: c["error"],
        role.Highlight: c["accent"],
        role.HighlightedText: c["accent_text"],
        role.Link: c["link"],
        role.LinkVisited: c["link"],
        role.ToolTipBase: c["tooltip_bg"],
        role.ToolTipText: c["tooltip_text"],
        role.PlaceholderText: c["muted"],
        role.Light: c["border"],
        role.Midlight: c["border"],
        role.Mid: c["border"],
        role.Dark: c["border"],
        role.Shadow: "#000000",
    }
    for colour_role, value in pairs.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor(c["disabled_text"]))
    palette.setColor(disabled, role.Button, QColor(c["disabled_bg"]))
    return palette


def _platform_palette_fits(dark: bool) -> bool:
    """Whether the platform's palette (ours taken off first) matches the scheme."""
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return (window.lightness() < 128) == dark


class ContrastStyle(QProxyStyle):
    """Fusion, with input fields, check boxes and radio buttons outlined at 3:1 or more.

    Fusion draws their edges a shade darker than the window, which all but disappears on a
    dark background (WCAG 1.4.11 wants a visible boundary); the outline goes on top, except
    while focused, when Fusion's own accent-coloured focus frame shows.
    """

    _OUTLINED = (
        QStyle.PrimitiveElement.PE_PanelLineEdit,
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,  # ticks in lists (themes)
    )

    def __init__(self, border: str) -> None:
        super().__init__("Fusion")
        self.border = QColor(border)

    def _outline(self, painter: QPainter, option: QStyleOption, round_: bool = False) -> None:
        if option.state & QStyle.StateFlag.State_HasFocus:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self.border, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5)
        if round_:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._OUTLINED:
            return
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and (
            getattr(option, "lineWidth", 1) <= 0
        ):
            return  # the frameless editor inside a spin box or combo box
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        self._outline(painter, option, round_=radio)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_ShapedFrame and isinstance(
            widget, QPlainTextEdit | QTextEdit
        ):
            self._outline(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        framed = getattr(option, "frame", True)
        if framed and control in (
            QStyle.ComplexControl.CC_ComboBox,
            QStyle.ComplexControl.CC_SpinBox,
        ):
            self._outline(painter, option)


_native_style: list[str] = []


def apply_theme(app: QApplication) -> None:
    """The palette and stylesheet for the theme; again whenever the system switches."""
    if not _native_style:
        _native_style.append(app.style().name())
    if app.style().name() != _native_style[0]:
        app.setStyle(_native_style[0])
    app.setPalette(QPalette())  # back to the platform's own
    dark = is_dark()
    if _theme != "system" or not _platform_palette_fits(dark):
        # A forced theme, or a platform style that stays light in a dark system (the classic
        # Windows style): Fusion draws every control from our palette, so it all fits.
        c = DARK if dark else LIGHT
        app.setStyle(ContrastStyle(c["control_border"]))
        app.setPalette(build_palette(c))
    app.setStyleSheet(stylesheet())


def follow_system_changes(app: QApplication) -> None:
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: _theme == "system" and apply_theme(app))


def stylesheet() -> str:
    c = colours()
    return f"""
#sidebar {{ background: {c["side"]}; color: {c["text"]}; border: none; font-size: 11pt; }}
#sidebar::item {{ padding: 9px 14px; border-radius: 6px; margin: 2px 6px; }}
#sidebar::item:selected {{ background: {c["accent"]}; color: {c["accent_text"]}; }}
#heading {{ font-size: 17pt; font-weight: 600; margin: 4px 0 8px 0; }}
#subheading {{ font-size: 12pt; font-weight: 600; margin: 8px 0 4px 0; }}
#formError {{ color: {c["error"]}; }}
#emptyState {{ color: {c["muted"]}; font-size: 11pt; padding: 24px; }}
#muted {{ color: {c["muted"]}; }}
#notice {{ background: {c["notice_bg"]}; color: {c["notice_text"]}; padding: 6px 10px;
          border-radius: 4px; }}
QFrame#card {{ background: {c["card"]}; border: 1px solid {c["border"]}; border-radius: 8px; }}
QPushButton#primary {{ background: {c["accent"]}; color: {c["accent_text"]}; padding: 7px 16px;
                      border-radius: 5px; font-weight: 600; }}
QPushButton#primary:focus {{ border: 2px solid {c["accent_text"]}; padding: 5px 14px; }}
QPushButton#primary:disabled {{ background: {c["disabled_bg"]}; color: {c["disabled_text"]}; }}
QToolTip {{ background: {c["tooltip_bg"]}; color: {c["tooltip_text"]};
            border: 1px solid {c["border"]}; }}
"""
