"""Page rendering for previews, with PyMuPDF, returning raw RGB samples (no PNG encoding: the GUI wraps
the bytes in a QImage directly). A small LRU cache keeps revisits instant."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path


class RenderError(RuntimeError):
    """A file that cannot be shown; the message is for the HR user."""


@dataclass(frozen=True)
class RenderedPage:
    width: int
    height: int
    stride: int
    samples: bytes
    page_count: int


_cache: OrderedDict[tuple[str, int, int, int], RenderedPage] = OrderedDict()
_lock = threading.Lock()
CACHE_PAGES = 48


def render_page(path: Path, page_number: int = 0, dpi: int = 110, rotate: int = 0) -> RenderedPage:
    key = (str(path), page_number, dpi, rotate)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    import pymupdf

    try:
        doc = pymupdf.open(path)
    except Exception:
        raise RenderError("文件已损坏或不是 PDF，无法预览") from None
    try:
        if doc.needs_pass:
            raise RenderError("PDF 已加密（设有密码），无法预览；请上传未加密的扫描件")
        if not 0 <= page_number < doc.page_count:
            raise RenderError(f"没有第 {page_number + 1} 页")
        try:
            pix = doc[page_number].get_pixmap(dpi=dpi, alpha=False, colorspace=pymupdf.csRGB)
        except Exception:
            raise RenderError(f"第 {page_number + 1} 页已损坏，无法显示") from None
        result = RenderedPage(pix.width, pix.height, pix.stride, bytes(pix.samples), doc.page_count)
    finally:
        doc.close()
    with _lock:
        _cache[key] = result
        while len(_cache) > CACHE_PAGES:
            _cache.popitem(last=False)
    return result
