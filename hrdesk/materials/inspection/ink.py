"""Pen ink (blue ballpoint / gel pen) by colour: handwriting and signatures on printed black-and-white
records stand out this way even when OCR cannot read the hand. Used where the guides require a handwritten
「已核实确认真实有效」 (changping-2026 三(一)): OCR reading the phrase is proof; ink without a readable
phrase is reported as uncertain, never silently passed.
"""

from __future__ import annotations

import numpy as np

from .pages import Box
from .pages import normalised_box as _box

ANALYSIS_DPI = 50
MIN_STROKE_MM = 8.0  # a written word is at least this wide or tall


def ink_mask(rgb: np.ndarray) -> np.ndarray:
    r = rgb[..., 0].astype(np.int16)
    g = rgb[..., 1].astype(np.int16)
    b = rgb[..., 2].astype(np.int16)
    return (b >= 90) & (b - r >= 60) & (b - g >= 30) & (r + g + b <= 500)


def find_ink(rgb: np.ndarray, dpi: float) -> list[Box]:
    import cv2

    step = max(1, round(dpi / ANALYSIS_DPI))
    small = rgb[::step, ::step]
    mask = ink_mask(small).astype(np.uint8)
    if mask.sum() == 0:
        return []
    joined = cv2.dilate(mask, np.ones((3, 3), np.uint8), iterations=2)
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    px_per_mm = dpi / step / 25.4
    height, width = mask.shape
    found: list[Box] = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if max(w, h) / px_per_mm < MIN_STROKE_MM:
            continue
        found.append(_box(x, y, w, h, width, height))
    return found
