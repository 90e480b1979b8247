"""One detector of active PDF content: the scan's flag (SCAN_ACTIVE_CONTENT, PyMuPDF side of the
scan) and the pack's check (`find_active_content`) come from the same walk, so on every hostile
sample they agree on whether there is active content, and on what kinds."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from hrdesk.catalogue import said
from hrdesk.pdf.active import detect, find_active_content
from hrdesk.pdf.scan import check_file
from tests.packs.hostile import colour_scan, hostile_pdf, linked_scan


def _base(path: Path) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect((40, 40, 555, 400), color=None, fill=(0.8, 0.2, 0.2))
    return doc


def _mupdf_active(path: Path) -> Path:
    doc = _base(path)
    doc[0].add_file_annot((50, 50), b"MZ\x90\x00 not really a program", "setup.exe")
    doc.embfile_add("readme.txt", b"hello")
    js = doc.get_new_xref()
    doc.update_object(js, "<</S/JavaScript/JS(app.alert\\(1\\))>>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    doc.save(path)
    return path


def _plain_open_action(path: Path) -> Path:
    doc = _base(path)
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"[{doc.page_xref(0)} 0 R /Fit]")
    doc.save(path)
    return path


def _launch_only(path: Path) -> Path:
    doc = _base(path)
    action = doc.get_new_xref()
    doc.update_object(action, "<</S/Launch/F(calc.exe)>>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{action} 0 R")
    doc.save(path)
    return path


def _page_aa_only(path: Path) -> Path:
    doc = _base(path)
    action = doc.get_new_xref()
    doc.update_object(action, "<</S/SubmitForm/F(http://example.invalid)>>")
    doc.xref_set_key(doc.page_xref(0), "AA", f"<</O {action} 0 R>>")
    doc.save(path)
    return path


def _embedded_only(path: Path) -> Path:
    doc = _base(path)
    doc.embfile_add("notes.txt", b"hello")
    doc.save(path)
    return path


SAMPLES = {
    "mupdf-js-attachment-embedded": (_mupdf_active, {"脚本", "附件注释", "嵌入文件", "自动动作"}),
    "plain-open-action": (_plain_open_action, set()),
    "launch-only": (_launch_only, {"启动程序", "自动动作"}),
    "page-aa-submitform": (_page_aa_only, {"自动动作"}),
    "embedded-only": (_embedded_only, {"嵌入文件"}),
}


@pytest.mark.parametrize("name", [*SAMPLES, "pypdf-hostile", "web-link", "clean"])
def test_scan_and_pack_agree(tmp_path: Path, name: str):
    if name in SAMPLES:
        build, expected = SAMPLES[name]
        path = build(tmp_path / f"{name}.pdf")
    else:
        clean = colour_scan(tmp_path / "clean.pdf")
        path = {
            "pypdf-hostile": lambda: hostile_pdf(tmp_path / "h.pdf", base=clean),
            "web-link": lambda: linked_scan(tmp_path / "l.pdf", base=clean),
            "clean": lambda: clean,
        }[name]()
        expected = {"pypdf-hostile": {"脚本", "启动程序", "自动动作", "嵌入文件", "附件注释"}}.get(
            name, set()
        )
    pack_says = find_active_content(path)
    flags = [f for f in check_file(path).flags if f.code == "SCAN_ACTIVE_CONTENT"]
    assert bool(pack_says) == bool(flags) == bool(expected), (name, pack_says, [f.message for f in flags])
    assert {said(k, "zh") for k in detect(path).kinds()} == expected
    if flags:
        assert all(kind in flags[0].message for kind in expected)
