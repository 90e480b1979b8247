"""Red seals (公章、财务章) found by colour alone: no OCR needed, ~10 ms a page.

A seal is a red blob of seal size: round or oval, 12–70 mm across, with enough red ink in its box (the
ring, the star and the curved text). Red printing (a red header line, red table rules) is too thin or too
long to pass the shape test. Works on an RGB image of any resolution; `dpi` says how big a millimetre is.
"""

from __future__ import annotations

import numpy as np

from .pages import Box
from .pages import normalised_box as _box

ANALYSIS_DPI = 50
MIN_MM, MAX_MM = 12.0, 70.0
MIN_ASPECT, MAX_ASPECT = 0.6, 1.7
MIN_INK_SHARE = 0.04  # red pixels / bounding-box area


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Pixels of seal red: strongly red, whatever the paper tint (JPEG noise tolerated)."""
    r = rgb[..., 0].astype(np.int16)
    g = rgb[..., 1].astype(np.int16)
    b = rgb[..., 2].astype(np.int16)
    return (r >= 110) & (r - g >= 50) & (r - b >= 40)


def find_seals(rgb: np.ndarray, dpi: float) -> list[Box]:
    import cv2

    step = max(1, round(dpi / ANALYSIS_DPI))
    small = rgb[::step, ::step]
    scale = dpi / step  # pixels per inch of `small`
    mask = red_mask(small).astype(np.uint8)
    if mask.sum() == 0:
        return []
    # Close the gaps between the ring, the star and the characters so a seal is one component.
    joined = cv2.dilate(mask, np.ones((3, 3), np.uint8), iterations=2)
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    px_per_mm = scale / 25.4
    height, width = mask.shape
    seals: list[Box] = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        w_mm, h_mm = w / px_per_mm, h / px_per_mm
        if not (MIN_MM <= w_mm <= MAX_MM and MIN_MM <= h_mm <= MAX_MM):
            continue
        if not MIN_ASPECT <= w / h <= MAX_ASPECT:
            continue
        ink = int(mask[y : y + h, x : x + w].sum())
        if ink < MIN_INK_SHARE * w * h:
            continue
        seals.append(_box(x, y, w, h, width, height))
    return seals
