"""Hostile files: each is refused as unreadable with its own Chinese message, and nothing hangs — every
test runs under an alarm, and the scan under its time and memory budget. How fast they are refused is
measured in benchmarks/bench_scan.py, never asserted here (a loaded test machine is no measure)."""

from __future__ import annotations

import re
import signal
import sys
from pathlib import Path

import pytest

from hrdesk.pdf.limits import Budget
from hrdesk.pdf.render import RenderError, render_page
from hrdesk.pdf.scan import ScanSettings, check_file
from hrdesk.pdf.scan_flags import REFUSED

from . import hostile

TEST_SECONDS = 30  # a 2 GiB bomb refused within 30 s; the scans below take well under 3 s


@pytest.fixture(autouse=True)
def bounded():
    """Fail (rather than hang) any test here that runs past TEST_SECONDS."""
    if sys.platform == "win32":
        yield
        return

    def expire(*_):
        raise TimeoutError(f"test ran past {TEST_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TEST_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("case", hostile.CASES, ids=lambda c: c.name)
def test_hostile_file_is_refused_with_its_own_message(tmp_path: Path, case: hostile.HostileCase):
    path = hostile.write(case, tmp_path)
    report = check_file(path)
    flags = [f for f in report.flags if f.code == case.code]
    assert flags, (case.name, report.codes(), report.messages())
    assert flags[0].severity == REFUSED and report.refused and flags[0] in report.blocking
    assert case.says in flags[0].message and "请" in flags[0].message
    assert flags[0].text("en") and flags[0].text("en") != flags[0].message


def test_2gib_bomb_is_refused_in_seconds_even_in_process(tmp_path: Path):
    """The structural pre-check alone (no worker) stops the bomb before anything inflates it fully."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile.content_bomb())
    report = check_file(path, ScanSettings(isolate=False))
    assert report.codes() == ["SCAN_DECOMPRESSION_BOMB"]


def test_bomb_the_precheck_cannot_see_is_stopped_by_the_time_budget(tmp_path: Path):
    """ASCIIHex in front of Flate: the pre-check does not decode it; the watchdog kills the worker."""
    path = tmp_path / "hex-bomb.pdf"
    path.write_bytes(hostile.hex_wrapped_bomb())
    report = check_file(path, ScanSettings(budget=Budget(open_seconds=5, page_seconds=1.5)))
    assert report.codes() == ["SCAN_OVER_BUDGET"], report.messages()
    assert "秒" in report.messages()[0] and report.refused
    english = report.flags[0].text("en")  # the budget's detail is said in the reader's language too
    assert "not read after" in english and "seconds" in english and "秒" not in english, english
    # The worker was replaced: the next file is scanned normally.
    good = tmp_path / "good.pdf"
    good.write_bytes(hostile.owner_password())
    assert "SCAN_OWNER_PASSWORD" in check_file(good).codes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux only")
def test_memory_budget_refuses_a_render_that_needs_more(tmp_path: Path):
    """A 22-megapixel uncompressed image under a 48 MB cap: drawing it needs 67 MB, so the worker reports
    the memory error (or dies) and the file is refused, not half-checked."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4000, 5600), False)
    pix.clear_with(180)
    page.insert_image(page.rect, pixmap=pix)
    path = tmp_path / "big-image.pdf"
    doc.save(path)  # stored uncompressed: MuPDF must hold all 67 MB of samples to draw it
    report = check_file(path, ScanSettings(budget=Budget(memory_mb=48)))
    assert "SCAN_OVER_BUDGET" in report.codes(), report.messages()
    assert check_file(path).refused is False  # the default budget reads it


def test_giant_page_preview_is_scaled_down(tmp_path: Path):
    path = tmp_path / "giant.pdf"
    path.write_bytes(hostile.giant_page())
    page = render_page(path, 0, dpi=110)
    assert page.width * page.height <= 40_000_000


@pytest.mark.parametrize(
    "case",
    [
        c
        for c in hostile.CASES
        if c.code in {"SCAN_DECOMPRESSION_BOMB", "SCAN_TOO_MANY_PAGES", "SCAN_IMAGE_TOO_LARGE"}
    ],
    ids=lambda c: c.name,
)
def test_preview_refuses_what_the_scan_refuses(tmp_path: Path, case: hostile.HostileCase):
    path = hostile.write(case, tmp_path)
    with pytest.raises(RenderError, match=case.says) as refused:
        render_page(path, 0)
    english = refused.value.message("en")  # the window in English shows the refusal in English
    assert english and not re.search(r"[\u4e00-\u9fff]", english), english


def test_active_content_is_flagged_and_a_plain_open_action_is_not(tmp_path: Path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect((40, 40, 555, 400), color=None, fill=(0.8, 0.2, 0.2))
    page.add_file_annot((50, 50), b"MZ\x90\x00 not really a program", "setup.exe")
    doc.embfile_add("readme.txt", b"hello")
    doc.set_pagemode("UseNone")
    catalog = doc.pdf_catalog()
    js = doc.get_new_xref()
    doc.update_object(js, "<</S/JavaScript/JS(app.alert\\(1\\))>>")
    doc.xref_set_key(catalog, "OpenAction", f"{js} 0 R")
    doc.save(tmp_path / "active.pdf")
    report = check_file(tmp_path / "active.pdf")
    flag = next(f for f in report.flags if f.code == "SCAN_ACTIVE_CONTENT")
    assert flag.severity == "warning" and not report.refused
    for label in ("脚本", "嵌入文件", "附件注释"):
        assert label in flag.message

    plain = pymupdf.open()
    p = plain.new_page(width=595, height=842)
    p.draw_rect((40, 40, 555, 400), color=None, fill=(0.8, 0.2, 0.2))
    plain.xref_set_key(plain.pdf_catalog(), "OpenAction", f"[{plain.page_xref(0)} 0 R /Fit]")
    plain.save(tmp_path / "plain.pdf")
    assert "SCAN_ACTIVE_CONTENT" not in check_file(tmp_path / "plain.pdf").codes()
