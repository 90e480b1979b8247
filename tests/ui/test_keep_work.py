"""Never lose the user's work, never hide what is urgent, driven through the real window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.desks.desk import Desk
from hrdesk.rules.profile import Permit

from ..timeless import keep_current
from .conftest import wait_pool
from .modal import when_modal

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)  # the day the examples were written for
Save, Discard, Cancel = (
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)


def _two(desk: Desk) -> tuple[int, int]:
    a = desk.employees.add_profile(
        keep_current(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
    )
    b = desk.employees.add_profile(
        keep_current(load_profile_file(ROOT / "examples" / "yanqing-employer-change.json"))
    )
    return a, b


def _open(qtbot, window, employee_id: int) -> None:
    window.select_employee(employee_id)
    wait_pool(qtbot)
    assert window.detail.employee_id == employee_id


def test_an_edit_survives_switching_employees_after_saving(qtbot, window, desk: Desk, monkeypatch):
    a, b = _two(desk)
    window.reload()
    _open(qtbot, window, a)
    form = window.detail.profile
    assert not form.is_modified() and not window.isWindowModified()
    form.housing_address.setText("延庆区妫水北街 1 号")
    assert form.is_modified() and window.isWindowModified()
    assert window.detail.tabText(0).endswith("●")
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_unsaved", lambda name: asked.append(name) or Save)
    window.select_employee(b)  # the user clicks another employee
    wait_pool(qtbot)
    assert asked and window.detail.employee_id == b
    assert window.current_employee_id() == b
    assert "已保存" in window.statusBar().currentMessage()
    assert desk.employees.profile(a).employee.housing.address == "延庆区妫水北街 1 号"
    _open(qtbot, window, a)  # going back: the edit is there
    assert form.housing_address.text() == "延庆区妫水北街 1 号" and not form.is_modified()


def test_cancel_stays_and_discard_drops(qtbot, window, desk: Desk, monkeypatch):
    a, b = _two(desk)
    window.reload()
    _open(qtbot, window, a)
    form = window.detail.profile
    before = form.housing_address.text()
    form.housing_address.setText("改了但没保存")
    monkeypatch.setattr(window, "ask_unsaved", lambda name: Cancel)
    window.select_employee(b)
    wait_pool(qtbot)
    assert window.detail.employee_id == a and window.current_employee_id() == a
    assert form.housing_address.text() == "改了但没保存"  # still there, still unsaved
    monkeypatch.setattr(window, "ask_unsaved", lambda name: Discard)
    window.select_employee(b)
    wait_pool(qtbot)
    assert window.detail.employee_id == b
    assert desk.employees.profile(a).employee.housing.address == before


def test_the_real_question_has_save_discard_cancel(qtbot, window, desk: Desk):
    a, b = _two(desk)
    window.reload()
    _open(qtbot, window, a)
    window.detail.profile.housing_address.setText("问一下")
    seen: list[str] = []

    def answer(box: QMessageBox) -> None:
        seen.extend(b.text() for b in box.buttons())
        box.button(Cancel).click()

    when_modal(answer, QMessageBox)
    window.select_employee(b)
    assert sorted(seen) == sorted(["保存", "不保存", "取消"])
    assert window.detail.employee_id == a


def test_a_refreshed_case_never_overwrites_edits(qtbot, window, desk: Desk):
    a, _b = _two(desk)
    window.reload()
    _open(qtbot, window, a)
    window.detail.profile.housing_address.setText("正在输入")
    window.apply_changes([a])  # e.g. a material was attached meanwhile
    wait_pool(qtbot)
    assert window.detail.profile.housing_address.text() == "正在输入"


def test_delete_in_the_materials_tree_never_offers_to_delete_the_employee(
    qtbot, window, desk: Desk, monkeypatch
):
    a, _b = _two(desk)
    window.reload()
    _open(qtbot, window, a)
    questions: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **k: questions.append(args[2]) or QMessageBox.No
    )
    detail = window.detail
    detail.setCurrentWidget(detail.materials)
    tree = detail.materials.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    detail.setCurrentWidget(detail.profile)
    income = detail.profile.income
    income.setFocus()
    income.setCurrentCell(0, 1)
    qtbot.keyClick(income, Qt.Key.Key_Delete)
    qtbot.keyClick(detail.profile.name, Qt.Key.Key_Delete)
    wait_pool(qtbot)
    assert not any("删除员工" in q or "全部记录" in q for q in questions)
    assert len(desk.employees.summaries()) == 2
    # From the list it does ask, with the name shown.
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    name = desk.employees.employee(a).name
    assert questions and name in questions[-1]


def test_undo_brings_a_deleted_employee_back(qtbot, window, desk: Desk, monkeypatch):
    a, _b = _two(desk)
    desk.applications.open_application(a, "new")
    window.reload()
    _open(qtbot, window, a)
    name = desk.employees.employee(a).name
    materials = len(desk.materials.materials(a))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **k: QMessageBox.StandardButton.Yes)
    window.delete_employee()
    wait_pool(qtbot)
    assert name not in {s.name for s in desk.employees.summaries()}
    assert window.act_undo.isEnabled() and name in window.act_undo.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_pool(qtbot)
    (back,) = [s for s in desk.employees.summaries() if s.name == name]
    assert len(desk.materials.materials(back.id)) == materials
    assert [x.business for x in desk.applications.applications(back.id)] == ["new"]
    assert window.model.row_of(back.id) is not None
    assert not window.act_undo.isEnabled()


@pytest.fixture
def overdue_window(qtbot, data_dir: Path, settings_dir: Path):
    """吕杰's case: the last safe renewal day has passed, the permit still lives (a fixed clock)."""
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.main_window import MainWindow

    with Desk.open(data_dir) as desk:
        for name in ("yanqing-new-ready", "changping-new-ready"):
            desk.employees.add_profile(load_profile_file(ROOT / "examples" / f"{name}.json"))
        late = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
        late.employee.name = "吕杰"
        late.employee.permit = Permit("GZ1", date(2023, 12, 10), ON + timedelta(days=10), "active")
        late_id = desk.employees.add_profile(late)
        desk.employees.refresh_statuses(ON)
        set_language("zh")
        window = MainWindow(desk, data_dir, clock=FixedClock.on(ON))

        def before_close(win) -> None:
            wait_pool(qtbot)

        qtbot.addWidget(window, before_close_func=before_close)
        window.resize(1400, 860)
        window.show()
        wait_pool(qtbot)
        yield window, late_id
        wait_pool(qtbot)
        set_language("zh")


def test_an_overdue_employee_sorts_first_and_is_red(qtbot, overdue_window):
    window, late_id = overdue_window
    first = window.proxy.index(0, 0)
    assert window.proxy.data(first, Qt.ItemDataRole.UserRole + 2).id == late_id
    assert window.proxy.data(first, Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert "已逾期" in window.proxy.index(0, 1).data()
    for column in range(6):  # whatever column the user sorts by, overdue stays on top
        window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        assert window.proxy.data(window.proxy.index(0, 0), Qt.ItemDataRole.UserRole + 2).id == late_id
    # The dashboard's 逾期 card counts and filters to them.
    assert window.dashboard.urgency_counts()["overdue"] == 1
    window.dashboard.urgency_buttons["overdue"].click()
    assert window.proxy.rowCount() == 1
    window.open_employee(late_id)
    wait_pool(qtbot)
    assert window.proxy.rowCount() == 3
    window.detail.setCurrentWidget(window.detail.eligibility)
    banner = window.detail.eligibility.banner
    assert banner.isVisibleTo(window) and "已过最晚安全提交日" in banner.text()


def test_closing_to_the_tray_is_a_setting(qtbot, window, monkeypatch):
    class Tray:  # the real controller's tray is not available offscreen: only availability is faked
        available = True

        def __init__(self) -> None:
            self.messages: list[str] = []
            self.tray = self

        def showMessage(self, title: str, text: str) -> None:  # noqa: N802
            self.messages.append(title)

    window.tray = Tray()
    window.close()
    assert not window.isVisible() and window.tray.messages == ["hrdesk 仍在运行"]
    window.show()
    window.close()
    assert len(window.tray.messages) == 1  # the notice is said once
    window.settings.setValue("tray/close_to_tray", False)
    window.show()
    assert not window.close_to_tray()
    window.tray = None


def test_a_duplicate_id_number_is_refused_with_a_link_to_the_record(qtbot, window, desk: Desk, unit_id):
    a, b = _two(desk)
    existing = desk.employees.employee(a)
    window.reload()
    window.new_employee()
    form = window.detail.profile
    form.name.setText("重复的人")
    qtbot.keyClicks(form.id_number, existing.id_number)
    qtbot.keyClicks(form.hired_on, "2024-03-01")
    assert form.save_button.isEnabled()

    def open_existing(box: QMessageBox) -> None:
        assert existing.name in box.text()
        next(b for b in box.buttons() if existing.name in b.text()).click()

    when_modal(open_existing, QMessageBox)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.detail.employee_id == a, timeout=10000)
    wait_pool(qtbot)
    assert len(desk.employees.summaries()) == 2  # nothing stored
    assert window.current_employee_id() == a and form.name.text() == existing.name
    # Changing a stored employee to another's number is refused the same way (the service says so).
    from hrdesk.employees.service import DuplicateIdNumber

    profile = desk.employees.profile(b)
    profile.employee.id_number = existing.id_number
    with pytest.raises(DuplicateIdNumber) as refused:
        desk.employees.update_profile(b, profile)
    assert refused.value.existing_id == a


def test_undo_takes_back_a_status_change(qtbot, window, desk: Desk):
    a, _b = _two(desk)
    app_id = desk.applications.open_application(a, "new")
    window.reload()
    _open(qtbot, window, a)
    events = len(desk.applications.application_events(app_id))
    window.detail.applications.change_status("submitted")
    wait_pool(qtbot)
    assert desk.applications.applications(a)[0].status == "submitted"
    assert "已提交" in window.act_undo.text()
    window.act_undo.trigger()
    wait_pool(qtbot)
    assert desk.applications.applications(a)[0].status == "draft"
    assert len(desk.applications.application_events(app_id)) == events
    assert window.detail.applications.table.rowCount() == events  # the tab shows it


def test_an_empty_database_shows_the_first_run_steps(qtbot, window, desk: Desk):
    assert window.stack.currentWidget() is window.first_run
    _two(desk)
    window.reload()
    assert window.stack.currentWidget() is window.dashboard
    assert window.first_run.current_step() == 3  # units and employees done
