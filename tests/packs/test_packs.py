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

from hrdesk.checks.check import load_profile_file
from hrdesk.cli import main
from hrdesk.packs.upload_pack import PackRefused, build_pack
from hrdesk.pdf.files import OutputError, safe_filename

from ..timeless import keep_current
from .hostile import colour_scan

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)


def make_pdf(path: Path, pages: int, text: str) -> None:
    """A colour scan that passes the scan checks (every pack scans what it packs)."""
    colour_scan(path, pages, label=text)


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
        (b"%PDF-1.7\n1 0 obj garbage", ("损坏", "没有页面", "不完整")),
    ],
)
def test_hostile_files_refused_with_a_clear_message(case: Path, tmp_path: Path, content: bytes, needle):
    """One line per file: the material, the file and the defect (the scan's words)."""
    (case.parent / "hukou.pdf").write_bytes(content)
    profile = load_profile_file(case)
    with pytest.raises(PackRefused) as refused:
        build_pack(profile, "new", tmp_path / "out", case.parent, ON)
    needles = needle if isinstance(needle, tuple) else (needle,)
    assert refused.value.problems == [
        p for p in refused.value.problems if p.startswith("户口本首页及本人页：hukou.pdf：")
    ]
    assert any(n in refused.value.problems[0] for n in needles), refused.value.problems


def test_encrypted_pdf_refused(case: Path, tmp_path: Path):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(case.parent / "hukou.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    with pytest.raises(PackRefused) as refused:
        build_pack(load_profile_file(case), "new", tmp_path / "out", case.parent, ON)
    assert any("加密" in p for p in refused.value.problems)


def test_images_become_pdf_pages(case: Path, tmp_path: Path):
    colour_scan(tmp_path / "page.pdf")
    with pymupdf.open(tmp_path / "page.pdf") as doc:  # an A4 colour image at 200 dpi, as a phone takes it
        doc[0].get_pixmap(dpi=200).save(case.parent / "photo.png")
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


def test_progress_rises_to_the_end_through_scan_and_write(case: Path, tmp_path: Path):
    seen: list[tuple[int, int]] = []
    build_pack(
        load_profile_file(case),
        "new",
        tmp_path / "out",
        case.parent,
        ON,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert len({t for _, t in seen}) == 1 and seen[-1][0] == seen[-1][1]  # one scale, ends full
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_leaves_nothing(case: Path, tmp_path: Path):
    from hrdesk.packs.upload_pack import Cancelled

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


def run_cli(*args: str, capsys) -> tuple[int, str, str]:
    """`hrdesk …` in this process (the same entry point, without paying the cold start again)."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_pack(case: Path, tmp_path: Path, capsys):
    out = tmp_path / "cli-out"
    code, _, err = run_cli(
        "pack", str(case), "--business", "new", "-o", str(out), "--zip", "--on", "2026-11-23", capsys=capsys
    )
    assert code == 0, err
    assert (out / "00-材料清单-张三.pdf").exists() and out.with_name("cli-out.zip").exists()
    shutil.rmtree(out)
    (case.parent / "hukou.pdf").unlink()
    code, _, err = run_cli("pack", str(case), "--business", "new", "-o", str(out), capsys=capsys)
    assert code == 1 and "hukou.pdf" in err and not out.exists()


def test_cli_pack_runs_as_a_program(case: Path, tmp_path: Path):
    """One real process: `python -m hrdesk pack` exits 1 and names the file (stderr, UTF-8)."""
    (case.parent / "hukou.pdf").unlink()
    proc = subprocess.run(
        [sys.executable, "-m", "hrdesk", "pack", str(case), "--business", "new", "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 1 and "hukou.pdf" in proc.stderr


def test_form_and_pack_for_a_stored_employee(case: Path, tmp_path: Path, capsys):
    from hrdesk.desks.desk import Desk

    data = tmp_path / "data"
    with Desk.open(data) as desk:
        employee_id = desk.employees.add_profile(keep_current(load_profile_file(case)), base_dir=case.parent)
    form = tmp_path / "form.pdf"
    code, _, err = run_cli(
        "--data-dir",
        str(data),
        "form",
        "integrity-individual",
        "--employee",
        str(employee_id),
        "-o",
        str(form),
        capsys=capsys,
    )
    assert code == 0, err
    assert "张三" in pymupdf.open(form)[0].get_text()
    out = tmp_path / "stored-pack"
    code, _, err = run_cli(
        "--data-dir",
        str(data),
        "pack",
        "--employee",
        str(employee_id),
        "--business",
        "new",
        "-o",
        str(out),
        capsys=capsys,
    )
    assert code == 0, err
    contract = next(out.glob("*劳动*"))
    assert len(PdfReader(contract).pages) == 4  # the vault copies of both contract files


def test_bulk_packs_collect_refusals_and_cancel_cleanly(case: Path, tmp_path: Path):
    from hrdesk.desks.desk import Desk
    from hrdesk.packs.upload_pack import build_bulk, bulk_candidates

    with Desk.open(tmp_path / "data") as desk:
        good = desk.employees.add_profile(keep_current(load_profile_file(case)), base_dir=case.parent)
        incomplete = keep_current(load_profile_file(case))
        incomplete.employee.name = "李四"
        incomplete.employee.id_number = "110101199003070011"  # another person: ID numbers are unique
        incomplete.materials = [m for m in incomplete.materials if m.kind != "hukou-pages"]
        bad = desk.employees.add_profile(incomplete, base_dir=case.parent)
        on = date.today()
        candidates = bulk_candidates(desk, [good, bad], "new", on)
        assert all(c.eligible for c in candidates)
        out = tmp_path / "bulk"
        report = build_bulk(desk, candidates, out, lambda d, t: None, "new", on)
        assert [e.name for e in report.built] == ["张三"] and [e.name for e in report.refused] == ["李四"]
        assert any("户口本" in r for r in report.refused[0].reasons)
        assert [p.name for p in out.iterdir()] == [f"张三-1237-新办-{on.isoformat()}"]
        # Cancelled during the second pack: the first stays, the second leaves nothing, the report says so.
        report = build_bulk(desk, candidates, tmp_path / "bulk2", lambda d, t: d < 1, "new", on)
        assert report.cancelled and [e.name for e in report.built] == ["张三"]
        assert [p.name.startswith("张三") for p in (tmp_path / "bulk2").iterdir()] == [True]
        assert "已取消" in report.text() and "张三" in report.text()
