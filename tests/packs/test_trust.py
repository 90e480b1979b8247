"""Packs you can trust: every pack scans what it packs, a defective file stops it (one line per file),
--force marks the slot 有缺陷 on the checklist, upload PDFs carry no active content, material paths stay
inside the profile's folder, and bulk packs go only to eligible employees with a report."""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader

from hrdesk.checks.check import load_profile_file
from hrdesk.cli import main
from hrdesk.materials.paths import MaterialPathError, material_file_in
from hrdesk.packs.upload_pack import PackRefused, build_pack
from hrdesk.pdf.active import find_active_content

from ..timeless import keep_current
from .hostile import EXE, colour_scan, hostile_pdf, linked_scan
from .people import id_number, two_sharing_last_four

ROOT = Path(__file__).resolve().parents[2]
ON = "2026-11-23"
# PDF names as whole tokens (a font subset named /AAAAAA+Droid is not an /AA action).
ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|FileAttachment|OpenAction|AA)(?![A-Za-z0-9+#])")


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """The ready Changping example with a clean colour scan for every material."""
    folder = tmp_path / "case"
    folder.mkdir()
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        colour_scan(folder / m["file"], 1, label=m["kind"])
    path = folder / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def pack_cli(*args: str, capsys) -> tuple[int, str, str]:
    code = main(["pack", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_refuses_a_greyscale_scan_then_force_marks_the_slot(case: Path, tmp_path: Path, capsys):
    colour_scan(case.parent / "hukou.pdf", 2, grey=True)
    out = tmp_path / "out"
    code, _, err = pack_cli(str(case), "--business", "new", "-o", str(out), "--on", ON, capsys=capsys)
    assert code == 1 and not out.exists()
    lines = [line.strip() for line in err.splitlines()[1:]]
    assert len(lines) == 1, err  # one line per defective file, nothing else was wrong
    assert lines[0].startswith("户口本首页及本人页：hukou.pdf：") and "不是彩色扫描" in lines[0]
    code, stdout, _ = pack_cli(
        str(case), "--business", "new", "-o", str(out), "--on", ON, "--force", capsys=capsys
    )
    assert code == 0
    checklist = next(out.glob("00-*.pdf"))
    with pymupdf.open(checklist) as doc:
        text = "".join(page.get_text() for page in doc)
    flat = text.replace("\n", "")
    assert "户口本首页及本人页" in flat and "有缺陷" in flat
    row = flat[flat.index("户口本首页及本人页") :]
    assert row.index("有缺陷") < row.index("学历证书")  # the 缺陷 mark is in the 户口本 row
    assert len(PdfReader(next(out.glob("*户口本*"))).pages) == 2  # readable: packed anyway, as asked


def test_one_defective_file_makes_the_slot_defective(case: Path, tmp_path: Path):
    """A slot is as good as its worst current file: a good contract plus a greyscale annex is 有缺陷."""
    data = json.loads(case.read_text(encoding="utf-8"))
    data["materials"].append({"kind": "labour-contract", "file": "annex.pdf", "valid_until": "2028-12-31"})
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    colour_scan(case.parent / "annex.pdf", grey=True)
    with pytest.raises(PackRefused) as refused:
        build_pack(load_profile_file(case), "new", tmp_path / "out", case.parent, date(2026, 11, 23))
    assert [d.file for d in refused.value.defects] == ["annex.pdf"]
    result = build_pack(
        load_profile_file(case), "new", tmp_path / "out", case.parent, date(2026, 11, 23), force=True
    )
    assert any("annex.pdf" in line for line in result.overridden)


def test_find_active_content_names_each_kind(tmp_path: Path):
    clean = colour_scan(tmp_path / "clean.pdf")
    assert find_active_content(clean) == []
    found = "\n".join(find_active_content(hostile_pdf(tmp_path / "hostile.pdf", base=clean)))
    for needle in ("JavaScript", "Launch", "OpenAction", "AA", "payload.exe", "invoice.exe", "文件附件批注"):
        assert needle in found, found
    assert find_active_content(linked_scan(tmp_path / "link.pdf", base=clean)) == []  # a web link is fine
    assert find_active_content(tmp_path / "missing.pdf") == []
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\nnot a pdf")
    assert find_active_content(tmp_path / "junk.pdf") == []


def test_the_last_check_sees_what_copying_pages_alone_would_carry(tmp_path: Path):
    """Pages copied without stripping still bring the page actions, the Launch link, the attachment:
    the check run before an upload PDF is written finds them (the pack would refuse the slot)."""
    from pypdf import PdfWriter

    from hrdesk.pdf.active import active_content_in

    hostile = hostile_pdf(tmp_path / "h.pdf", base=colour_scan(tmp_path / "clean.pdf"))
    writer = PdfWriter()
    for page in PdfReader(hostile).pages:
        writer.add_page(page)
    found = "\n".join(active_content_in(writer._root_object))
    assert "Launch" in found and "invoice.exe" in found and "文件附件批注" in found


def test_upload_pdfs_carry_no_active_content(case: Path, tmp_path: Path):
    clean = colour_scan(tmp_path / "clean.pdf", 2)
    hostile_pdf(case.parent / "lease.pdf", base=clean)
    hostile_pdf(case.parent / "diploma.pdf", base=clean)
    out = tmp_path / "out"
    # Forced: once the scan flags active content the pack is refused without it; either way what is
    # written must be clean.
    build_pack(load_profile_file(case), "new", out, case.parent, date(2026, 11, 23), force=True)
    uploads = sorted(out.glob("*.pdf"))
    assert any("租赁" in p.name for p in uploads) and any("学历" in p.name for p in uploads)
    for pdf in uploads:
        data = pdf.read_bytes()
        assert find_active_content(pdf) == [], pdf.name
        assert not ACTIVE.findall(data), (pdf.name, ACTIVE.findall(data))
        assert EXE[-20:] not in data
        with pymupdf.open(pdf) as doc:
            assert doc.embfile_count() == 0
            assert not [a for page in doc for a in page.annots() if a.type[1] == "FileAttachment"]
    lease = next(p for p in uploads if "租赁" in p.name)
    assert len(PdfReader(lease).pages) == 2  # the pages themselves are kept


def test_material_paths_stay_inside_the_profile_folder(case: Path, tmp_path: Path, capsys):
    outside = colour_scan(tmp_path / "secret.pdf")
    folder = case.parent
    assert material_file_in(folder, "hukou.pdf") == (folder / "hukou.pdf").resolve()
    for bad in ("../secret.pdf", str(outside), "sub/../../secret.pdf"):
        with pytest.raises(MaterialPathError):
            material_file_in(folder, bad)
    (folder / "link.pdf").symlink_to(outside)
    with pytest.raises(MaterialPathError):
        material_file_in(folder, "link.pdf")
    data = json.loads(case.read_text(encoding="utf-8"))
    data["materials"][1]["file"] = "../secret.pdf"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = pack_cli(
        str(case), "--business", "new", "-o", str(tmp_path / "o"), "--on", ON, capsys=capsys
    )
    assert code == 2 and "../secret.pdf" in err and "文件夹之外" in err


def test_importing_a_profile_refuses_files_outside_its_folder(case: Path, tmp_path: Path):
    from hrdesk.desks.desk import Desk

    data = json.loads(case.read_text(encoding="utf-8"))
    secret = colour_scan(tmp_path / "secret.pdf", label="secret")
    data["materials"][1]["file"] = os.fspath(secret)
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Desk.open(tmp_path / "data") as desk:
        with pytest.raises(MaterialPathError):
            desk.employees.add_profile(load_profile_file(case), base_dir=case.parent)
        assert desk.employees.employee_ids() == []  # nothing stored: the whole import is refused
        assert hashlib.sha256(secret.read_bytes()).hexdigest() not in desk.uow.vault.hashes()


def test_bulk_packs_only_the_eligible_with_a_report(case: Path, tmp_path: Path):
    from hrdesk.desks.desk import Desk
    from hrdesk.packs.upload_pack import build_bulk, bulk_candidates

    on = date.today()
    with Desk.open(tmp_path / "data") as desk:
        twins = two_sharing_last_four()
        first = keep_current(load_profile_file(case))
        first.employee.name = "张洋"
        first.employee.id_number = twins[0]
        a = desk.employees.add_profile(first, base_dir=case.parent)
        second = keep_current(load_profile_file(case))
        second.employee.name = "张洋"
        second.employee.id_number = "110105199203150038"
        b = desk.employees.add_profile(second, base_dir=case.parent)
        hukou = keep_current(load_profile_file(case))
        hukou.employee.name = "王北京"
        hukou.employee.hukou = "beijing"
        hukou.employee.id_number = id_number(2)
        c = desk.employees.add_profile(hukou, base_dir=case.parent)
        candidates = bulk_candidates(desk, [a, b, c], "new", on)
        assert [x.eligible for x in candidates][2] is False
        assert candidates[2].reasons and any("户籍" in r for r in candidates[2].reasons)
        out = tmp_path / "bulk"
        report = build_bulk(desk, candidates, out, lambda d, t: True, "new", on)
        assert [e.name for e in report.skipped] == ["王北京"]
        folders = sorted(p.name for p in out.iterdir())
        assert len(folders) == len({*folders}) == len(report.built)
        assert all(f.startswith("张洋-") and "-新办-" in f and "new" not in f for f in folders)
        text = report.text()
        assert "王北京" in text and "户籍" in text and "110105199203150038" not in text
        # Explicitly included: the ineligible one is packed too (its pack says what is wrong).
        report = build_bulk(desk, candidates, tmp_path / "bulk2", lambda d, t: True, "new", on, include={c})
        assert not report.skipped and "王北京" in [e.name for e in report.built + report.refused]
        # Same name, same last four digits: two folders, neither overwritten.
        twin = keep_current(load_profile_file(case))
        twin.employee.name = "张洋"
        twin.employee.id_number = twins[1]  # another person, same last four characters
        d = desk.employees.add_profile(twin, base_dir=case.parent)
        both = bulk_candidates(desk, [a, d], "new", on)
        report = build_bulk(desk, both, tmp_path / "bulk3", lambda d, t: True, "new", on)
        assert len({e.folder for e in report.built}) == 2 == len(list((tmp_path / "bulk3").iterdir()))
