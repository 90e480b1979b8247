"""The person whose page is open stays the one the toolbar acts on when a search hides them from the
list: 打印表格 asks which form to print for them instead of saying 请先选择一名员工."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from ..packs.test_materials_gui import add_employee
from .conftest import wait_pool


def test_print_form_acts_on_the_open_person_while_a_search_hides_them(qtbot, window, desk, tmp_path: Path):
    employee_id = add_employee(desk, tmp_path, name="王小明")
    window.reload(employee_id)
    wait_pool(qtbot)
    window.select_employee(employee_id)
    qtbot.waitUntil(lambda: window.detail.employee_id == employee_id, timeout=30000)

    QTest.keyClicks(window.search, "zzzz")  # nobody matches: the list is empty, the page stays
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0, timeout=10000)
    assert window.stack.currentWidget() is window.detail and window.current_employee_id() is None

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, answer)
            return
        seen.append(type(box).__name__)
        if isinstance(box, QInputDialog | QMessageBox):
            box.reject()

    QTimer.singleShot(0, answer)
    action = next(a for a in window.findChildren(QAction) if a.text() == "打印表格…")
    button = window.toolbar.widgetForAction(action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen == ["QInputDialog"]  # the form choice for 王小明, not the 请先选择一名员工 box
