"""The window's look: a calm, high-contrast style that follows the system's light/dark mode.

Colours are only a help: every state also has a word or a sign.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

LIGHT = {
    "accent": "#0E6E6E",
    "accent_text": "#FFFFFF",
    "side": "#EEF4F4",
    "muted": "#4A5560",
    "error": "#A4262C",
    "card": "#FFFFFF",
    "border": "#C9D3D8",
}
DARK = {
    "accent": "#5FC4C0",
    "accent_text": "#0B1A1A",
    "side": "#1E2A2C",
    "muted": "#B8C2C8",
    "error": "#FF9A9A",
    "card": "#243033",
    "border": "#3C4A4E",
}


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    if scheme is not None and scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def stylesheet() -> str:
    c = DARK if is_dark() else LIGHT
    return f"""
#sidebar {{ background: {c["side"]}; border: none; font-size: 11pt; }}
#sidebar::item {{ padding: 9px 14px; border-radius: 6px; margin: 2px 6px; }}
#sidebar::item:selected {{ background: {c["accent"]}; color: {c["accent_text"]}; }}
#heading {{ font-size: 17pt; font-weight: 600; margin: 4px 0 8px 0; }}
#subheading {{ font-size: 12pt; font-weight: 600; margin: 8px 0 4px 0; }}
#formError {{ color: {c["error"]}; }}
#emptyState {{ color: {c["muted"]}; font-size: 11pt; padding: 24px; }}
#muted {{ color: {c["muted"]}; }}
QFrame#card {{ background: {c["card"]}; border: 1px solid {c["border"]}; border-radius: 8px; }}
QPushButton#primary {{ background: {c["accent"]}; color: {c["accent_text"]}; padding: 7px 16px;
                      border-radius: 5px; font-weight: 600; }}
QPushButton#primary:focus {{ outline: 2px solid {c["accent"]}; }}
QPushButton#primary:disabled {{ background: {c["border"]}; color: {c["muted"]}; }}
"""
