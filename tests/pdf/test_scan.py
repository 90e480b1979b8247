"""Scan-quality checks on generated PDFs with each defect, a clean colour scan, and hostile files."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from hrdesk.pdf.render import RenderError, render_page
from hrdesk.pdf.scan import ScanSettings, check_file


def scan_page(
    doc: pymupdf.Document,
    *,
    grey: bool = False,
    dpi: int = 200,
    size: tuple[float, float] = (595, 842),
    blank: bool = False,
) -> None:
    src = pymupdf.open()
    page = src.new_page(width=size[0], height=size[1])
    page.draw_rect(page.rect, color=None, fill=(0.98, 0.96, 0.9))
    if not blank:
        for i in range(25):
            page.draw_rect((40, 60 + i * 20, size[0] - 60, 66 + i * 20), color=None, fill=(0.15, 0.15, 0.2))
        page.draw_rect((40, size[1] * 0.7, size[0] * 0.5, size[1] * 0.85), color=None, fill=(0.85, 0.2, 0.2))
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY if grey else pymupdf.csRGB)
    target = doc.new_page(width=size[0], height=size[1])
    target.insert_image(target.rect, stream=pix.tobytes("jpeg"))


def make(path: Path, pages: list[dict]) -> Path:
    doc = pymupdf.open()
    for spec in pages:
        rotate = spec.pop("rotate", 0)
        scan_page(doc, **spec)
        if rotate:
            doc[-1].set_rotation(rotate)
    doc.save(path)
    return path


def codes(report) -> set[tuple[str, int | None]]:
    return {(f.code, f.page) for f in report.flags}


def test_clean_colour_scan_has_no_flags(tmp_path: Path):
    report = check_file(make(tmp_path / "ok.pdf", [{}, {}]))
    assert report.ok and report.pages == 2, report.messages()


@pytest.mark.parametrize(
    "pages,expected",
    [
        ([{}, {"grey": True}], {("not-colour", 2)}),
        ([{}, {"blank": True}], {("blank", 2)}),
        ([{}, {"rotate": 90}], {("rotated", 2), ("mixed-orientation", None)}),
        ([{"dpi": 72}], {("low-dpi", 1)}),
        ([{"size": (300, 300)}], {("not-a4", 1)}),
        ([{}, {"size": (842, 595)}], {("mixed-orientation", None)}),
    ],
)
def test_each_defect_is_flagged_with_page_and_fix(tmp_path: Path, pages, expected):
    report = check_file(make(tmp_path / "d.pdf", pages))
    assert codes(report) == expected
    assert all("第" in f.message or "页面" in f.message for f in report.flags)
    assert all("请" in f.message for f in report.flags)  # each flag says how to fix it


def test_upload_limit_setting(tmp_path: Path):
    path = make(tmp_path / "big.pdf", [{}])
    assert ("too-large", None) in codes(check_file(path, ScanSettings(max_file_mb=0.01)))


@pytest.mark.parametrize(
    "content,code",
    [
        (b"", "empty"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 4000, "not-pdf"),
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <</Type/Catalog" + b" " * 3000, "damaged"),
    ],
)
def test_hostile_files(tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "hostile.pdf"
    path.write_bytes(content)
    assert code in {f.code for f in check_file(path).flags}


def test_truncated_pdf(tmp_path: Path):
    good = make(tmp_path / "good.pdf", [{}, {}, {}]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good[: len(good) // 2])
    report = check_file(path)  # must not raise; MuPDF may repair it or we say it is damaged
    assert report.flags or report.pages >= 1


def test_encrypted_pdf(tmp_path: Path):
    doc = pymupdf.open()
    scan_page(doc)
    path = tmp_path / "secret.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    assert {f.code for f in check_file(path).flags} == {"encrypted"}
    with pytest.raises(RenderError, match="加密"):
        render_page(path)


def test_pdf_claiming_100000_pages_is_bounded(tmp_path: Path):
    kids = " ".join("3 0 R" for _ in range(100_000))
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Count 100000/Kids[" + kids.encode() + b"]>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )
    path = tmp_path / "huge.pdf"
    path.write_bytes(body)
    report = check_file(path)
    assert report.checked_pages <= 200
    assert "too-many-pages" in {f.code for f in report.flags} or "damaged" in {f.code for f in report.flags}


def test_render_damaged_file_says_so(tmp_path: Path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(RenderError):
        render_page(path)
