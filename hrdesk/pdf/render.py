"""Page rendering for previews, with PyMuPDF, returning raw RGB samples (no PNG encoding: the GUI wraps
the bytes in a QImage directly). A small LRU cache keeps revisits instant.

Previews run in the GUI's process, so a hostile file is stopped before MuPDF decodes it: the scan's
structural limits (page count, decompression bombs, image size; `limits.py`) refuse it, and a page so
large its render would pass `max_render_megapixels` is drawn at a lower resolution."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..catalogue import CODED, CodedError
from ..mupdf_lock import MUPDF
from .limits import oversized_images, structure_flags
from .scan_flags import threshold


class RenderError(CodedError, RuntimeError):
    """A file that cannot be shown, said by key (`preview.*`): the window shows it in the person's
    language (`message(lang)`; `str()` follows the window's language). It crosses from the render
    worker as its coded text (`coded()`, `from_coded`)."""

    @classmethod
    def from_coded(cls, stored: str) -> RenderError:
        try:
            data = json.loads(stored[len(CODED) :])
            return cls(data["key"], **data["params"])
        except (ValueError, KeyError, TypeError):
            return cls("preview.damaged-in-worker")


@dataclass(frozen=True)
class RenderedPage:
    width: int
    height: int
    stride: int
    samples: bytes
    page_count: int
    dpi: int = 0  # the resolution asked for (a page fitted to a width: the one chosen for it)
    points: tuple[float, float] = (0.0, 0.0)  # the page's size in points (1/72 inch), as shown


_cache: OrderedDict[tuple[str, int, int, int], RenderedPage] = OrderedDict()
_lock = threading.Lock()
CACHE_PAGES = 48


FIT_DPI = (30, 300)  # a page fitted to a view is drawn no coarser and no finer than this


def render_page(
    path: Path, page_number: int = 0, dpi: int = 110, rotate: int = 0, fit_width: int = 0
) -> RenderedPage:
    """One page's pixels at `dpi`; or, with `fit_width` (pixels), at the resolution that makes the page
    that wide: a preview opened fitted to its view is drawn once, not once to learn the page's size and
    again at the fitted size."""
    key = (str(path), page_number, -fit_width if fit_width else dpi, rotate)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    with MUPDF:  # one MuPDF user at a time in this process (hrdesk/mupdf_lock.py)
        import pymupdf

        try:
            doc = pymupdf.open(path)
        except Exception:
            raise RenderError("preview.damaged") from None
        try:
            if doc.needs_pass:
                raise RenderError("preview.encrypted")
            refusal = _refusal(path, doc)
            if refusal:
                raise RenderError("preview.refused", reason=refusal)
            if not 0 <= page_number < doc.page_count:
                raise RenderError("preview.no-page", page=page_number + 1)
            try:
                page = doc[page_number]
                too_big = oversized_images(page, page_number + 1)
                if too_big is not None:
                    raise RenderError("preview.refused", reason=too_big.coded())
                if fit_width:
                    dpi = int(min(FIT_DPI[1], max(FIT_DPI[0], fit_width / max(1.0, page.rect.width) * 72)))
                pix = page.get_pixmap(dpi=_bounded_dpi(page.rect, dpi), alpha=False, colorspace=pymupdf.csRGB)
            except RenderError:
                raise
            except Exception:
                raise RenderError("preview.page-damaged", page=page_number + 1) from None
            result = RenderedPage(
                pix.width,
                pix.height,
                pix.stride,
                bytes(pix.samples),
                doc.page_count,
                dpi,
                (page.rect.width, page.rect.height),
            )
        finally:
            doc.close()
    with _lock:
        _cache[key] = result
        while len(_cache) > CACHE_PAGES:
            _cache.popitem(last=False)
    return result


_refusals: dict[tuple[str, int, int], str] = {}


def _refusal(path: Path, doc: object) -> str:
    """The structural refusal of a file ("" when none), computed once per file version."""
    try:
        st = path.stat()
    except OSError:
        return ""
    key = (str(path), st.st_size, st.st_mtime_ns)
    with _lock:
        known = _refusals.get(key)
    if known is None:
        flags = structure_flags(doc)
        known = flags[0].coded() if flags else ""
        with _lock:
            if len(_refusals) > 1024:  # one entry per file version seen; previews of thousands of files
                _refusals.clear()
            _refusals[key] = known
    return known


def _bounded_dpi(rect: object, dpi: int) -> int:
    limit = threshold("max_render_megapixels") * 1e6
    pixels = rect.width * rect.height * (dpi / 72) ** 2
    if pixels <= limit:
        return dpi
    return max(1, int(dpi * (limit / pixels) ** 0.5))


# --- previews in the render worker process ------------------------------------------------------------

PREVIEW_BUDGET_SECONDS = 20.0  # a cold worker imports PyMuPDF first; a page itself takes well under a second


def preview_page(path: Path, page_number: int = 0, dpi: int = 110, fit_width: int = 0) -> RenderedPage:
    """`render_page` for the window: drawn in the render worker process (limits.RENDER_LANE), so the
    window's threads only wait for the bytes. MuPDF keeps Python's interpreter lock for a whole render
    (0.1–0.4 s for a 300-dpi scan), so a render on a thread of the window's process froze the window
    however it was threaded. Revisits come from this process's cache; without a worker process (a
    frozen build that cannot spawn) the page is drawn here."""
    key = (str(path), page_number, -fit_width if fit_width else dpi, 0)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    result = _in_render_worker(_render_one, path, page_number, dpi, fit_width)
    with _lock:
        _cache[key] = result
        while len(_cache) > CACHE_PAGES:
            _cache.popitem(last=False)
    return result


def preview_thumbnails(path: Path, dpi: int, most: int) -> list[RenderedPage]:
    """The first `most` pages at `dpi`, in one call to the render worker (each page decodes its scan)."""
    return _in_render_worker(_render_thumbnails, path, dpi, most)


def _in_render_worker(fn: Callable[..., Any], *args: Any) -> Any:
    from .limits import RENDER_LANE, Budget, BudgetExceeded, WorkerUnavailable, run_bounded

    budget = Budget(open_seconds=PREVIEW_BUDGET_SECONDS, page_seconds=PREVIEW_BUDGET_SECONDS)
    try:
        answer = run_bounded(fn, *args, budget=budget, lane=RENDER_LANE)
    except WorkerUnavailable:
        answer = fn(*args, beat=lambda: None)
    except BudgetExceeded as exc:
        raise RenderError("preview.over-budget", detail=exc.detail) from None
    except RuntimeError:  # MuPDF failed in the worker (which is then replaced)
        raise RenderError("preview.damaged-in-worker") from None
    if isinstance(answer, str):  # a file that cannot be shown: the worker stays
        raise RenderError.from_coded(answer)
    return answer


def _render_one(
    path: Path, page_number: int, dpi: int, fit_width: int, beat: Callable[[], None]
) -> RenderedPage | str:
    try:
        return render_page(path, page_number, dpi, fit_width=fit_width)
    except RenderError as exc:
        return exc.coded()


def _render_thumbnails(path: Path, dpi: int, most: int, beat: Callable[[], None]) -> list[RenderedPage] | str:
    try:
        first = render_page(path, 0, dpi=dpi)
        pages = [first]
        for i in range(1, min(first.page_count, most)):
            beat()
            pages.append(render_page(path, i, dpi=dpi))
    except RenderError as exc:
        return exc.coded()
    return pages
