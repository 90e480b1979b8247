"""OCR readings (names, ID numbers in clear) are owner-only, and go when the last material using that
content goes: deleting the person and emptying the trash leaves none of theirs behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.materials.inspection.pages import PageReading
from hrdesk.materials.inspection.reading import READER_VERSION, _save_cache, cache_dir

ROOT = Path(__file__).resolve().parents[2]


def _scan(path: Path, label: str) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), label)
    doc.save(path)
    return path


def _reading(data_dir: Path, digest: str) -> Path:
    path = cache_dir(data_dir) / f"{digest}-v{READER_VERSION}.json"
    _save_cache(path, [PageReading(page=1)])
    return path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_readings_are_owner_only(data_dir: Path):
    path = _reading(data_dir, "a" * 64)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700


def test_readings_go_with_the_last_material_using_the_content(data_dir: Path, tmp_path: Path):
    with Desk.open(data_dir) as desk:
        profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
        gone = desk.employees.add_profile(profile)
        own = [
            desk.materials.attach(
                gone, "hukou-pages", _scan(tmp_path / f"{i}.pdf", f"户口 {i}"), scan=False
            ).sha256
            for i in range(12)
        ]
        shared = _scan(tmp_path / "shared.pdf", "共用")
        shared_sha = desk.materials.attach(gone, "id-card", shared, scan=False).sha256
        other = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
        desk.materials.attach(other, "id-card", shared, scan=False)
        readings = {digest: _reading(data_dir, digest) for digest in [*own, shared_sha]}
        stray = _reading(data_dir, "b" * 64)  # left by an earlier version for a content long gone
        desk.employees.delete_employee(gone)
        assert all(p.exists() for p in readings.values())  # in the trash: restorable, readings kept
        desk.trash.empty_trash()
        assert [d for d in own if readings[d].exists()] == []
        assert readings[shared_sha].exists()  # another person's material still uses it
        assert not stray.exists()
