"""What the list and the case show a person: every active filter as a chip with its own ✕ and the count
shown, a language switch that reaches the calendar, the open case and the status bar, blockers first,
guide citations as people read them, and a chart axis of month names."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLocale, Qt

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.ui.dashboard import axis_labels

from .conftest import wait_pool

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _two_employees(qtbot, window, desk: Desk) -> list[int]:
    ids = [
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / name))
        for name in ("changping-new-ready.json", "yanqing-new-not-eligible.json")
    ]
    window.reload()
    wait_pool(qtbot)
    return ids


def test_each_filter_shows_a_chip_whose_cross_lifts_it(qtbot, window, desk: Desk) -> None:
    _two_employees(qtbot, window, desk)
    filters = window.filters
    assert filters.chip_bar.isHidden()  # nothing filtered: no bar
    qtbot.mouseClick(window.dashboard.urgency_buttons["overdue"], Qt.MouseButton.LeftButton)
    assert not filters.chip_bar.isHidden()
    assert [c.text() for c in filters.chips] == ["已逾期（立即处理）  ✕"]  # as the card reads
    assert filters.shown_label.text() == f"显示 {window.proxy.rowCount()} / 2"
    qtbot.mouseClick(filters.chips[0], Qt.MouseButton.LeftButton)
    assert filters.chip_bar.isHidden() and window.proxy.rowCount() == 2

    window.filter_status("ready")
    qtbot.keyClicks(window.search, "zzz")
    texts = [c.text() for c in filters.chips]
    assert any(t.startswith("搜索：zzz") for t in texts) and any(
        "可提交" in t or "材料齐全" in t or t for t in texts
    )
    assert len(texts) == 2 and filters.shown_label.text() == "显示 0 / 2"
    window.filter_month(2030, 5)
    assert any("2030 年 5 月到期" in c.text() for c in filters.chips)
    qtbot.mouseClick(filters.clear_all, Qt.MouseButton.LeftButton)
    assert filters.chip_bar.isHidden() and window.proxy.rowCount() == 2 and window.search.text() == ""


def test_language_switch_reaches_calendar_open_case_and_status_bar(qtbot, window, desk: Desk) -> None:
    ids = _two_employees(qtbot, window, desk)
    window.select_employee(ids[1])
    qtbot.waitUntil(window.case_shown, timeout=15000)
    wait_pool(qtbot)
    findings = window.detail.eligibility.findings
    assert HAN.search(findings.item(0, 1).text())
    window.statusBar().showMessage("已保存 ✓")
    window.toggle_language()
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: not HAN.search(findings.item(0, 1).text()), timeout=15000)
    assert window.calendar.calendar.locale().language() == QLocale.Language.English
    assert window.statusBar().currentMessage() == ""
    assert not HAN.search(window.detail.eligibility.verdict.text())
    window.toggle_language()
    wait_pool(qtbot)
    assert window.calendar.calendar.locale().language() == QLocale.Language.Chinese


def test_blockers_first_and_citations_as_people_read_them(qtbot, window, desk: Desk) -> None:
    ids = _two_employees(qtbot, window, desk)
    window.select_employee(ids[1])  # not eligible: blockers among warnings
    qtbot.waitUntil(window.case_shown, timeout=15000)
    wait_pool(qtbot)
    table = window.detail.eligibility.findings
    severities = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "阻断" in severities
    order = {"阻断": 0, "警告": 1, "提示": 2}
    assert severities == sorted(severities, key=order.__getitem__)
    sources = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert any("指南" in s for s in sources)
    assert not any(re.search(r"(changping|yanqing)-20\d\d", s) for s in sources)
    assert not any("(" in s for s in sources if "指南" in s)  # the guide's full-width brackets


def test_the_chart_axis_reads_months_and_years() -> None:
    months = [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]
    assert axis_labels(months, "zh") == [("11月", "2026年"), ("12月", ""), ("1月", "2027年"), ("2月", "")]
    assert axis_labels(months, "en") == [("Nov", "2026"), ("Dec", ""), ("Jan", "2027"), ("Feb", "")]


def _wheel(widget, steps: int = -1) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_and_ctrl_s_saves(qtbot, window, desk: Desk) -> None:
    ids = _two_employees(qtbot, window, desk)
    window.resize(1100, 600)
    window.select_employee(ids[0])
    qtbot.waitUntil(window.case_shown, timeout=15000)
    wait_pool(qtbot)
    form = window.detail.profile
    window.detail.setCurrentWidget(form)
    qtbot.waitExposed(form)
    from PySide6.QtWidgets import QComboBox

    combo = next(c for c in form.findChildren(QComboBox) if c.isVisible() and c.count() > 2)
    before, bar = combo.currentIndex(), form.scroll.verticalScrollBar()
    bar.setValue(0)
    _wheel(combo)
    assert combo.currentIndex() == before  # not focused: the field is left alone
    assert bar.value() > 0  # the form scrolled instead
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    _wheel(combo)
    assert combo.currentIndex() != before  # focused: the wheel is the field's

    form.name.setFocus()
    saved: list[int] = []
    form.saved.connect(saved.append)
    qtbot.keyClick(form.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: bool(saved), timeout=15000)
    assert saved == [ids[0]]


def test_an_employee_page_brought_back_shows_what_changed_meanwhile(
    qtbot, window, desk: Desk, tmp_path: Path
) -> None:
    """The calendar in front, a scan is stored for the employee still chosen in the list; clicking them
    in the list brings their page back (the same row again) with the scan in its slot, not as it was."""
    from PySide6.QtWidgets import QToolButton

    from hrdesk.ui.employees.employee_model import ROW_ROLE

    from .test_main_window import _scan

    profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    profile.materials = [m for m in profile.materials if m.kind != "hukou-pages"]
    employee_id = desk.employees.add_profile(profile)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials

    def hukou() -> str:
        return {m.kind: m.status for m in panel.result.materials}["hukou-pages"]

    assert hukou() == "missing"
    calendar = next(b for b in window.toolbar.findChildren(QToolButton) if b.text() == "期限日历")
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.calendar
    scan = _scan(tmp_path / "hukou.pdf")
    window.run_op(lambda d: d.materials.attach(employee_id, "hukou-pages", scan), [employee_id])
    wait_pool(qtbot)
    row = next(
        r for r in range(window.proxy.rowCount()) if window.proxy.index(r, 0).data(ROW_ROLE).id == employee_id
    )
    place = window.table.visualRect(window.proxy.index(row, 0)).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=place)
    assert window.stack.currentWidget() is window.detail
    wait_pool(qtbot)
    assert hukou() == "ok"


def test_a_damaged_scan_says_why_where_the_person_looks(qtbot, window, desk: Desk, tmp_path: Path) -> None:
    """A damaged PDF dropped on 学历证书 while another slot is selected: the new file's line is selected,
    the reason pane under the list names the file and says to scan it again, the preview says it cannot
    show it; not only a column of the tree, half off screen."""
    from ..packs.test_materials_gui import find_item

    profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    employee_id = desk.employees.add_profile(profile)
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    window.detail.setCurrentWidget(window.detail.materials)
    panel = window.detail.materials
    panel.tree.setCurrentItem(find_item(panel, "labour-contract"))
    wait_pool(qtbot)
    damaged = tmp_path / "毕业证扫描.pdf"
    damaged.write_bytes(b"%PDF-1.4\n" + b"not a pdf " * 100)
    panel.tree.filesDropped.emit("diploma", [str(damaged)])  # what dropping it on the slot sends
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: panel.tree.currentItem().text(0) == damaged.name, timeout=15000)
    wait_pool(qtbot)
    reason = panel.reason.text()
    assert reason.startswith(f"{damaged.name}：") and "请重新扫描" in reason, reason
    assert "无法预览" in panel.preview.image.text()
