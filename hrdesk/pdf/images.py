"""Photos of documents (JPG/PNG) become one-page PDFs, safely: the pixel size the file's header declares
is checked before anything is decoded (a 30,000 × 30,000 PNG took 21 s and 1.8 GB in the window's
process before the scan refused it), and the decoding itself runs in the scan's watchdog process
(`limits.run_bounded`: a time and memory budget), never in the window's. One implementation for
attaching (`store/vault.py`) and packing (`pdf/pack.py`)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from ..catalogue import CodedError
from .limits import Budget, BudgetExceeded, WorkerUnavailable, run_bounded
from .scan_flags import threshold

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}
HEADER_BYTES = 1 << 16  # a JPEG's frame header follows its metadata segments; 64 KB holds it in practice


class ImageRefused(CodedError, ValueError):
    """An image that is not decoded: too many pixels, or not a readable JPG/PNG. `message(lang)`."""


def declared_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR or a JPEG's frame header; None when the header says neither."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        return struct.unpack(">II", head[16:24])
    if head.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                return None
            marker = head[i + 1]
            if marker == 0xFF:  # fill byte
                i += 1
                continue
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = struct.unpack(">H", head[i + 2 : i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # SOFn
                height, width = struct.unpack(">HH", head[i + 5 : i + 9])
                return width, height
            i += 2 + length
    return None


def check_image(path: Path) -> tuple[int, int]:
    """The declared size, or ImageRefused when it is beyond the pixel budget or unreadable. Reads the
    header only."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEADER_BYTES)
    except OSError:
        raise ImageRefused("image.unreadable", name=path.name) from None
    size = declared_size(head)
    if size is None or size[0] <= 0 or size[1] <= 0:
        raise ImageRefused("image.unreadable", name=path.name)
    width, height = size
    limit = threshold("max_image_megapixels")
    if width * height > limit * 1e6:
        raise ImageRefused(
            "image.too-large",
            name=path.name,
            width=width,
            height=height,
            megapixels=round(width * height / 1e6),
            limit=int(limit),
        )
    return size


def image_to_pdf(path: Path, budget: Budget | None = None) -> bytes:
    """A JPG/PNG photo of a document as a one-page PDF of the image's own size. Raises ImageRefused."""
    check_image(path)
    try:
        return sheet_size(run_bounded(convert_image, path, budget=budget or Budget()))
    except WorkerUnavailable:
        return sheet_size(convert_image(path))  # the header check above still bounds what gets decoded
    except BudgetExceeded as exc:
        raise ImageRefused("image.over-budget", name=path.name, detail=exc.detail) from None
    except RuntimeError:
        raise ImageRefused("image.unreadable", name=path.name) from None


def convert_image(path: Path, beat: Any = None) -> bytes:
    """The decode and conversion (in the watchdog process)."""
    import pymupdf

    try:
        with pymupdf.open(path) as img:
            return img.convert_to_pdf()
    except Exception:
        raise ImageRefused("image.unreadable", name=path.name) from None


A4_SHORT_PT, A4_LONG_PT = 595.0, 842.0
PHOTO_PRODUCER = "hrdesk: photo of a sheet"


def sheet_size(data: bytes) -> bytes:
    """A phone photo of a sheet says 72 dpi in its JFIF header whatever its pixels, so its page would be a
    metre wide (3024 px / 72 = 1067 mm) and its resolution 72 dpi. A page larger than A4 by a fifth is
    taken for what it is, a photo of an A4 sheet: scaled to fit A4, its resolution then read from the pixels
    (3024 px over 210 mm ≈ 366 dpi). A small image (a studio's ID photo) keeps its own size."""
    import io

    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(io.BytesIO(data))
        page = reader.pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
    except Exception:
        return data
    if max(width, height) <= A4_LONG_PT * 1.2:
        return data
    short, long = sorted((width, height))
    factor = min(A4_SHORT_PT / short, A4_LONG_PT / long)
    writer = PdfWriter()
    writer.add_page(page)
    writer.pages[0].scale_by(factor)
    writer.add_metadata({"/Producer": PHOTO_PRODUCER})  # the scan checks judge a photo's edges leniently
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
