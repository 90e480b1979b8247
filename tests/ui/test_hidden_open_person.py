"""A filter or a search that hides the person whose page is open: the page stays, nobody else is opened in
their place, the list says the open person is hidden by the filter, and lifting the filter selects their
row again. Driven the way a person does it: clicking rows, choosing a district, typing in the search."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.ui.employees.employee_model import ROW_ROLE

from .conftest import wait_pool

ROOT = Path(__file__).resolve().parents[2]


def _click_row(qtbot, window, employee_id: int) -> None:
    (row,) = [
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.data(window.proxy.index(r, 0), ROW_ROLE).id == employee_id
    ]
    rect = window.table.visualRect(window.proxy.index(row, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(window.case_shown, timeout=15000)


def _choose(box, text: str) -> None:
    """Choose an entry of a filter box as a person does: open it, pick the line."""
    box.showPopup()
    view = box.view()
    index = box.model().index(box.findText(text), 0)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_the_list_says_the_open_person_is_hidden_and_selects_them_again(qtbot, window, desk: Desk) -> None:
    changping, yanqing = (
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / name))
        for name in ("changping-new-ready.json", "yanqing-new-not-eligible.json")
    )
    window.reload()
    wait_pool(qtbot)
    name = desk.employees.profile(yanqing).employee.name
    note = window.filters.hidden_open
    _click_row(qtbot, window, yanqing)
    assert note.isHidden()

    _choose(window.district_filter, "昌平区")  # hides the open person, shows the other
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    assert window.detail.employee_id == yanqing and window.stack.currentWidget() is window.detail
    assert window.current_employee_id() is None  # no row chosen: nobody else opened in their place
    assert not note.isHidden() and name in note.text() and "筛选" in note.text()

    window.filters.chips[0].click()  # the chip's ✕: the district filter lifted
    assert window.current_employee_id() == yanqing and note.isHidden()

    QTest.keyClicks(window.search, "zzz")  # a search that matches nobody
    assert window.proxy.rowCount() == 0 and window.detail.employee_id == yanqing
    assert not note.isHidden() and name in note.text()
    window.search.clear()
    assert window.current_employee_id() == yanqing and note.isHidden()

    _choose(window.district_filter, "昌平区")
    assert not note.isHidden()
    _click_row(qtbot, window, changping)  # the other person, shown by the filter, opened instead
    assert window.detail.employee_id == changping and note.isHidden()

    _click_row(qtbot, window, changping)
    _choose(window.district_filter, "延庆区")  # now they are hidden …
    assert not note.isHidden()
    window.act_dashboard.trigger()  # … until their page is closed for the overview
    assert note.isHidden()
    wait_pool(qtbot)
