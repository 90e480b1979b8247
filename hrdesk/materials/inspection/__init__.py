"""Reading scans the way a reviewer would, offline.

No Qt here. The pieces, from the pixels up:

- `pages.py`    — what was read on one page (`PageReading`: text lines, orientation votes, red seals,
                  pen ink), plain data that round-trips through JSON for the cache.
- `ocr.py`      — runs on worker processes only: renders a PDF page, reads it with RapidOCR (PP-OCRv4
                  models shipped inside the `rapidocr-onnxruntime` wheel; nothing is downloaded) and
                  measures seals and ink on the same image.
- `pool.py`     — the process pool (spawned lazily; the app's start-up never imports OCR).
- `seal.py`, `ink.py` — colour analysis without OCR: red seal blobs, pen strokes.
- `text.py`     — what the text says: ID numbers, names, dates, end dates, tax periods, page numbers,
                  lease particulars.
- `catalogue.py` — `resources/scan_keywords.toml`: keywords, seals and annotations per material code.
- `assess.py`   — findings (stable `SCAN_*` codes, page, message, guide section) from readings + record.
- `reading.py`  — one file's pages read once over the pool, kept by content hash, shared by two readers
                  of the same content.
- `field_readers.py` — the fields each kind of document states, found on the read lines.

The use cases: inspect one material, one profile, one stored employee (`inspect.py`); fill or create a
record from scans (`fields.py`).
"""
