"""The materials panel, the trash and the bulk-pack dialog, driven offscreen as HR would: replace a
defective scan and see the slot turn 齐全, pack and find only the new file; Delete in the tree trashes
the file with focus and never offers to delete the employee; bulk report after a cancel.

Screenshots land in /work/wt/h12-shots/ when that folder exists (for a person to look at)."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.packs.upload_pack import build_pack_for_stored

from ..timeless import keep_current
from ..ui.conftest import wait_pool
from .hostile import colour_scan
from .people import id_number

_PEOPLE = itertools.count(1)

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("/work/wt/h12-shots")
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
MATERIAL_ROLE = Qt.ItemDataRole.UserRole + 2


def shot(widget, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def add_employee(desk: Desk, tmp_path: Path, name: str = "张三", grey_hukou: bool = False) -> int:
    folder = tmp_path / f"case-{name}"
    folder.mkdir()
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        colour_scan(folder / m["file"], 2 if m["kind"] == "hukou-pages" else 1, label=m["kind"])
    if grey_hukou:
        colour_scan(folder / "hukou.pdf", 2, grey=True, label="OLDSCAN")
    (folder / "p.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    profile = keep_current(load_profile_file(folder / "p.json"))
    profile.employee.name = name
    profile.employee.id_number = id_number(next(_PEOPLE))  # ID numbers are unique per person
    employee_id = desk.employees.add_profile(profile, base_dir=folder)
    for row in desk.materials.materials(employee_id):  # scanned as attaching would
        defects = desk.materials._scan(row.sha256)
        if defects:
            desk.materials.update_material(row.id, defects=defects)
    return employee_id


def find_item(panel, kind: str, material: bool = False):
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        for j in range(group.childCount()):
            slot = group.child(j)
            if slot.data(0, KIND_ROLE) == kind:
                return slot.child(0) if material else slot
    raise AssertionError(kind)


def test_replace_a_defective_scan_turns_the_slot_ok_and_packs_only_the_new_file(
    qtbot, window, desk: Desk, tmp_path: Path
):
    employee_id = add_employee(desk, tmp_path, grey_hukou=True)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    slot = find_item(panel, "hukou-pages")
    assert slot.text(1) == "有缺陷"
    panel.tree.setCurrentItem(slot)
    assert (
        "不是彩色扫描" in panel.reason.text() and "第 1 页" in panel.reason.text()
    )  # in full, once per document
    window.resize(1280, 760)
    qtbot.wait(50)
    shot(window, "materials-defective-slot.png")
    old = find_item(panel, "hukou-pages", material=True).data(0, MATERIAL_ROLE)
    panel.replace_files(
        "hukou-pages", old, [str(colour_scan(tmp_path / "new-hukou.pdf", 1, label="NEWSCAN"))]
    )
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: find_item(panel, "hukou-pages").text(1) == "齐全", timeout=30000)
    assert "缺陷" not in panel.reason.text()  # the reason shown is the slot's new verdict
    shot(window, "materials-after-replace.png")
    # The panel read the scans when it opened: the test's plain tax records carry no seal or note, so
    # their blockers now stop the pack (one verdict per file); forced, the hukou slot holds only the new file.
    build_pack_for_stored(desk, employee_id, "new", tmp_path / "pack", force=True)
    with pymupdf.open(next((tmp_path / "pack").glob("*户口本*"))) as doc:
        text = "".join(p.get_text() for p in doc)
        assert doc.page_count == 1
    assert "NEWSCAN" in text and "OLDSCAN" not in text
    assert [i.detail for i in desk.trash.trash_items()] == ["hukou.pdf"]  # the old file waits in the trash


def test_delete_in_the_tree_trashes_the_file_never_the_employee(
    qtbot, window, desk: Desk, tmp_path: Path, monkeypatch
):
    employee_id = add_employee(desk, tmp_path)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    slot = find_item(panel, "diploma")
    panel.tree.setFocus()
    panel.tree.setCurrentItem(slot)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)  # on a slot: nothing is deleted
    assert len([m for m in desk.materials.materials(employee_id) if m.kind == "diploma"]) == 1
    file_item = find_item(panel, "diploma", material=True)
    material_id = file_item.data(0, MATERIAL_ROLE)
    panel.tree.setCurrentItem(file_item)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    wait_pool(qtbot)
    assert asked == []  # no "delete the employee?" question
    assert desk.employees.employee_ids() == [employee_id]
    assert material_id not in [m.id for m in desk.materials.materials(employee_id)]
    qtbot.waitUntil(lambda: find_item(panel, "diploma").text(1) == "缺失", timeout=30000)


def _trash_button(dialog, text: str):
    from PySide6.QtWidgets import QPushButton

    found = [b for b in dialog.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, [b.text() for b in dialog.findChildren(QPushButton)]
    return found[0]


def test_trash_buttons_restore_and_empty_on_the_writer_and_empty_only_what_was_shown(
    qtbot, desk: Desk, tmp_path: Path
):
    import threading

    from PySide6.QtTest import QTest

    from hrdesk.ui.materials.trash_view import TrashDialog

    keep = add_employee(desk, tmp_path, "李四")
    gone = add_employee(desk, tmp_path, "王五")
    removed = desk.materials.materials(keep)[0]
    desk.materials.remove_material(removed.id)
    desk.employees.delete_employee(gone)
    asked: list[str] = []
    dialog = TrashDialog(desk, confirm_empty=lambda _d: asked.append("empty") or True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)  # the list is read on a worker
    assert dialog.tree.topLevelItemCount() == 2
    shot(dialog, "trash.png")
    history = TrashDialog(desk, slot=(keep, removed.kind))  # one slot's earlier files only
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: not history.is_busy(), timeout=30000)
    assert history.tree.topLevelItemCount() == 1 and not history.empty_button.isVisibleTo(history)
    other = TrashDialog(desk, slot=(keep, "photo" if removed.kind != "photo" else "diploma"))
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: not other.is_busy(), timeout=30000)
    assert other.tree.topLevelItemCount() == 0

    threads: list[str] = []
    for name in ("restore_material", "empty_trash"):
        service = desk.materials if name == "restore_material" else desk.trash
        real = getattr(service, name)

        def recorded(*args, _real=real, **kwargs):  # the real write, noting which thread ran it
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        setattr(service, name, recorded)
    restored: list[list[int]] = []
    dialog.employeesRestored.connect(restored.append)
    dialog.tree.selectAll()
    restore = _trash_button(dialog, "恢复")
    QTest.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert not restore.isEnabled()  # the click returned before the write: it is queued on the writer
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)
    wait_pool(qtbot)
    assert dialog.tree.topLevelItemCount() == 0 and len(restored[0]) == 1 and dialog.changed_any
    assert removed.id in [m.id for m in desk.materials.materials(keep)]
    assert sorted(desk.employees.employee(i).name for i in desk.employees.employee_ids()) == ["李四", "王五"]

    # Emptying deletes what the dialog showed: a file trashed after the list was read stays restorable.
    shown, later = desk.materials.materials(keep)[:2]
    desk.materials.remove_material(shown.id)
    dialog.reload()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)
    assert dialog.tree.topLevelItemCount() == 1
    desk.materials.remove_material(later.id)  # another desk, a moment later
    QTest.mouseClick(_trash_button(dialog, "清空回收站…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)
    wait_pool(qtbot)
    assert asked == ["empty"]
    left = [(i.kind, i.id) for i in desk.trash.trash_items()]
    assert left == [("material", later.id)]
    assert dialog.tree.topLevelItemCount() == 1 and "回收站已清空" in dialog.summary.text()
    assert len(threads) == 2 and threading.main_thread().name not in threads


def test_bulk_dialog_lists_the_ineligible_and_reports_what_was_built(
    qtbot, desk: Desk, tmp_path: Path, monkeypatch
):
    from hrdesk.ui.packs.bulk_packs import BulkPacksDialog

    ids = [add_employee(desk, tmp_path, "张洋")]
    ids.append(add_employee(desk, tmp_path, "赵六"))
    ids.append(add_employee(desk, tmp_path, "钱七"))  # eligible, but the 户口本 went to the trash
    desk.materials.remove_material(
        next(x.id for x in desk.materials.materials(ids[2]) if x.kind == "hukou-pages")
    )
    with desk.uow.session() as s:  # a Beijing hukou: not eligible for any business
        from hrdesk.store import models as m

        row = s.get(m.Employee, ids[1])
        row.hukou = "beijing"
        s.add(row)
    out = tmp_path / "bulk"
    dialog = BulkPacksDialog(desk, ids, today=date.today(), folder=out)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.business.setCurrentIndex(1)  # 新办
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled() and bool(dialog.candidates), timeout=30000)
    ineligible = dialog.table.topLevelItem(1)
    assert ineligible.text(4) == "不符合" and ineligible.checkState(0) == Qt.CheckState.Unchecked
    assert "户籍" in ineligible.text(5)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    assert [e.name for e in dialog.report.built] == ["张洋"]
    assert [e.name for e in dialog.report.skipped] == ["赵六"]
    assert [e.name for e in dialog.report.refused] == ["钱七"]
    assert any("户口本" in r for r in dialog.report.refused[0].reasons)
    assert "赵六" in dialog.report_view.toPlainText() and "户籍" in dialog.report_view.toPlainText()
    (folder,) = out.iterdir()
    assert folder.name.startswith(f"张洋-{desk.employees.employee(ids[0]).id_number[-4:]}-新办-")
    dialog.save_report(tmp_path / "report.txt")  # written on a worker
    qtbot.waitUntil(lambda: not dialog.is_saving(), timeout=30000)
    assert "报告已保存" in dialog.summary.text()
    assert "已生成（1）" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    dialog.resize(960, 640)
    QApplication.processEvents()
    shot(dialog, "bulk-report.png")


@pytest.mark.parametrize("cancel_at", [1])
def test_bulk_dialog_cancel_shows_what_was_built(qtbot, desk: Desk, tmp_path: Path, cancel_at: int):
    from hrdesk.ui.packs.bulk_packs import BulkPacksDialog

    ids = [add_employee(desk, tmp_path, n) for n in ("甲一", "乙二", "丙三")]
    dialog = BulkPacksDialog(desk, ids, today=date.today(), folder=tmp_path / "bulk")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled() and bool(dialog.candidates), timeout=30000)

    def cancel_after_first(done: int, _total: int) -> None:
        if done >= cancel_at and dialog._task is not None:
            dialog.cancel()

    dialog.start()
    dialog._task.signals.progress.connect(cancel_after_first)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    report = dialog.report
    assert report.cancelled and 1 <= len(report.built) < 3
    assert "已取消" in dialog.report_view.toPlainText()
    assert len(list((tmp_path / "bulk").iterdir())) == len(report.built)  # nothing half-built
