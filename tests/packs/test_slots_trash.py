"""Material slots and the trash: replace puts the old file in the trash and never into a pack, a slot is
as good as its worst file, deleted employees can be restored until the trash is emptied."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from hrdesk.catalogue import said
from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
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
    with Desk.open(tmp_path / "data") as desk:
        employee_id = desk.employees.add_profile(
            keep_current(load_profile_file(folder / "p.json")), base_dir=folder
        )
        yield desk, employee_id


def slot_status(desk: Desk, employee_id: int, kind: str) -> tuple[str, str]:
    result = desk.employees.check(employee_id, "new", date.today())
    m = next(x for x in result.materials if x.kind == kind)
    return m.status, m.reason


def test_replace_a_defective_scan_then_pack_only_the_new_file(stored, tmp_path: Path):
    desk, employee_id = stored
    old = next(x for x in desk.materials.materials(employee_id) if x.kind == "hukou-pages")
    grey = desk.materials.replace_material(
        old.id, colour_scan(tmp_path / "grey.pdf", 2, grey=True, label="OLDSCAN")
    )
    status, reason = slot_status(desk, employee_id, "hukou-pages")
    # Colour is judged per document: a greyscale scan is named once, at its first page, in full.
    assert status == "defective" and "不是彩色扫描" in reason and "第 1 页" in reason
    with pytest.raises(PackRefused) as refused:
        build_pack_for_stored(desk, employee_id, "new", tmp_path / "p1")
    # The record keeps the defect as its code; the refusal says it, the way the slot's reason does.
    assert refused.value.problems == [
        "户口本首页及本人页：grey.pdf：" + "；".join(said(d) for d in grey.defects)
    ]
    new = desk.materials.replace_material(grey.id, colour_scan(tmp_path / "new.pdf", 1, label="NEWSCAN"))
    assert slot_status(desk, employee_id, "hukou-pages")[0] == "ok"
    assert [x.id for x in desk.materials.slot_history(employee_id, "hukou-pages")] == [grey.id, old.id]
    assert [x.id for x in desk.materials.materials(employee_id) if x.kind == "hukou-pages"] == [new.id]
    result = build_pack_for_stored(desk, employee_id, "new", tmp_path / "p2")
    slot = next((tmp_path / "p2").glob("*户口本*"))
    with pymupdf.open(slot) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "NEWSCAN" in text and "OLDSCAN" not in text and result.pages["hukou-pages"] == 1


def test_a_page_added_to_a_slot_and_replace_of_the_whole_slot(stored, tmp_path: Path):
    # A labour contract carries the unit's seal: its colour matters (a private lease may be greyscale).
    desk, employee_id = stored
    desk.materials.add_page(employee_id, "labour-contract", colour_scan(tmp_path / "more.pdf", grey=True))
    assert slot_status(desk, employee_id, "labour-contract")[0] == "defective"  # the worst file counts
    desk.materials.replace_slot(employee_id, "labour-contract", colour_scan(tmp_path / "whole.pdf", 3))
    current = [x for x in desk.materials.materials(employee_id) if x.kind == "labour-contract"]
    assert [x.original_name for x in current] == ["whole.pdf"]
    assert slot_status(desk, employee_id, "labour-contract")[0] == "ok"
    assert len(desk.materials.slot_history(employee_id, "labour-contract")) == 2


def test_deleted_employee_is_restored_from_the_trash_then_emptied(stored):
    desk, employee_id = stored
    app = desk.applications.open_application(employee_id, "new", date(2026, 11, 1))
    desk.applications.set_application_status(app, "unit-review", date(2026, 11, 2), "ok")
    files = len(desk.uow.vault.hashes())
    desk.employees.delete_employee(employee_id)
    assert desk.employees.employee_ids() == []
    (item,) = desk.trash.trash_items()
    assert (item.kind, item.title) == ("employee", "张三") and "*" in item.detail
    assert len(desk.uow.vault.hashes()) == files  # nothing removed until the trash is emptied
    restored = desk.trash.restore_employee(item.id)
    assert desk.employees.employee_ids() == [restored] and desk.trash.trash_items() == []
    assert len(desk.materials.materials(restored)) == len(
        load_profile_file(ROOT / "examples" / "changping-new-ready.json").materials
    )
    assert [a.status for a in desk.applications.applications(restored)] == ["unit-review"]
    assert desk.employees.check(restored, "new", date.today()).ready
    desk.materials.remove_material(desk.materials.materials(restored)[0].id)
    desk.employees.delete_employee(restored)
    assert {i.kind for i in desk.trash.trash_items()} == {"employee"}  # the removed one went with the person
    assert desk.trash.empty_trash() == files and desk.uow.vault.hashes() == set()
    assert desk.trash.trash_items() == []
