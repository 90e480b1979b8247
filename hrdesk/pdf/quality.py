"""Image measurements of a scanned page without OCR (numpy on one mid-resolution render): skew of the text
lines, dark scanner borders, blur, and the background of an ID photo. Each function measures and returns
numbers; `scan.py` compares them with the thresholds in `resources/scan_checks.toml` (changping-2026 三(一):
四边轮廓整齐，方正无杂边、信息清晰有效; 四(二)1 and yanqing-2024 三(二) 第一步: 白底证件照).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

DARK = 96  # grey level below which a pixel is ink or scanner background, not paper


@dataclass(frozen=True)
class Skew:
    degrees: float | None  # signed, counter-clockwise positive; None = no line structure to measure
    peak_ratio: float  # how much better the best angle aligns lines than the average angle


@dataclass(frozen=True)
class Borders:
    dark_share: dict[str, float]  # per side ("top", "bottom", "left", "right"): share of dark pixels

    def worst(self) -> tuple[float, list[str]]:
        worst = max(self.dark_share.values())
        return worst, [side for side, share in self.dark_share.items() if share >= worst - 1e-9]


def grey(rgb: np.ndarray) -> np.ndarray:
    """Luma of an (h, w, 3) uint8 image as float32 (ITU-R BT.601 weights)."""
    return rgb[..., 0] * np.float32(0.299) + rgb[..., 1] * np.float32(0.587) + rgb[..., 2] * np.float32(0.114)


def colour_and_ink(rgb: np.ndarray, block: int, tolerance: int) -> tuple[float, float]:
    """Share of clearly coloured and of dark pixels after averaging `block`×`block` cells: the same
    measure the colour check made on a 12-dpi render, taken from the check render."""
    h, w = (rgb.shape[0] // block) * block, (rgb.shape[1] // block) * block
    # Sum rows, then columns, of each cell in uint16 (64 × 255 fits): a float mean over both axes at
    # once costs five times as much.
    rows = rgb[:h, :w].reshape(h // block, block, w, 3).sum(axis=1, dtype=np.uint16)
    small = rows.reshape(h // block, w // block, block, 3).sum(axis=2, dtype=np.uint32) / np.float32(
        block * block
    )
    spread = small.max(axis=2) - small.min(axis=2)
    luma10 = small[..., 0] * 3 + small[..., 1] * 6 + small[..., 2]
    n = spread.size or 1
    return float((spread > tolerance).sum() / n), float((luma10 < 2000).sum() / n)


def measure_skew(g: np.ndarray, max_degrees: float = 10.0) -> Skew:
    """Angle of the text lines by projection profiles: the angle at which dark pixels, projected across the
    page, pile up into the sharpest rows. Works on any page with lines of text; coarse then fine search.
    Lines may run across or (a page turned by 90°, vertical text) down the page: both are tried and the
    clearer one counts."""
    across = _line_skew(g, max_degrees)
    down = _line_skew(g.T, max_degrees)
    return across if across.peak_ratio >= down.peak_ratio else down


def _line_skew(g: np.ndarray, max_degrees: float) -> Skew:
    h, w = g.shape
    my, mx = int(h * 0.04), int(w * 0.04)  # leave the scanner borders out: they have their own check
    ink = g[my : h - my, mx : w - mx] < DARK
    ys, xs = np.nonzero(ink)
    if ys.size < 300:
        return Skew(None, 0.0)
    if ys.size > 30_000:  # enough points for a sharp profile; keep the cost flat
        step = ys.size // 30_000 + 1
        ys, xs = ys[::step], xs[::step]
    ys = ys.astype(np.float32)
    xs = xs.astype(np.float32) - np.float32(w / 2)

    def score_on(n: int) -> Any:
        def f(deg: float) -> float:
            rows = np.rint(ys[::n] - xs[::n] * np.float32(np.tan(np.radians(deg)))).astype(np.int32)
            counts = np.bincount(rows - rows.min())
            return float(np.dot(counts, counts))

        return f

    # Coarse search on a quarter of the points (the peak is broad at 0.5° steps), fine on all of them.
    coarse = np.arange(-max_degrees, max_degrees + 1e-6, 0.5)
    quick = score_on(4)
    scores = np.array([quick(d) for d in coarse])
    best = float(coarse[int(scores.argmax())])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-6, 0.1)
    full = score_on(1)
    fine_scores = np.array([full(d) for d in fine])
    angle = float(fine[int(fine_scores.argmax())])
    ratio = float(scores.max() / max(float(np.median(scores)), 1.0))
    return Skew(round(angle, 1), ratio)


def measure_borders(g: np.ndarray, strip_share: float) -> Borders:
    """Share of dark pixels in a thin strip along each side: a scanner with its lid open or a sheet placed
    askew leaves black bands or triangles there, while paper margins are light."""
    h, w = g.shape
    sy, sx = max(2, int(h * strip_share)), max(2, int(w * strip_share))
    dark = g < DARK
    return Borders(
        {
            "top": float(dark[:sy].mean()),
            "bottom": float(dark[h - sy :].mean()),
            "left": float(dark[:, :sx].mean()),
            "right": float(dark[:, w - sx :].mean()),
        }
    )


def measure_focus(g: np.ndarray, tile: int = 24, min_range: float = 60.0) -> float | None:
    """Sharpness of the edges: in each tile that holds an edge (text, lines, a seal), the steepest step
    between neighbouring pixels divided by the tile's contrast (max − min). A sharp edge climbs most of
    its height in one pixel (≈ 0.5–1); blur spreads it over several (a Gaussian of σ pixels gives about
    0.4/σ). Unlike the bare variance of the Laplacian this does not depend on how much text there is or
    how large the shapes are, only on how steep their edges are. Median over the tiles with content;
    None when fewer than 4 tiles have any (a blank page has its own check)."""
    step = np.maximum(np.abs(np.diff(g, axis=1))[:-1], np.abs(np.diff(g, axis=0))[:, :-1])
    inner = g[:-1, :-1]
    h, w = (step.shape[0] // tile) * tile, (step.shape[1] // tile) * tile
    if not h or not w:
        return None

    def tiles(a: np.ndarray) -> np.ndarray:
        return a[:h, :w].reshape(h // tile, tile, w // tile, tile).swapaxes(1, 2).reshape(-1, tile * tile)

    t = tiles(inner)
    spread = t.max(axis=1) - t.min(axis=1)
    content = spread >= min_range
    if content.sum() < 4:
        return None
    return float(np.median(tiles(step)[content].max(axis=1) / spread[content]))


def photo_region(rgb: np.ndarray, max_share: float = 0.6) -> np.ndarray:
    """The photo within a scanned sheet: the bounding box of everything not white paper, when it covers
    less than `max_share` of the sheet; otherwise the whole image (the photo is the page). On a white
    sheet a white-background photo's box shrinks to the person, whose top corners are still background."""
    h, w, _ = rgb.shape
    lo, hi = rgb.min(axis=2), rgb.max(axis=2)
    marked = (lo < 200) | (hi.astype(np.int16) - lo > 30)
    rows = np.nonzero(marked.mean(axis=1) > 0.01)[0]
    cols = np.nonzero(marked.mean(axis=0) > 0.01)[0]
    if rows.size < 8 or cols.size < 8:
        return rgb
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    if (bottom - top) * (right - left) >= max_share * h * w:
        return rgb
    return rgb[top:bottom, left:right]


def white_background_share(rgb: np.ndarray, corner: float = 0.15) -> float:
    """Share of white pixels in the two top corners of an ID photo: background in any head-and-shoulders
    photo (the top edge's middle may be hair, the bottom is clothes). White = bright and unsaturated."""
    h, w, _ = rgb.shape
    cy, cx = max(1, int(h * corner)), max(1, int(w * corner))
    pixels = np.concatenate([rgb[:cy, :cx].reshape(-1, 3), rgb[:cy, w - cx :].reshape(-1, 3)]).astype(
        np.int16
    )
    white = (pixels.min(axis=1) >= 200) & (pixels.max(axis=1) - pixels.min(axis=1) <= 30)
    return float(white.mean())
