"""The worker side: render one PDF page, read it with RapidOCR, measure seals and ink. Runs in a pool
process (see pool.py); importing this module imports nothing heavy — the OCR engine loads on first use.

Speed on 2 cores: the detector runs on a reduced copy of the page (long side DET_MAX_SIDE px), the
recogniser on line crops cut from the full OCR_DPI render, so small print keeps its detail. The models
are PP-OCRv4 (detection, recognition) and the PP-OCR mobile orientation classifier, all shipped inside the
`rapidocr-onnxruntime` wheel.

The recogniser reads one line at a time (REC_BATCH 1, not the engine's 6): a batch is padded to its widest
line and the padded batch costs more than its lines alone — on a two-page lease, recognition took 1.6–3.3 s
of CPU a page in batches of six and about 1 s line by line, for the same text.
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
REC_BATCH = 1  # lines recognised per ONNX run (see above)
CLS_THRESH = 0.9  # the engine turns a line it classifies as 180° at this confidence (config.yaml cls_thresh)

_engine: Any = None
_primed = False


def _ocr_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        threads = int(os.environ.get("HRDESK_OCR_THREADS", "1"))
        _engine = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, rec_batch_num=REC_BATCH)
    return _engine


WORKER_NICE = 10  # below the window: on two cores a worker loading its models took the CPU from the UI


def start_worker() -> bool:
    """An OCR worker process's initializer: reading scans is background work, so the worker yields the
    CPU to the window (a 10 ms tick of the window waited up to 190 ms while two workers loaded their models
    beside an attach), then loads its models."""
    import contextlib
    import os

    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows: the worker runs as it is
        os.nice(WORKER_NICE)
    return warm_up()


def warm_up() -> bool:
    """Load the models and run each once (pool initializer): ONNX Runtime's first run of an input as large
    as a page allocates its buffers (~0.5 s CPU for the detector on an A4 page), and the first render
    imports PyMuPDF; the first page of the first drop then pays neither."""
    global _primed
    engine = _ocr_engine()
    if not _primed:
        import numpy as np
        import pymupdf  # noqa: F401 - imported here so that the first page's render does not wait for it

        page = np.full((DET_MAX_SIDE, round(DET_MAX_SIDE / 2**0.5), 3), 255, dtype=np.uint8)  # A4
        page[100:130, 100:700] = 0  # one dark bar: the detector runs its whole post-processing once
        strip = np.full((48, 960, 3), 255, dtype=np.uint8)  # a line as long as a page's widest
        engine.text_det(page)
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
        from .seal import find_seals

        seals = find_seals(rgb, dpi)  # ~10 ms: the rest of a page needs them too (lines under a seal)
        if boxes is None:
            from .ink import find_ink

            reading.seals, reading.ink = seals, find_ink(rgb, dpi)
        _read_text(rgb, reading, first_lines, boxes, seals)
    except Exception as exc:
        reading.error = f"ocr: {exc.__class__.__name__}"
    return reading


def read_image(rgb: Any, page: int = 1, dpi: int = OCR_DPI) -> PageReading:
    """The same reading for an image already in memory (tests, images dropped as such)."""
    from .ink import find_ink
    from .seal import find_seals

    reading = PageReading(page=page, seals=find_seals(rgb, dpi), ink=find_ink(rgb, dpi))
    _read_text(rgb, reading, seals=reading.seals)
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
    seals: list[Any] | None = None,
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
    fractions = [_fractions(box, width, height) for box in boxes]
    for where, (label, label_score), rec in zip(fractions, orientation, recognised, strict=True):
        text, score = str(rec[0]).strip(), float(rec[1])
        if label_score >= FLIP_SCORE:
            if label == "180":
                reading.flipped_lines += 1
            else:
                reading.upright_lines += 1
        if not text or score < MIN_SCORE:
            continue
        reading.lines.append(TextLine(text, where, round(score, 3)))
    if seals:
        _read_unsealed(rgb, reading, boxes, fractions, orientation, seals)


def _fractions(box: Any, width: int, height: int) -> tuple[float, float, float, float]:
    xs, ys = box[:, 0], box[:, 1]
    return (
        round(float(xs.min()) / width, 4),
        round(float(ys.min()) / height, 4),
        round(float(xs.max()) / width, 4),
        round(float(ys.max()) / height, 4),
    )


def _read_unsealed(
    rgb: Any,
    reading: PageReading,
    boxes: list[Any],
    fractions: list[tuple[float, float, float, float]],
    orientation: list[Any],
    seals: list[Any],
) -> None:
    """Read the lines a seal is pressed over again from the red channel alone, where the seal's red ink
    is as light as the paper and black print stays black: a school's name under its seal (校名：…) loses
    characters to the red strokes otherwise. Only those lines are recognised again (~0.1–0.3 s a page
    with a seal); their first reading stays in `lines` for the findings."""
    import cv2
    import numpy as np

    under = [
        k
        for k, (x0, y0, x1, y1) in enumerate(fractions)
        if any(x0 < sx1 and sx0 < x1 and y0 < sy1 and sy0 < y1 for sx0, sy0, sx1, sy1 in seals)
    ]
    if not under:
        return
    engine = _ocr_engine()
    red = np.ascontiguousarray(np.repeat(rgb[:, :, :1], 3, axis=2))
    crops = engine.get_crop_img_list(red, [boxes[k] for k in under])
    crops = [  # turned as the first reading turned them
        cv2.rotate(crop, cv2.ROTATE_180)
        if orientation[k][0] == "180" and orientation[k][1] > CLS_THRESH
        else crop
        for k, crop in zip(under, crops, strict=True)
    ]
    recognised, _ = engine.text_rec(crops)
    for k, rec in zip(under, recognised, strict=True):
        text, score = str(rec[0]).strip(), float(rec[1])
        if text and score >= MIN_SCORE:
            reading.unsealed.append(TextLine(text, fractions[k], round(score, 3)))
