"""The materials panel as a person uses it: the buttons are found by the words on them and clicked.
Turning a page either way rewrites the file on the writer thread (the window keeps answering), and
however many turns, the trash holds the file as first added, once. Attaching says at once that the
scan is being checked. A finding is readable in full under the list, and the panel fits beside the
employee list on a 1366-pixel screen."""

from __future__ import annotations

import threading
from pathlib import Path

import pymupdf
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from hrdesk.desks.desk import Desk

from ..ui.conftest import wait_pool
from .hostile import colour_scan
from .test_materials_gui import MATERIAL_ROLE, add_employee, find_item


def settle(qtbot, seconds: int = 120) -> None:
    """Until every background task has delivered its result (reading scans can take a while)."""
    from PySide6.QtCore import QThreadPool

    from hrdesk.ui import workers

    def idle() -> bool:
        pools = [QThreadPool.globalInstance(), *workers.extra_pools()]
        return not workers.busy() and all(p.activeThreadCount() == 0 for p in pools)

    qtbot.waitUntil(idle, timeout=seconds * 1000)
    wait_pool(qtbot)


def button(parent: QWidget, text: str) -> QPushButton:
    """The visible button whose words are `text` (what a person looks for)."""
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, [b.text() for b in parent.findChildren(QPushButton)]
    return found[0]


class GapWatch:
    """A 10 ms timer on the UI thread: the longest gap between its ticks is how long the window
    could not answer (recorded for the reader, never asserted: machine speed is not a test)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def _open_file(qtbot, window, desk: Desk, tmp_path: Path, kind: str = "hukou-pages"):
    employee_id = add_employee(desk, tmp_path)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    item = find_item(panel, kind, material=True)
    panel.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.preview.page_count > 0, timeout=20000)
    return employee_id, panel, item.data(0, MATERIAL_ROLE)


def _rotation(desk: Desk, material_id: int, page: int = 0) -> int:
    path = desk.materials.material_path(desk.materials.material(material_id))
    with pymupdf.open(path) as doc:
        return doc[page].rotation


def test_turning_a_page_either_way_runs_on_the_writer_and_keeps_one_original_in_the_trash(
    qtbot, window, desk: Desk, tmp_path: Path
):
    employee_id, panel, material_id = _open_file(qtbot, window, desk, tmp_path)
    original = desk.materials.material(material_id).sha256
    threads: list[str] = []
    real = desk.materials.replace_material_file

    def recorded(*args, **kwargs):  # the real rewrite, noting which thread ran it
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    desk.materials.replace_material_file = recorded
    watch = GapWatch()
    watch.start()
    for words, expected in (("向右旋转", 90), ("向右旋转", 180), ("向左旋转", 90), ("向左旋转", 0)):
        turn = button(panel, words)
        qtbot.waitUntil(turn.isEnabled, timeout=20000)
        QTest.mouseClick(turn, Qt.MouseButton.LeftButton)
        # The click returned with the file not yet rewritten: the work is queued for the writer.
        assert not turn.isEnabled()
        wait_pool(qtbot)
        qtbot.waitUntil(lambda: panel.current_material_id() == material_id, timeout=20000)
        assert _rotation(desk, material_id) == expected
    longest = watch.stop()
    print(f"longest UI-thread gap while turning pages: {longest} ms")
    assert threads and threading.main_thread().name not in threads
    trash = [i for i in desk.trash.trash_items() if i.kind == "material"]
    assert len(trash) == 1  # four turns, one copy: the file as first added
    kept = [m for m in desk.materials.materials(employee_id, include_deleted=True) if m.deleted_at]
    assert [m.sha256 for m in kept] == [original]


def test_attaching_says_the_scan_is_being_checked_until_it_is_stored(
    qtbot, window, desk: Desk, tmp_path: Path
):
    employee_id, panel, _ = _open_file(qtbot, window, desk, tmp_path, kind="diploma")
    panel.tree.setCurrentItem(find_item(panel, "diploma"))
    scan = colour_scan(tmp_path / "second-page.pdf", 1, label="PAGE2")
    panel.attach_files("diploma", [str(scan)])  # what a drop onto the slot does
    assert panel.busy_label.isVisible() and panel.busy_label.text() == "正在检查扫描件…"
    assert not button(panel, "添加页…").isEnabled()
    qtbot.waitUntil(lambda: not panel.busy_label.isVisible(), timeout=60000)
    settle(qtbot)  # the new scan is then read (OCR) on workers: seconds on a busy machine
    assert len([m for m in desk.materials.materials(employee_id) if m.kind == "diploma"]) == 2
    qtbot.waitUntil(lambda: find_item(panel, "diploma").childCount() == 2, timeout=20000)  # and listed


def test_a_damaged_pdf_attached_in_the_english_window_is_said_in_english_and_back_in_chinese(
    qtbot, window, desk: Desk, tmp_path: Path
):
    """An HR officer working in English attaches a cut-off download: the reason pane says what is wrong
    in English (the defect is kept as its code, not as Chinese words), and in Chinese after switching
    back."""
    import re

    from hrdesk.ui.i18n import current_lang

    employee_id = add_employee(desk, tmp_path)
    window.act_language.trigger()  # Tools → 切换语言 (中文/English)
    assert current_lang() == "en"
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    whole = colour_scan(tmp_path / "whole.pdf", 2, label="CONTRACT").read_bytes()
    cut = tmp_path / "contract-cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])  # a download interrupted half-way
    panel.attach_files("labour-contract", [str(cut)])  # what a drop onto the slot does
    qtbot.waitUntil(lambda: not panel.busy_label.isVisible(), timeout=60000)
    settle(qtbot)

    def cut_item():
        slot = find_item(panel, "labour-contract")
        return next(
            (slot.child(i) for i in range(slot.childCount()) if slot.child(i).text(0) == cut.name), None
        )

    qtbot.waitUntil(lambda: cut_item() is not None, timeout=20000)
    stored = next(m for m in desk.materials.materials(employee_id) if m.original_name == cut.name)
    assert stored.defects and all(d.startswith("coded:") for d in stored.defects)  # its code, not words
    assert any("SCAN_TRUNCATED" in d for d in stored.defects)
    panel.tree.setCurrentItem(cut_item())
    reason = panel.reason.text()
    assert "incomplete" in reason, reason
    assert not re.search(r"[\u4e00-\u9fff]", reason), reason  # no Chinese on the English screen
    slot = find_item(panel, "labour-contract")
    assert slot.text(1) == "Defective"
    panel.tree.setCurrentItem(slot)  # the slot's verdict says the defect, in English too
    assert "incomplete" in panel.reason.text(), panel.reason.text()
    assert not re.search(r"[\u4e00-\u9fff]", panel.reason.text()), panel.reason.text()

    window.act_language.trigger()
    assert current_lang() == "zh"
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: cut_item() is not None, timeout=20000)
    panel.tree.setCurrentItem(cut_item())
    assert "PDF 不完整" in panel.reason.text(), panel.reason.text()


def test_remove_and_undo_buttons_write_on_the_writer(qtbot, window, desk: Desk, tmp_path: Path):
    employee_id, panel, material_id = _open_file(qtbot, window, desk, tmp_path, kind="diploma")
    QTest.mouseClick(button(panel, "移到回收站"), Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert material_id not in [m.id for m in desk.materials.materials(employee_id)]
    QTest.mouseClick(button(panel, "撤销移除"), Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert material_id in [m.id for m in desk.materials.materials(employee_id)]


def test_a_finding_is_readable_in_full_and_the_panel_fits_a_laptop(qtbot, window, desk: Desk, tmp_path: Path):
    employee_id = add_employee(desk, tmp_path, grey_hukou=True)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    file_item = find_item(panel, "hukou-pages", material=True)
    panel.tree.setCurrentItem(file_item)
    finding = file_item.text(2)
    assert finding and finding.split("；")[0] in panel.reason.text()  # the pane under the list, in full
    assert panel.reason.wordWrap() and panel.reason.isVisible()
    # 1366 less the employee list and the window's frame: the panel must not need more.
    assert panel.minimumSizeHint().width() <= 900, panel.minimumSizeHint().width()


def test_a_finding_names_the_guide_as_a_person_reads_it_in_either_language(
    qtbot, window, desk: Desk, tmp_path: Path
):
    from hrdesk.ui.i18n import current_lang

    employee_id = add_employee(desk, tmp_path, grey_hukou=True)
    stored = [d for m in desk.materials.materials(employee_id) for d in m.defects or ()]
    assert any("SCAN_NOT_COLOUR" in d for d in stored)  # stored as the code, said when shown
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    file_item = find_item(panel, "hukou-pages", material=True)
    panel.tree.setCurrentItem(file_item)
    shown = [panel.reason.text(), file_item.text(2), file_item.toolTip(2)]
    assert current_lang() == "zh"
    assert all("changping-2026" not in text for text in shown), shown
    assert "昌平区指南 三（一）" in panel.reason.text()
    slot = find_item(panel, "hukou-pages")
    panel.tree.setCurrentItem(slot)
    assert "changping-2026" not in panel.reason.text() and "yanqing-2024" not in panel.reason.text()


def test_the_trash_button_opens_the_trash_and_its_restore_button_puts_the_file_back(
    qtbot, window, desk: Desk, tmp_path: Path
):
    from tests.ui.modal import when_modal

    employee_id, panel, material_id = _open_file(qtbot, window, desk, tmp_path, kind="diploma")
    QTest.mouseClick(button(panel, "移到回收站"), Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: find_item(panel, "diploma").childCount() == 0, timeout=30000)
    steps: list[str] = []

    def in_the_trash(dialog) -> None:
        def restore_when_listed() -> None:
            if dialog.is_busy() or dialog.tree.topLevelItemCount() == 0:
                QTimer.singleShot(20, restore_when_listed)
                return
            steps.append(f"listed {dialog.tree.topLevelItemCount()}")
            dialog.tree.selectAll()
            QTest.mouseClick(button(dialog, "恢复"), Qt.MouseButton.LeftButton)
            close_when_stored()

        def close_when_stored() -> None:
            if dialog.is_busy():
                QTimer.singleShot(20, close_when_stored)
                return
            steps.append(f"left {dialog.tree.topLevelItemCount()}")
            QTest.mouseClick(button(dialog, "关闭"), Qt.MouseButton.LeftButton)

        restore_when_listed()

    when_modal(in_the_trash)
    QTest.mouseClick(button(panel, "回收站…"), Qt.MouseButton.LeftButton)  # modal until 关闭
    assert steps == ["listed 1", "left 0"]
    wait_pool(qtbot)
    assert material_id in [m.id for m in desk.materials.materials(employee_id)]
    qtbot.waitUntil(lambda: find_item(panel, "diploma").childCount() == 1, timeout=30000)  # drawn again
