"""Material slots and the trash: replace puts the old file in the trash and never into a pack, a slot is
as good as its worst file, deleted employees can be restored until the trash is emptied."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Records
from hrdesk.packs.upload_pack import PackRefused, build_pack_for_stored

from ..timeless import keep_current
from .hostile import colour_scan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stored(tmp_path: Path):
    """A stored, ready Changping employee whose every material is a clean one-page scan."""
    folder = tmp_path / "case"
    folder.mkdir()
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        colour_scan(folder / m["file"], 1, label=m["kind"])
    (folder / "p.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Records.open(tmp_path / "data") as records:
        employee_id = records.add_profile(keep_current(load_profile_file(folder / "p.json")), base_dir=folder)
        yield records, employee_id


def slot_status(records: Records, employee_id: int, kind: str) -> tuple[str, str]:
    result = records.check(employee_id, "new", date.today())
    m = next(x for x in result.materials if x.kind == kind)
    return m.status, m.reason


def test_replace_a_defective_scan_then_pack_only_the_new_file(stored, tmp_path: Path):
    records, employee_id = stored
    old = next(x for x in records.materials(employee_id) if x.kind == "hukou-pages")
    grey = records.replace_material(old.id, colour_scan(tmp_path / "grey.pdf", 2, grey=True, label="OLDSCAN"))
    status, reason = slot_status(records, employee_id, "hukou-pages")
    assert status == "defective" and "不是彩色扫描" in reason and "第 2 页" in reason  # the reason in full
    with pytest.raises(PackRefused) as refused:
        build_pack_for_stored(records, employee_id, "new", tmp_path / "p1")
    assert refused.value.problems == ["户口本首页及本人页：grey.pdf：" + "；".join(grey.defects)]
    new = records.replace_material(grey.id, colour_scan(tmp_path / "new.pdf", 1, label="NEWSCAN"))
    assert slot_status(records, employee_id, "hukou-pages")[0] == "ok"
    assert [x.id for x in records.slot_history(employee_id, "hukou-pages")] == [grey.id, old.id]
    assert [x.id for x in records.materials(employee_id) if x.kind == "hukou-pages"] == [new.id]
    result = build_pack_for_stored(records, employee_id, "new", tmp_path / "p2")
    slot = next((tmp_path / "p2").glob("*户口本*"))
    with pymupdf.open(slot) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "NEWSCAN" in text and "OLDSCAN" not in text and result.pages["hukou-pages"] == 1


def test_a_page_added_to_a_slot_and_replace_of_the_whole_slot(stored, tmp_path: Path):
    records, employee_id = stored
    records.add_page(employee_id, "lease-contract", colour_scan(tmp_path / "more.pdf", grey=True))
    assert slot_status(records, employee_id, "lease-contract")[0] == "defective"  # the worst file counts
    records.replace_slot(employee_id, "lease-contract", colour_scan(tmp_path / "whole.pdf", 3))
    current = [x for x in records.materials(employee_id) if x.kind == "lease-contract"]
    assert [x.original_name for x in current] == ["whole.pdf"]
    assert slot_status(records, employee_id, "lease-contract")[0] == "ok"
    assert len(records.slot_history(employee_id, "lease-contract")) == 2


def test_deleted_employee_is_restored_from_the_trash_then_emptied(stored):
    records, employee_id = stored
    app = records.open_application(employee_id, "new", date(2026, 11, 1))
    records.set_application_status(app, "unit-review", date(2026, 11, 2), "ok")
    files = len(records.vault.hashes())
    records.delete_employee(employee_id)
    assert records.employee_ids() == []
    (item,) = records.trash_items()
    assert (item.kind, item.title) == ("employee", "张三") and "*" in item.detail
    assert len(records.vault.hashes()) == files  # nothing removed until the trash is emptied
    restored = records.restore_employee(item.id)
    assert records.employee_ids() == [restored] and records.trash_items() == []
    assert len(records.materials(restored)) == len(
        load_profile_file(ROOT / "examples" / "changping-new-ready.json").materials
    )
    assert [a.status for a in records.applications(restored)] == ["unit-review"]
    assert records.check(restored, "new", date.today()).ready
    records.remove_material(records.materials(restored)[0].id)
    records.delete_employee(restored)
    assert {i.kind for i in records.trash_items()} == {"employee"}  # the removed one went with the person
    assert records.empty_trash() == files and records.vault.hashes() == set()
    assert records.trash_items() == []
