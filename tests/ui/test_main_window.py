"""Driving the main window as a user would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
from PySide6.QtCore import Qt

from hrdesk.catalogue import said
from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk

from ..timeless import keep_current
from .conftest import wait_pool

ROOT = Path(__file__).resolve().parents[2]


def test_add_employee_with_wrong_id_then_fix_and_save(qtbot, window, desk: Desk, unit_id: int):
    window.reload()
    window.new_employee()
    form = window.detail.profile
    form.name.setText("测试员工")  # QTest cannot type CJK characters; the ID and dates are typed
    qtbot.keyClicks(form.id_number, "130102199001011238")  # wrong check digit
    qtbot.keyClicks(form.hired_on, "2024-03-01")
    assert form._errors["id_number"].isVisibleTo(form)
    assert "校验" in form._errors["id_number"].text()
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert desk.employees.summaries() == []  # nothing saved
    form.id_number.clear()
    qtbot.keyClicks(form.id_number, "130102199001011237")
    assert not form._errors["id_number"].isVisibleTo(form)
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_pool(qtbot)  # the save runs on the writer thread
    saved = desk.employees.summaries()
    assert [s.name for s in saved] == ["测试员工"]
    assert window.model.rowCount() == 1
    qtbot.waitUntil(
        lambda: window.current_employee_id() == saved[0].id, timeout=5000
    )  # selected after the write


def test_bad_dates_and_income_are_flagged_next_to_the_field(qtbot, window, unit_id: int):
    window.reload()
    window.new_employee()
    form = window.detail.profile
    qtbot.keyClicks(form.hired_on, "2024-02-30")
    assert "真实日期" in form._errors["hired_on"].text()
    form.income.item(0, 1).setText("一万")
    assert form._errors["income"].isVisibleTo(form)


def _load_examples(desk: Desk) -> None:
    for name in (
        "changping-new-ready",
        "changping-new-income-below",
        "yanqing-new-ready",
        "changping-renewal-window-open",
        "yanqing-employer-change",
    ):
        desk.employees.add_profile(keep_current(load_profile_file(ROOT / "examples" / f"{name}.json")))


def test_search_filter_and_eligibility(qtbot, window, desk: Desk):
    _load_examples(desk)
    window.reload()
    assert window.proxy.rowCount() == 5
    window.search.setText("王五")
    assert window.proxy.rowCount() == 1
    window.search.setText("wangwu")  # pinyin finds the name too
    assert window.proxy.rowCount() == 1
    window.search.setText("WW")  # initials
    assert window.proxy.rowCount() == 1
    window.search.clear()
    qtbot.keyClicks(window.search, "110229")  # part of an ID number
    assert window.proxy.rowCount() == 2
    window.search.clear()
    window.filter_status("not-eligible")
    names = {window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())}
    assert "王五" in names and "张三" not in names
    window.move_selection(1)
    wait_pool(qtbot)
    detail = window.detail
    detail.setCurrentIndex(1)
    detail.eligibility.set_business("new")
    wait_pool(qtbot)
    findings = [
        detail.eligibility.findings.item(r, 1).text() for r in range(detail.eligibility.findings.rowCount())
    ]
    assert any("低于 14,324" in f for f in findings)
    sources = [
        detail.eligibility.findings.item(r, 2).text() for r in range(detail.eligibility.findings.rowCount())
    ]
    assert "昌平区指南 二（二）5" in sources  # the citation as people read it


def test_dashboard_counts_and_month_filter(qtbot, window, desk: Desk):
    _load_examples(desk)
    window.reload()
    counts = window.dashboard.counts()
    assert sum(counts.values()) == 5
    chart = window.dashboard.chart
    expiring = [(m, c) for m, c in zip(chart.months, chart.counts, strict=True) if c]
    assert expiring
    (year, month), count = expiring[0]
    window.filter_month(year, month)
    assert window.proxy.rowCount() == count


def test_switch_language_keeps_work(qtbot, window, desk: Desk, unit_id: int):
    from hrdesk.ui.i18n import current_lang

    window.reload()
    window.new_employee()
    window.detail.profile.name.setText("未保存的名字")
    window.toggle_language()
    qtbot.wait(10)
    assert current_lang() == "en"
    assert "Work Residence Permit" in window.windowTitle()
    assert window.menu_file.title() == "File"
    assert window.detail.profile.name.text() == "未保存的名字"
    assert window.detail.tabText(0) == "Profile"
    window.toggle_language()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件", timeout=2000)


def test_delete_asks_first(qtbot, window, desk: Desk, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _load_examples(desk)
    window.reload()
    window.move_selection(1)
    wait_pool(qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_employee()
    wait_pool(qtbot)
    assert len(desk.employees.summaries()) == 5
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_employee()
    wait_pool(qtbot)
    assert len(desk.employees.summaries()) == 4


def _scan(path: Path, grey: bool = False) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(page.rect, color=None, fill=(0.95, 0.9, 0.8))
    page.draw_rect(pymupdf.Rect(50, 50, 500, 200), color=None, fill=(0.2, 0.4, 0.9))
    page.insert_text((72, 300), "scan " * 20)
    pix = page.get_pixmap(dpi=160, colorspace=pymupdf.csGRAY if grey else pymupdf.csRGB)
    out = pymupdf.open()
    target = out.new_page()
    target.insert_image(target.rect, stream=pix.tobytes("jpeg"))
    out.save(path)
    return path


def test_drop_on_missing_slot_makes_it_ok_and_greyscale_is_defective(
    qtbot, window, desk: Desk, tmp_path: Path
):
    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    profile.materials = [m for m in profile.materials if m.kind not in ("hukou-pages", "diploma")]
    employee_id = desk.employees.add_profile(profile)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    panel = window.detail.materials
    status = {m.kind: m.status for m in panel.result.materials}
    assert status["hukou-pages"] == "missing"
    panel.attach_files("hukou-pages", [str(_scan(tmp_path / "hukou.pdf"))])
    wait_pool(qtbot)
    qtbot.waitUntil(
        lambda: {m.kind: m.status for m in panel.result.materials}["hukou-pages"] == "ok", timeout=5000
    )
    panel.attach_files("diploma", [str(_scan(tmp_path / "diploma-grey.pdf", grey=True))])
    wait_pool(qtbot)
    qtbot.waitUntil(
        lambda: {m.kind: m.status for m in panel.result.materials}["diploma"] == "defective", timeout=5000
    )
    assert "材料" in window.detail.tabText(2)
    assert desk.employees.check(employee_id, "new", date.today()).eligible


def test_sorting_by_deadline_keeps_the_selection(qtbot, window, desk: Desk):
    from hrdesk.employees.views import urgency_rank
    from hrdesk.text.pinyin import sort_key
    from hrdesk.ui.employees.employee_model import COL_DEADLINE, COL_NAME, ROW_ROLE

    _load_examples(desk)
    window.reload()
    window.move_selection(1)
    wait_pool(qtbot)
    selected = window.current_employee_id()
    window.table.sortByColumn(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    deadlines = [window.proxy.index(r, COL_DEADLINE).data() for r in range(window.proxy.rowCount())]
    assert deadlines == sorted(deadlines)
    assert window.current_employee_id() == selected
    window.table.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    rows = [window.proxy.index(r, COL_NAME).data(ROW_ROLE) for r in range(window.proxy.rowCount())]
    # Overdue, then due this week, stay on top whatever the column; each group in the chosen order.
    ranks = [urgency_rank(r.urgency) for r in rows]
    assert ranks == sorted(ranks)
    for rank in set(ranks):
        names = [r.name for r in rows if urgency_rank(r.urgency) == rank]
        assert names == sorted(names, key=sort_key, reverse=True)  # pinyin: 张 zhang after 王 wang


def test_rotate_a_page_makes_a_new_vault_file_and_keeps_the_old(qtbot, window, desk: Desk, tmp_path: Path):
    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    employee_id = desk.employees.add_profile(profile)
    material = desk.materials.attach(employee_id, "diploma", _scan(tmp_path / "d.pdf"))
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    panel = window.detail.materials
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        for j in range(group.childCount()):
            for k in range(group.child(j).childCount()):
                child = group.child(j).child(k)
                if child.data(0, Qt.ItemDataRole.UserRole + 2) == material.id:
                    panel.tree.setCurrentItem(child)
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: panel.preview.page_count == 1, timeout=5000)
    panel.rotate_page(panel.preview.page, 90)  # 向右旋转: rewritten and scanned on the writer thread
    wait_pool(qtbot)
    rotated = desk.materials.material(material.id)
    assert rotated.sha256 != material.sha256
    assert any("旋转" in said(d) for d in rotated.defects or [])  # the scan check sees the rotated page
    assert desk.uow.vault.path(material.sha256).exists()  # the old version waits in the trash
    assert [m.sha256 for m in desk.trash.trash()] == [material.sha256]


def test_preview_renders_pages_and_explains_unreadable_files(qtbot, settings_dir, tmp_path: Path):
    from hrdesk.ui.materials.pdf_preview import PdfPreview

    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.set_file(_scan(tmp_path / "ok.pdf"))
    qtbot.waitUntil(lambda: not preview.image.pixmap().isNull(), timeout=5000)
    assert preview.page_count == 1
    before = preview.dpi
    preview.resize(900, 700)
    preview.fit_page()
    assert preview.dpi != before
    doc = pymupdf.open()
    doc.new_page()
    doc.save(tmp_path / "secret.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    preview.set_file(tmp_path / "secret.pdf")
    qtbot.waitUntil(lambda: "加密" in preview.image.text(), timeout=5000)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    preview.set_file(tmp_path / "broken.pdf")
    qtbot.waitUntil(lambda: "损坏" in preview.image.text(), timeout=5000)


def test_thumbnails_and_page_reorder(qtbot, window, desk: Desk, tmp_path: Path):
    doc = pymupdf.open()
    for n in range(3):
        page = doc.new_page()
        page.draw_rect(page.rect, color=None, fill=(0.9, 0.8 - n * 0.2, 0.3))
        page.insert_text((72, 72), f"page {n + 1}")
    doc.save(tmp_path / "three.pdf")
    employee_id = desk.employees.add_profile(
        keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    )
    material = desk.materials.attach(employee_id, "diploma", tmp_path / "three.pdf")
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    panel = window.detail.materials
    panel.preview.set_file(desk.materials.material_path(material))
    qtbot.waitUntil(lambda: panel.preview.thumbs.count() == 3, timeout=5000)
    panel.preview.thumbs.setCurrentRow(2)
    qtbot.waitUntil(lambda: panel.preview.page == 2, timeout=5000)
    # Select the material row so the panel knows which record the file belongs to, then move page 3 first.
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        for j in range(group.childCount()):
            for k in range(group.child(j).childCount()):
                if group.child(j).child(k).data(0, Qt.ItemDataRole.UserRole + 2) == material.id:
                    panel.tree.setCurrentItem(group.child(j).child(k))
    qtbot.waitUntil(lambda: panel.preview.path == desk.materials.material_path(material), timeout=5000)
    panel.move_page(2, 0)
    wait_pool(qtbot)
    moved = desk.materials.material(material.id)
    assert moved.sha256 != material.sha256
    with pymupdf.open(desk.materials.material_path(moved)) as doc:
        assert "page 3" in doc[0].get_text() and "page 1" in doc[1].get_text()


def test_applications_and_children_tabs_edit_the_records(qtbot, window, desk: Desk):
    employee_id = desk.employees.add_profile(
        keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    )
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    apps = window.detail.applications
    assert apps.employee_id == employee_id
    desk.applications.open_application(employee_id, "new")
    window.apply_changes([employee_id])  # written behind the window's back: show it
    wait_pool(qtbot)
    apps.change_status("returned", "请补充租赁合同")
    wait_pool(qtbot)
    texts = [apps.table.item(r, 3).text() for r in range(apps.table.rowCount())]
    assert "请补充租赁合同" in texts
    assert [
        e.status
        for e in desk.applications.application_events(desk.applications.applications(employee_id)[0].id)
    ] == [
        "draft",
        "returned",
    ]
    kids = window.detail.children
    kids.add_child("张小四", date(2021, 3, 1))
    wait_pool(qtbot)
    assert [c.name for c in desk.employees.profile(employee_id).employee.children] == ["张小三", "张小四"]
    kids.table.setCurrentCell(0, 0)
    kids.remove_child()
    wait_pool(qtbot)
    assert [c.name for c in desk.employees.profile(employee_id).employee.children] == ["张小四"]


def test_ics_export_from_the_calendar_cancels_events_of_a_deleted_employee(
    qtbot, window, desk: Desk, tmp_path: Path, monkeypatch
):
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    _load_examples(desk)
    window.reload()
    wait_pool(qtbot)
    target = tmp_path / "deadlines.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.export_ics()
    first = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert first and not any(str(e.get("STATUS", "")) == "CANCELLED" for e in first)
    gone = str(first[0]["UID"])
    desk.employees.delete_employee(int(gone.split("-")[0]))  # UIDs start with the employee's id
    window.reload()
    wait_pool(qtbot)
    window.export_ics()
    again = {
        str(e["UID"]): str(e.get("STATUS", ""))
        for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    assert again.get(gone) == "CANCELLED"
