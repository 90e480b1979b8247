"""A file content is read by OCR once however many ask for it at the same time: the findings started by an
attach and 从扫描件填写 opened a second later wait for the same pages instead of reading them twice on the
same two workers (which doubled the wait of both)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from hrdesk.materials.inspection.reading import PendingFile, _reading_now, read_file


class HeldPool:
    """The session's real pool, holding the first request until the test lets it go (so that the
    second reader arrives while the first is reading, whatever the machine's speed)."""

    def __init__(self, pool) -> None:
        self.pool, self.requests = pool, 0
        self.asked, self.go = threading.Event(), threading.Event()

    def read_pages(self, *args, **kwargs):
        self.requests += 1
        self.asked.set()
        self.go.wait(120)
        return self.pool.read_pages(*args, **kwargs)

    def read_rest(self, *args, **kwargs):
        return self.pool.read_rest(*args, **kwargs)


def test_a_content_being_read_is_waited_for_not_read_again(corpus: Path, ocr_pool, tmp_path: Path):
    same = tmp_path / "the-same-scan.pdf"  # another file, the same content
    shutil.copy(corpus / "lease-bare.pdf", same)
    pool = HeldPool(ocr_pool)
    first: list = []
    reader = threading.Thread(target=lambda: first.extend(read_file(corpus / "lease-bare.pdf", pool=pool)))
    reader.start()
    assert pool.asked.wait(120)
    second = PendingFile(same, None, pool)
    assert second.follows is not None and not second.futures  # nothing asked of the workers
    pool.go.set()
    pages = second.finish()
    reader.join(120)
    assert pool.requests == 1
    assert pages and [line.text for p in pages for line in p.lines] == [
        line.text for p in first for line in p.lines
    ]
    assert not _reading_now  # released: the next reader of it starts afresh
