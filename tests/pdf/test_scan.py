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
        ([{}, {"grey": True}], {("SCAN_NOT_COLOUR", 2)}),
        ([{}, {"blank": True}], {("SCAN_BLANK_PAGE", 2)}),
        ([{}, {"rotate": 90}], {("SCAN_ROTATED", 2), ("SCAN_MIXED_ORIENTATION", None)}),
        ([{"dpi": 72}], {("SCAN_LOW_DPI", 1)}),
        ([{"size": (300, 300)}], {("SCAN_NOT_A4", 1)}),
        ([{}, {"size": (842, 595)}], {("SCAN_MIXED_ORIENTATION", None)}),
    ],
)
def test_each_defect_is_flagged_with_page_and_fix(tmp_path: Path, pages, expected):
    report = check_file(make(tmp_path / "d.pdf", pages))
    assert codes(report) == expected
    assert all("第" in f.message or "页面" in f.message for f in report.flags)
    assert all("请" in f.message for f in report.flags)  # each flag says how to fix it


def test_upload_limit_setting(tmp_path: Path):
    path = make(tmp_path / "big.pdf", [{}])
    assert ("SCAN_FILE_TOO_LARGE", None) in codes(check_file(path, ScanSettings(max_file_mb=0.01)))


@pytest.mark.parametrize(
    "content,code",
    [
        (b"", "SCAN_EMPTY"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 4000, "SCAN_NOT_PDF"),
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <</Type/Catalog" + b" " * 3000, "SCAN_DAMAGED"),
    ],
)
def test_hostile_files(tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "hostile.pdf"
    path.write_bytes(content)
    assert code in {f.code for f in check_file(path).flags}


def test_encrypted_pdf(tmp_path: Path):
    doc = pymupdf.open()
    scan_page(doc)
    path = tmp_path / "secret.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    assert {f.code for f in check_file(path).flags} == {"SCAN_ENCRYPTED"}
    with pytest.raises(RenderError, match="加密") as refused:
        render_page(path)
    assert "encrypted" in refused.value.message("en")


def test_render_damaged_file_says_so(tmp_path: Path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(RenderError) as refused:
        render_page(path)
    assert "damaged" in refused.value.message("en")


def test_every_scan_code_has_severity_source_and_both_languages():
    from hrdesk.pdf.scan_flags import SEVERITIES, scan_checks

    codes = {k: v for k, v in scan_checks().items() if k.startswith("SCAN_")}
    assert len(codes) >= 25
    for code, entry in codes.items():
        assert entry["severity"] in SEVERITIES, code
        assert entry["source"], code
        assert entry["zh"] and entry["en"], code
        assert "请" in entry["zh"], code  # every message says what to do
        if "warning" in entry:
            assert "请核实" in entry["warning"]["zh"] and entry["warning"]["en"], code


def test_report_separates_blocking_flags_from_warnings(tmp_path: Path):
    # A document scanned in greyscale throughout is a defect; one grey page among colour ones a warning.
    report = check_file(make(tmp_path / "g.pdf", [{"grey": True}, {"grey": True}]))
    assert report.blocking and not report.warnings and not report.refused
    assert report.codes() == ["SCAN_NOT_COLOUR"] and report.blocking[0].page == 1
    assert report.blocking[0].text("en").startswith("Page 1 is not a colour scan")
    mixed = check_file(make(tmp_path / "m.pdf", [{}, {"grey": True}]))
    assert not mixed.blocking and [(f.code, f.page) for f in mixed.warnings] == [("SCAN_NOT_COLOUR", 2)]


def test_kind_specific_checks_name_real_material_codes():
    import tomllib

    from hrdesk.pdf.scan_flags import scan_checks
    from hrdesk.resources import resources_dir

    materials = tomllib.loads((resources_dir() / "materials.toml").read_text(encoding="utf-8"))
    for check, kinds in scan_checks()["materials"].items():
        assert kinds and set(kinds) <= set(materials), check


def test_defect_message_cites_the_guide_section(tmp_path: Path):
    flag = check_file(make(tmp_path / "g.pdf", [{"grey": True}])).flags[0]
    assert flag.message.endswith("（changping-2026 三(一)）") and flag.text("en").endswith(
        "(changping-2026 三(一))"
    )
