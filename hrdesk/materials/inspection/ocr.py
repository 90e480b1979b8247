"""The worker side: render one PDF page, read it with RapidOCR, measure seals and ink. Runs in a pool
process (see pool.py); importing this module imports nothing heavy — the OCR engine loads on first use.

Speed on 2 cores: the detector runs on a reduced copy of the page (long side DET_MAX_SIDE px), the
recogniser on line crops cut from the full OCR_DPI render, so small print keeps its detail. The models
are PP-OCRv4 (detection, recognition) and the PP-OCR mobile orientation classifier, all shipped inside the
`rapidocr-onnxruntime` wheel.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .pages import PageReading, TextLine

OCR_DPI = 150
DET_MAX_SIDE = 1280
MIN_SCORE = 0.5  # recognition confidence below this is noise
FLIP_SCORE = 0.9  # orientation classifier confidence that counts as a vote

_engine: Any = None
_primed = False


def _ocr_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        threads = int(os.environ.get("HRDESK_OCR_THREADS", "1"))
        _engine = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)
    return _engine


def warm_up() -> bool:
    """Load the models and run each once on a blank strip (pool initializer): ONNX Runtime's first run
    allocates its buffers (~0.5 s CPU), which the first page of the first drop then does not pay."""
    global _primed
    engine = _ocr_engine()
    if not _primed:
        import numpy as np

        strip = np.full((48, 320, 3), 255, dtype=np.uint8)
        engine.text_det(np.full((320, 320, 3), 255, dtype=np.uint8))
        engine.text_cls([strip])
        engine.text_rec([strip])
        _primed = True
    return True


def page_count(path: str) -> int:
    import pymupdf

    with pymupdf.open(path) as doc:
        return doc.page_count


def read_page(
    path: str,
    index: int,
    dpi: int = OCR_DPI,
    first_lines: int | None = None,
    boxes: list[list[list[float]]] | None = None,
) -> PageReading:
    """Read page `index` (0-based) of the PDF at `path`. Never raises for a bad page: the reading says why.

    `first_lines`: recognise only that many lines from the top and hand the other lines' boxes back in
    `pending` — the caller shows findings from the head of page 1 at once and asks for the rest with
    `boxes=pending` (no second detection)."""
    try:
        rgb = _render(Path(path), index, dpi)
    except Exception as exc:  # a damaged page: reported as unreadable, the other pages still count
        return PageReading(page=index + 1, error=f"render: {exc.__class__.__name__}")
    reading = PageReading(page=index + 1)
    try:
        if boxes is None:
            from .ink import find_ink
            from .seal import find_seals

            reading.seals, reading.ink = find_seals(rgb, dpi), find_ink(rgb, dpi)
        _read_text(rgb, reading, first_lines, boxes)
    except Exception as exc:
        reading.error = f"ocr: {exc.__class__.__name__}"
    return reading


def read_image(rgb: Any, page: int = 1, dpi: int = OCR_DPI) -> PageReading:
    """The same reading for an image already in memory (tests, images dropped as such)."""
    from .ink import find_ink
    from .seal import find_seals

    reading = PageReading(page=page, seals=find_seals(rgb, dpi), ink=find_ink(rgb, dpi))
    _read_text(rgb, reading)
    return reading


def _render(path: Path, index: int, dpi: int) -> Any:
    import numpy as np
    import pymupdf

    with pymupdf.open(path) as doc:
        page = doc[index]
        # The page as stored: a /Rotate flag is scan.py's finding; content orientation is ours.
        page.set_rotation(0)
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
        return (
            np.frombuffer(pix.samples, dtype=np.uint8)
            .reshape(pix.height, pix.stride)[:, : pix.width * 3]
            .reshape(pix.height, pix.width, 3)
        )


def _read_text(
    rgb: Any,
    reading: PageReading,
    first_lines: int | None = None,
    given: list[list[list[float]]] | None = None,
) -> None:
    import cv2
    import numpy as np

    engine = _ocr_engine()
    height, width = rgb.shape[:2]
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    if given is None:
        scale = min(1.0, DET_MAX_SIDE / max(height, width))
        small = cv2.resize(bgr, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
        found, _ = engine.text_det(small)
        if found is None or len(found) == 0:
            return
        boxes = [np.asarray(b, dtype=np.float32) / scale for b in engine.sorted_boxes(found)]
    else:
        boxes = [np.asarray(b, dtype=np.float32) for b in given]
    if first_lines is not None and len(boxes) > first_lines:
        reading.pending = [b.tolist() for b in boxes[first_lines:]]
        boxes = boxes[:first_lines]
    crops = engine.get_crop_img_list(bgr, boxes)
    crops, orientation, _ = engine.text_cls(crops)
    recognised, _ = engine.text_rec(crops)
    for box, (label, label_score), rec in zip(boxes, orientation, recognised, strict=True):
        text, score = str(rec[0]).strip(), float(rec[1])
        if label_score >= FLIP_SCORE:
            if label == "180":
                reading.flipped_lines += 1
            else:
                reading.upright_lines += 1
        if not text or score < MIN_SCORE:
            continue
        xs, ys = box[:, 0], box[:, 1]
        reading.lines.append(
            TextLine(
                text,
                (
                    round(float(xs.min()) / width, 4),
                    round(float(ys.min()) / height, 4),
                    round(float(xs.max()) / width, 4),
                    round(float(ys.max()) / height, 4),
                ),
                round(score, 3),
            )
        )
