"""A ceremony batch: 100 certificates in one PDF (fonts embedded, the frame drawn once as a
form), against a bare reportlab loop of 100 landscape A4 pages with one line each.

Budget: under 3 s for the 100. Run alone with ``python -m benchmarks.bench_certificates``.
"""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from benchmarks.common import Result, measure
from minami_desk.reports.certificate import PAGE, CertificatePage, render_certificates
from minami_desk.reports.pdf_common import CentreInfo, register_fonts

COUNT = 100
_NAMES = [
    "Kwabena Ɔwusu",
    "Nguyễn Thị Mai",
    "Şükrü Öztürk",
    "Marie-Louise van den Heuvel-Tjon A Fong",
    "Ọlá Adébáyọ̀",
]
TEXT = (
    "heeft met succes het persoonlijk traject van zes maanden bij Mi na Mi doorlopen "
    "en daarmee gewerkt aan eigen kracht, een sterk zelfbeeld en verbinding met anderen."
)


def pages() -> list[CertificatePage]:
    return [
        CertificatePage(
            number=f"2026-{index + 1:03d}",
            full_name=f"{_NAMES[index % len(_NAMES)]} {index}",
            text=TEXT,
            start_date=date(2026, 6, 3),
            end_date=date(2026, 12, 3),
            ceremony_date=date(2026, 12, 12),
            place="Amsterdam Zuidoost",
            coach_name="Esther Koster",
            coordinator_name="Glenda Martina",
        )
        for index in range(COUNT)
    ]


def certificates(batch: list[CertificatePage]) -> bytes:
    out = io.BytesIO()
    render_certificates(batch, CentreInfo(), out)
    return out.getvalue()


def bare_loop() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAGE)
    for index in range(COUNT):
        canvas.setFont("Helvetica", 36)
        canvas.drawCentredString(PAGE[0] / 2, PAGE[1] / 2, f"Certificaat {index}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def run(data_dir: Path | None = None) -> list[Result]:
    register_fonts()
    batch = pages()
    return [
        measure(
            f"{COUNT} certificates in one PDF",
            lambda: certificates(batch),
            repeat=5,
            baseline=(f"bare reportlab loop, {COUNT} pages", bare_loop),
            budget_ms=3000,
        )
    ]


if __name__ == "__main__":
    for result in run():
        ratio = f"{result.ratio:.1f}×" if result.ratio else "—"
        print(
            f"{result.name}: median {result.median_ms:.0f} ms, p95 {result.p95_ms:.0f} ms; "
            f"{result.baseline_name}: {result.baseline_ms:.0f} ms; ratio {ratio}; "
            f"size {len(certificates(pages())) / 1024:.0f} KiB",
            file=sys.stdout,
        )
