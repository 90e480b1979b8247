"""Bounded decoding (issue "Nothing lost, nothing wrong"): image streams are bounded by their inflated
size and their declared pixels before any pack, forced or not; a giant PNG is refused from its header
before anything decodes it; `hrdesk inspect` refuses what the scan refuses (how fast: bench_scan.py)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from hrdesk.catalogue import text
from hrdesk.checks.check import load_profile_file
from hrdesk.cli import main
from hrdesk.packs.upload_pack import build_pack
from hrdesk.pdf.images import ImageRefused, check_image, declared_size
from hrdesk.pdf.pack import SourceError
from hrdesk.pdf.pack import image_to_pdf as pack_image
from hrdesk.pdf.scan import check_file, refusal
from hrdesk.store.vault import Vault, VaultError

from . import hostile

ROOT = Path(__file__).resolve().parents[2]
NEW = ("image-stream-bomb", "jbig2-2^31-page", "jbig2-2^31-annotation")


@pytest.fixture
def giant_png(tmp_path: Path) -> Path:
    path = tmp_path / "scan.png"
    path.write_bytes(hostile.giant_png())
    assert path.stat().st_size < 1_000_000  # small on disk
    return path


def test_png_header_is_read_without_decoding(giant_png: Path):
    assert declared_size(giant_png.read_bytes()[:64]) == (30_000, 30_000)
    with pytest.raises(ImageRefused) as refused:
        check_image(giant_png)
    assert "900 百万像素" in refused.value.message("zh") and "900 megapixels" in refused.value.message("en")


def test_jpeg_header_gives_the_frame_size(tmp_path: Path):
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 321, 123), False)
    pix.clear_with(200)
    assert declared_size(pix.tobytes("jpeg")) == (321, 123)


def test_attaching_and_packing_a_giant_png_refuse_it_before_decoding(giant_png: Path, tmp_path: Path):
    with pytest.raises(VaultError, match="百万像素"):
        Vault(tmp_path / "vault").add_file(giant_png)
    with pytest.raises(SourceError, match="百万像素"):
        pack_image(giant_png)


def test_a_normal_photo_still_becomes_a_pdf(tmp_path: Path):
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 800, 600), False)
    pix.clear_with(180)
    photo = tmp_path / "photo.png"
    photo.write_bytes(pix.tobytes("png"))
    data = pack_image(photo)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert doc.page_count == 1


@pytest.mark.parametrize("name", NEW)
def test_each_new_hostile_pdf_is_refused_quickly(tmp_path: Path, name: str):
    case = next(c for c in hostile.CASES if c.name == name)
    path = hostile.write(case, tmp_path)
    assert path.stat().st_size < 3_000_000
    report = check_file(path)
    assert report.refused and case.code in report.codes(), report.messages()
    assert refusal(path) is not None  # the structural check alone, as inspect and previews use it


def test_forced_pack_leaves_out_what_the_scan_refuses(tmp_path: Path):
    """`--force` packs defective files, never refused ones: the 2 GiB image stream and the 2^31 JBIG2
    claim are not copied into any upload PDF."""
    from tests.packs.hostile import colour_scan

    folder = tmp_path / "case"
    folder.mkdir()
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        colour_scan(folder / m["file"], 1, label=m["kind"])
    hostile_files = {
        data["materials"][0]["file"]: hostile.image_stream_bomb(),
        data["materials"][1]["file"]: hostile.jbig2_in_annotation(),
    }
    for name, content in hostile_files.items():
        (folder / name).write_bytes(content)
    (folder / "profile.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    build_pack(load_profile_file(folder / "profile.json"), "new", out, folder, date(2026, 11, 23), force=True)
    for pdf in out.glob("*.pdf"):
        content = pdf.read_bytes()
        assert b"JBIG2Decode" not in content and b"2147483648" not in content, pdf.name
        assert len(content) < 2_000_000 or hostile.zero_bomb(1 << 20)[:64] not in content, pdf.name


def test_inspect_refuses_a_100000_page_pdf_in_seconds(tmp_path: Path, capsys):
    folder = tmp_path / "case"
    folder.mkdir()
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    data["materials"] = [dict(data["materials"][0], file="big.pdf")]
    (folder / "big.pdf").write_bytes(hostile.many_pages())
    (folder / "p.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
    code = main(
        ["--data-dir", str(tmp_path / "data"), "inspect", str(folder / "p.json"), "--json", "--lang", "en"]
    )
    out = json.loads(capsys.readouterr().out)
    # One finding: the image checks' refusal, with its own code (the reading's echo of it is not repeated).
    [finding] = out["materials"][0]["findings"]
    assert code == 0 and finding["code"] == "SCAN_TOO_MANY_PAGES" and finding["severity"] == "blocker"
    assert "100000 pages" in finding["message"] and "\n" not in finding["message"]


def test_image_messages_exist_in_both_languages():
    for key in ("image.too-large", "image.unreadable", "image.over-budget"):
        assert text(key, "zh") != key and text(key, "en") != text(key, "zh")
