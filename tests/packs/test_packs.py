"""Submission packs: order, names, page counts, bookmarks, refusal, hostile names and files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader

from hrdesk.pdf.files import OutputError, safe_filename
from hrdesk.services.check import load_profile_file
from hrdesk.services.packs import PackRefused, build_pack

from ..timeless import keep_current

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)


def make_pdf(path: Path, pages: int, text: str) -> None:
    doc = pymupdf.open()
    for i in range(pages):
        doc.new_page().insert_text((72, 72), f"{text} {i + 1}")
    doc.save(path)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """The ready Changping example with real PDFs beside it (2 pages each, the contract in two files)."""
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    data["materials"].append(
        {"kind": "labour-contract", "file": "contract-annex.pdf", "valid_until": "2028-12-31"}
    )
    for m in data["materials"]:
        make_pdf(tmp_path / m["file"], 2, m["kind"])
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_pack_order_names_pages_bookmarks(case: Path, tmp_path: Path):
    profile = load_profile_file(case)
    result = build_pack(profile, "new", tmp_path / "out", case.parent, ON, make_zip=True)
    names = [n for n in result.files if n[:2].isdigit()]
    assert names[0] == "00-材料清单-张三.pdf"
    assert names[1] == "01-证件照片-张三.pdf"
    assert names[2] == "02-户口本首页及本人页-张三.pdf"
    contract = next(n for n in names if "劳动" in n)
    reader = PdfReader(tmp_path / "out" / contract)
    assert len(reader.pages) == 4
    assert [o.title for o in reader.outline] == ["劳动（聘用）合同 (1/2)", "劳动（聘用）合同 (2/2)"]
    assert result.pages["labour-contract"] == 4
    meta = reader.metadata
    assert str(tmp_path) not in json.dumps({k: str(v) for k, v in meta.items()})
    assert "pypdf" not in str(meta.get("/Producer"))
    with zipfile.ZipFile(result.zip_path) as zf:
        assert sorted(zf.namelist()) == result.files
    assert any(n.startswith("90-待签字-诚信声明（个人）") for n in result.files)


def test_refused_when_material_missing_then_forced(case: Path, tmp_path: Path):
    data = json.loads(case.read_text(encoding="utf-8"))
    data["materials"] = [m for m in data["materials"] if m["kind"] != "hukou-pages"]
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    profile = load_profile_file(case)
    with pytest.raises(PackRefused) as refused:
        build_pack(profile, "new", tmp_path / "out", case.parent, ON)
    assert any("户口本" in p for p in refused.value.problems)
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]
    forced = build_pack(profile, "new", tmp_path / "out", case.parent, ON, force=True)
    checklist = pymupdf.open(tmp_path / "out" / forced.files[0])
    assert "缺失" in checklist[0].get_text() and "户口本" in checklist[0].get_text()


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"", "0 字节"),
        (b"\xff\xd8\xff\xe0JFIF renamed", "不是 PDF"),
        (b"%PDF-1.7\n1 0 obj garbage", "损坏"),
    ],
)
def test_hostile_files_refused_with_a_clear_message(case: Path, tmp_path: Path, content: bytes, needle: str):
    (case.parent / "hukou.pdf").write_bytes(content)
    profile = load_profile_file(case)
    with pytest.raises(PackRefused) as refused:
        build_pack(profile, "new", tmp_path / "out", case.parent, ON)
    assert any(needle in p and "hukou.pdf" in p for p in refused.value.problems), refused.value.problems


def test_encrypted_pdf_refused(case: Path, tmp_path: Path):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(case.parent / "hukou.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    with pytest.raises(PackRefused) as refused:
        build_pack(load_profile_file(case), "new", tmp_path / "out", case.parent, ON)
    assert any("加密" in p for p in refused.value.problems)


def test_images_become_pdf_pages(case: Path, tmp_path: Path):
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    pix.set_rect(pix.irect, (200, 30, 30))
    pix.save(case.parent / "photo.png")
    data = json.loads(case.read_text(encoding="utf-8"))
    next(m for m in data["materials"] if m["kind"] == "photo")["file"] = "photo.png"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = build_pack(load_profile_file(case), "new", tmp_path / "out", case.parent, ON)
    assert result.pages["photo"] == 1


def test_hostile_employee_name_is_sanitised(case: Path, tmp_path: Path):
    profile = load_profile_file(case)
    profile.employee.name = "../CON:张*三?"
    result = build_pack(profile, "new", tmp_path / "out", case.parent, ON)
    for name in result.files:
        assert (
            "/" not in name and "\\" not in name and ":" not in name and "*" not in name and "?" not in name
        )
        assert (tmp_path / "out" / name).exists()


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("CON.pdf", "_CON.pdf"),
        ("a/b\\c.pdf", "a_b_c.pdf"),
        ("name. ", "name"),
        ("", "_"),
        ("x" * 300 + ".pdf", "x" * 96 + ".pdf"),
        ("lpt1", "_lpt1"),
    ],
)
def test_safe_filename(raw, expected):
    assert safe_filename(raw) == expected


def test_existing_user_folder_is_never_replaced(case: Path, tmp_path: Path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(OutputError):
        build_pack(load_profile_file(case), "new", folder, case.parent, ON)
    assert (folder / "keep.txt").read_text() == "mine"
    out = tmp_path / "out"
    build_pack(load_profile_file(case), "new", out, case.parent, ON)
    build_pack(load_profile_file(case), "new", out, case.parent, ON)  # a pack folder may be rebuilt
    assert (out / "00-材料清单-张三.pdf").exists()


def test_cancel_leaves_nothing(case: Path, tmp_path: Path):
    from hrdesk.services.packs import Cancelled

    with pytest.raises(Cancelled):
        build_pack(
            load_profile_file(case),
            "new",
            tmp_path / "out",
            case.parent,
            ON,
            progress=lambda done, total: done < 3,
        )
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_pack(case: Path, tmp_path: Path):
    out = tmp_path / "cli-out"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "pack",
            str(case),
            "--business",
            "new",
            "-o",
            str(out),
            "--zip",
            "--on",
            "2026-11-23",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "00-材料清单-张三.pdf").exists() and out.with_name("cli-out.zip").exists()
    shutil.rmtree(out)
    (case.parent / "hukou.pdf").unlink()
    proc = subprocess.run(
        [sys.executable, "-m", "hrdesk", "pack", str(case), "--business", "new", "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 1 and "hukou.pdf" in proc.stderr and not out.exists()


def test_form_and_pack_for_a_stored_employee(case: Path, tmp_path: Path):
    from hrdesk.services.records import Records

    data = tmp_path / "data"
    with Records.open(data) as records:
        employee_id = records.add_profile(keep_current(load_profile_file(case)), base_dir=case.parent)
    form = tmp_path / "form.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "--data-dir",
            str(data),
            "form",
            "integrity-individual",
            "--employee",
            str(employee_id),
            "-o",
            str(form),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    assert "张三" in pymupdf.open(form)[0].get_text()
    out = tmp_path / "stored-pack"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "--data-dir",
            str(data),
            "pack",
            "--employee",
            str(employee_id),
            "--business",
            "new",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    contract = next(out.glob("*劳动*"))
    assert len(PdfReader(contract).pages) == 4  # the vault copies of both contract files


def test_bulk_packs_collect_refusals_and_cancel_cleanly(case: Path, tmp_path: Path):
    from hrdesk.services.packs import build_bulk
    from hrdesk.services.records import Records

    with Records.open(tmp_path / "data") as records:
        good = records.add_profile(keep_current(load_profile_file(case)), base_dir=case.parent)
        incomplete = keep_current(load_profile_file(case))
        incomplete.employee.name = "李四"
        incomplete.employee.id_number = "110101199003070011"  # another person: ID numbers are unique
        incomplete.materials = [m for m in incomplete.materials if m.kind != "hukou-pages"]
        bad = records.add_profile(incomplete, base_dir=case.parent)
        out = tmp_path / "bulk"
        result = build_bulk(records, [good, bad], out, lambda d, t: None)
        assert len(result.built) == 1 and list(result.refused) == ["李四"]
        assert len(list(out.iterdir())) == 1

        class Stop(Exception):
            pass

        def stop_second(done: int, total: int) -> None:
            if done == 1:
                raise Stop

        with pytest.raises(Stop):
            build_bulk(records, [good, bad], tmp_path / "bulk2", stop_second)
        assert [p.name.startswith("张三") for p in (tmp_path / "bulk2").iterdir()] == [True]
