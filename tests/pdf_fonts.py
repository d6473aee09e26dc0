"""What ``pdffonts`` would report: the fonts a PDF names without embedding them.

A font that is named but not embedded (Helvetica, say) is drawn with whatever the reader's PC
substitutes, so a certificate or presentielijst can look different at the board's or the
municipality's; every document must carry its own fonts.
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

_EMBEDDED_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


def _is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    if font.get("/Subtype") == "/Type3":
        return True  # drawn from its own glyph procedures inside the file
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in _EMBEDDED_KEYS)


def _fonts_in(resources: Any, seen: set[int], found: dict[str, bool]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found[str(font.get("/BaseFont"))] = found.get(str(font.get("/BaseFont")), True) and (
            _is_embedded(font)
        )
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if id(xobject) in seen or xobject.get("/Subtype") != "/Form":
            continue
        seen.add(id(xobject))
        _fonts_in(xobject.get("/Resources"), seen, found)


def font_report(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use, by its PDF name, mapped to whether it is embedded."""
    found: dict[str, bool] = {}
    seen: set[int] = set()
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), seen, found)
    return found


def assert_every_font_embedded(reader: PdfReader) -> None:
    report = font_report(reader)
    assert report, "the document uses no font at all"
    missing = sorted(name for name, embedded in report.items() if not embedded)
    assert missing == [], f"fonts named but not embedded: {missing}"
