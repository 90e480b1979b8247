"""One verdict per file: the pack refuses exactly the files whose findings list holds a blocker, mentions
the ones with warnings, and takes the lists from the findings cache instead of scanning again."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.materials.findings import blockers, known_findings
from hrdesk.materials.inspection import image_checks
from hrdesk.packs.upload_pack import PackRefused, build_pack, profile_files

from .hostile import colour_scan

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        colour_scan(folder / m["file"], 1, label=m["kind"])
    path = folder / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _mixed(path: Path) -> Path:
    """A colour page and a greyscale one: a warning (which page to rescan), not a verdict."""
    colour_scan(path.with_suffix(".a.pdf"), 1)
    colour_scan(path.with_suffix(".b.pdf"), 1, grey=True)
    out = pymupdf.open()
    for part in (path.with_suffix(".a.pdf"), path.with_suffix(".b.pdf")):
        with pymupdf.open(part) as src:
            out.insert_pdf(src)
    out.save(path)
    return path


def test_the_pack_refuses_exactly_the_files_whose_list_has_a_blocker(case: Path, tmp_path: Path):
    data = tmp_path / "data"
    profile = load_profile_file(case)
    by_kind = {m.kind: m.file for m in profile.materials if m.file}
    colour_scan(case.parent / by_kind["hukou-pages"], 2, grey=True)  # a greyscale scan: a blocker
    _mixed(case.parent / by_kind["labour-contract"])  # one grey page among colour: a warning
    files = profile_files(profile, case.parent)
    lists = known_findings(profile, [(f.kind, f.path, None) for f in files], on=ON, data_dir=data)
    blocked = {f.name for f, found in zip(files, lists, strict=True) if blockers(found)}
    warned = {f.name for f, found in zip(files, lists, strict=True) if found and not blockers(found)}
    assert blocked == {by_kind["hukou-pages"]} and warned == {by_kind["labour-contract"]}

    with pytest.raises(PackRefused) as refused:
        build_pack(profile, "new", tmp_path / "out", case.parent, on=ON, data_dir=data)
    assert {d.file for d in refused.value.defects} == blocked

    colour_scan(case.parent / by_kind["hukou-pages"], 2)  # rescanned in colour
    result = build_pack(profile, "new", tmp_path / "out", case.parent, on=ON, data_dir=data)
    assert len(result.warnings) == 1 and by_kind["labour-contract"] in result.warnings[0]
    assert "第 2 页" in result.warnings[0]


def test_the_cli_pack_says_what_to_check(case: Path, tmp_path: Path, capsys):
    from hrdesk.cli import main

    profile = load_profile_file(case)
    contract = next(m.file for m in profile.materials if m.kind == "labour-contract")
    _mixed(case.parent / contract)
    out = tmp_path / "out"
    argv = ["pack", str(case), "--business", "new", "-o", str(out), "--on", ON.isoformat()]
    assert main([*argv, "--data-dir", str(tmp_path / "data")]) == 0
    err = capsys.readouterr().err
    assert "请核对" in err and contract in err and out.is_dir()


def test_an_inspected_file_is_not_scanned_again_by_the_pack(case: Path, tmp_path: Path, monkeypatch):
    data = tmp_path / "data"
    profile = load_profile_file(case)
    build_pack(profile, "new", tmp_path / "first", case.parent, on=ON, data_dir=data)
    cached = list(image_checks.cache_dir(data).glob("*.json"))
    assert len(cached) == len({m.file for m in profile.materials if m.file})

    # Another process (another desk, the next day): nothing in memory, every list from the data folder.
    image_checks._MEMORY.clear()
    scanned: list[Path] = []
    real = image_checks.check_file

    def counting(path: Path, *args, **kwargs):
        scanned.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(image_checks, "check_file", counting)
    build_pack(profile, "new", tmp_path / "second", case.parent, on=ON, data_dir=data)
    assert scanned == []
