"""Synthetic 300-dpi A4 colour scans (JPEG pages, about 0.7 MB each), cached under /tmp."""

from __future__ import annotations

import random
from pathlib import Path

CACHE = Path("/tmp/hrdesk-bench-scans")


def scan_jpeg(variant: int = 0) -> bytes:
    path = CACHE / f"page-{variant}.jpg"
    if path.exists():
        return path.read_bytes()
    import pymupdf

    CACHE.mkdir(parents=True, exist_ok=True)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect(page.rect, color=None, fill=(0.97, 0.95, 0.88))
    rng = random.Random(3)
    for i in range(60):  # text-like lines and coloured blocks, so the JPEG is as busy as a real scan
        y = 60 + i * 12
        page.draw_rect((50, y, 50 + rng.randint(200, 490), y + 5), color=None, fill=(0.2, 0.2, 0.25))
    page.draw_rect((60, 700, 300, 800), color=None, fill=(0.8, 0.2, 0.2))
    page.draw_rect((320, 700, 540, 800), color=None, fill=(0.2, 0.4, 0.8))
    pix = page.get_pixmap(dpi=300)
    # Paper grain and sensor noise: real scans do not compress like flat colour (about 0.7 MB a page).
    noise = random.Random(5 + variant).randbytes(len(pix.samples))
    grainy = bytes(a ^ (b & 0x0F) for a, b in zip(pix.samples, noise, strict=True))
    pix = pymupdf.Pixmap(pymupdf.csRGB, pix.width, pix.height, grainy, False)
    data = pix.tobytes("jpeg", jpg_quality=80)
    path.write_bytes(data)
    return data


def scan_pdf(pages: int, name: str) -> Path:
    path = CACHE / f"{name}-{pages}.pdf"
    if path.exists():
        return path
    import pymupdf

    doc = pymupdf.open()
    for i in range(pages):  # distinct images, as a real multi-page scan has
        p = doc.new_page(width=595, height=842)
        p.insert_image(p.rect, stream=scan_jpeg(i % 10))
    doc.save(path)
    return path
