"""Generated scans for the image checks: a document page rendered as a scanner would (colour JPEG of a
page with Chinese text, a coloured header and a red seal), then spoilt one way at a time — tilted,
blurred, black-bordered — and ID photos on white or blue. Each spoilt page has its good twin."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf

LINES = [
    "兹证明申请人在我单位工作，劳动合同期限自二〇二四年三月一日起。",
    "本人承诺所提交材料真实、准确、有效，如有虚假，愿承担相应责任。",
    "单位地址：北京市昌平区回龙观镇示例路一号，联系电话见附页。",
    "工作岗位：研发工程师；月工资按劳动合同约定按时足额发放。",
    "社会保险及个人所得税均由本单位缴纳和代扣代缴，特此证明。",
]


def document_page(lines: int = 24) -> pymupdf.Document:
    """A vector A4 page that looks like an office document: the thing that gets scanned."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect(page.rect, color=None, fill=(0.98, 0.97, 0.93))
    page.draw_rect((50, 45, 545, 100), color=None, fill=(0.82, 0.89, 0.97))
    page.insert_text((70, 82), "在职证明（示例）", fontname="china-s", fontsize=20, color=(0.1, 0.2, 0.5))
    for i in range(lines):
        page.insert_text(
            (60, 140 + i * 24),
            LINES[i % len(LINES)],
            fontname="china-s",
            fontsize=11.5,
            color=(0.1, 0.1, 0.12),
        )
    page.draw_circle((450, 760), 40, color=(0.85, 0.1, 0.1), width=3)
    return doc


def scan_image(
    source: pymupdf.Document,
    *,
    dpi: int = 150,
    angle: float = 0.0,
    background: tuple[float, float, float] = (1, 1, 1),
    inset: float = 0.0,
) -> pymupdf.Pixmap:
    """What the scanner sees: the sheet on the scanner glass (`background` shows where the sheet is not),
    turned by `angle` degrees and shrunk by `inset` points per side."""
    bed = pymupdf.open()
    page = bed.new_page(width=595, height=842)
    page.draw_rect(page.rect, color=None, fill=background)
    r = page.rect + (inset, inset, -inset, -inset)
    page.show_pdf_page(r, source, 0, rotate=angle, keep_proportion=False)
    return page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)


def blur(pix: pymupdf.Pixmap, radius: int) -> pymupdf.Pixmap:
    """Three box passes of width 2·radius+1 per axis (≈ a Gaussian of σ ≈ 1.4·radius px): an out-of-focus
    or moved scan. At 150 dpi, radius 1 is soft but legible, radius 2 smears the strokes together."""
    a = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).astype(np.float32)
    width = 2 * radius + 1
    for axis in (0, 1):
        for _ in range(3):
            pad = [(0, 0)] * 3
            pad[axis] = (radius + 1, radius)
            c = np.cumsum(np.pad(a, pad, mode="edge"), axis=axis)
            hi = [slice(None)] * 3
            lo = [slice(None)] * 3
            hi[axis], lo[axis] = slice(width, None), slice(None, -width)
            a = (c[tuple(hi)] - c[tuple(lo)]) / width
    out = np.clip(a, 0, 255).astype(np.uint8)
    return pymupdf.Pixmap(pymupdf.csRGB, pix.width, pix.height, out.tobytes(), False)


def to_pdf(
    path: Path, images: list[pymupdf.Pixmap], *, size: tuple[float, float] = (595, 842), quality: int = 75
) -> Path:
    """One JPEG image per page filling it, as a scanner writes a PDF."""
    doc = pymupdf.open()
    for pix in images:
        page = doc.new_page(width=size[0], height=size[1])
        page.insert_image(page.rect, stream=pix.tobytes("jpeg", jpg_quality=quality))
    doc.save(path)
    return path


def id_photo(background: tuple[int, int, int], width: int = 413, height: int = 579) -> pymupdf.Pixmap:
    """A 2-inch ID photo (35 × 49 mm at 300 dpi): a head and shoulders on a plain `background`."""
    yy, xx = np.mgrid[0:height, 0:width]
    img = np.empty((height, width, 3), np.uint8)
    img[:] = background
    shoulders = ((xx - width / 2) / (width * 0.55)) ** 2 + ((yy - height * 1.05) / (height * 0.38)) ** 2 < 1
    img[shoulders] = (30, 32, 40)  # dark jacket
    neck = (abs(xx - width / 2) < width * 0.09) & (yy > height * 0.5) & (yy < height * 0.72)
    img[neck] = (224, 186, 160)
    head = ((xx - width / 2) / (width * 0.24)) ** 2 + ((yy - height * 0.38) / (height * 0.23)) ** 2 < 1
    img[head] = (230, 192, 166)
    hair = head & (yy < height * 0.26)
    img[hair] = (25, 20, 18)
    noise = np.random.default_rng(7).integers(-4, 5, img.shape)
    img = np.clip(img.astype(np.int16) + noise, 0, 255).astype(np.uint8)
    return pymupdf.Pixmap(pymupdf.csRGB, width, height, img.tobytes(), False)


def photo_pdf(path: Path, background: tuple[int, int, int], *, layout: str = "page") -> Path:
    """The photo as its own page ("page": an image converted to PDF), placed as an image on a white A4
    page ("placed"), or scanned on a sheet ("scanned": one full-page JPEG, as a scanner writes it)."""
    pix = id_photo(background)
    doc = pymupdf.open()
    if layout == "page":
        page = doc.new_page(width=99, height=139)
        page.insert_image(page.rect, stream=pix.tobytes("jpeg", jpg_quality=90))
    else:
        page = doc.new_page(width=595, height=842)
        page.draw_rect(page.rect, color=None, fill=(0.99, 0.99, 0.98))
        page.insert_image(pymupdf.Rect(60, 60, 60 + 99, 60 + 139), stream=pix.tobytes("jpeg", jpg_quality=90))
        if layout == "scanned":
            sheet = page.get_pixmap(dpi=150, colorspace=pymupdf.csRGB, alpha=False)
            doc = pymupdf.open()
            page = doc.new_page(width=595, height=842)
            page.insert_image(page.rect, stream=sheet.tobytes("jpeg", jpg_quality=80))
    doc.save(path)
    return path
