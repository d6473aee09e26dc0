"""A canvas that knows the page count, for footers such as "pagina 2 van 5".

reportlab draws each page before it knows how many follow; this canvas keeps every page's
state and draws the footers when the document is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

FooterPainter = Callable[[Canvas, int, int], None]


def numbered_canvas(paint_footer: FooterPainter) -> type[Canvas]:
    """A Canvas class for ``doc.build(..., canvasmaker=...)`` calling ``paint_footer``
    with (canvas, page number, page count) on every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private; absent from the stub

        def save(self) -> None:
            count = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                paint_footer(self, number, count)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_label(number: int, count: int) -> str:
    return f"pagina {number} van {count}"
