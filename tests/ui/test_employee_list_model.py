"""The list's model and its filter without a window: an unfiltered list shows every row without the filter
looking at each (the start at 50,000), and each filter, set and cleared, still shows exactly its rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from hrdesk.checks.check import load_profile_file
from hrdesk.employees.list_filter import ListFilter
from hrdesk.employees.views import EmployeeSummary
from hrdesk.ui.employees.employee_model import COL_NAME, ROW_ROLE, EmployeeFilterProxy, EmployeeTableModel

from .conftest import wait_pool

ROOT = Path(__file__).resolve().parents[2]


def summary(i: int, status: str, urgency: str | None = None) -> EmployeeSummary:
    return EmployeeSummary(
        i, f"员工{i}", "1101**********0011", 1 + i % 2, "北京示例科技有限公司", "changping",
        date(2027, 1 + i % 12, 1), status, None, None, f"员工{i} yuangong{i}", urgency, f"yuan gong {i}",
    )  # fmt: skip


def shown_ids(proxy: EmployeeFilterProxy) -> list[int]:
    model = proxy.sourceModel()
    return sorted(
        model.row_at(proxy.mapToSource(proxy.index(n, 0)).row()).id for n in range(proxy.rowCount())
    )


def test_filters_set_and_cleared(qapp):
    model, proxy = EmployeeTableModel(), EmployeeFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(
        [summary(i, "ready" if i % 3 else "expired", "overdue" if i == 4 else None) for i in range(9)]
    )
    assert shown_ids(proxy) == list(range(9))
    proxy.set_filters(status="expired")
    assert shown_ids(proxy) == [0, 3, 6]
    model.set_rows(
        [summary(i, "ready" if i % 3 else "expired") for i in range(12)]
    )  # a reload keeps the filter
    assert shown_ids(proxy) == [0, 3, 6, 9]
    proxy.set_filters()
    proxy.set_search("yuangong1")
    assert shown_ids(proxy) == [1, 10, 11]
    proxy.set_search("")
    assert shown_ids(proxy) == list(range(12))
    proxy.urgency = lambda r: r.id % 5 == 0  # the dashboard's card
    assert shown_ids(proxy) == [0, 5, 10]
    proxy.urgency = None
    proxy.set_filters()
    assert shown_ids(proxy) == list(range(12))


def current_id(view: QTableView) -> int | None:
    index = view.currentIndex()
    return index.data(ROW_ROLE).id if index.isValid() else None


def test_selection_follows_its_employee_through_search_sort_and_saves(qapp):
    """The person selected stays selected while the list narrows, widens or re-sorts around them; one the
    filter hides leaves no selection behind (not a neighbour in their place)."""
    model, proxy = EmployeeTableModel(), EmployeeFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    model.set_rows([summary(i, "ready" if i % 3 else "expired") for i in range(30)])
    view.setCurrentIndex(proxy.index(model.row_of(12), 0))
    proxy.set_search("yuangong1")  # 1, 10–19
    assert current_id(view) == 12 and shown_ids(proxy) == [1, *range(10, 20)]
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert current_id(view) == 12
    assert [proxy.index(n, 0).data(ROW_ROLE).id for n in range(3)] == [19, 18, 17]  # filtered and sorted
    proxy.set_filters(status="expired")  # 12 is expired: still shown
    assert current_id(view) == 12 and shown_ids(proxy) == [12, 15, 18]
    # A save that changes 15's status takes it out of the filtered list; a new expired one comes in.
    model.update_rows([15, 111], [summary(15, "ready"), summary(111, "expired")])
    assert shown_ids(proxy) == [12, 18, 111] and current_id(view) == 12
    assert proxy.rowCount() == 3 and view.model().rowCount() == 3
    proxy.set_search("yuangong2")
    assert current_id(view) is None and shown_ids(proxy) == [21, 24, 27]
    proxy.set_search("")
    proxy.set_filters()
    assert shown_ids(proxy) == sorted([*range(30), 111])


def test_list_filter_conditions_together():
    rows = [summary(i, "ready" if i % 3 else "expired") for i in range(24)]
    assert ListFilter().positions(rows) is None  # nothing narrows: no row looked at
    both = ListFilter(terms=("yuangong1",), status="expired", expiry_month=(2027, 7))
    assert [rows[n].id for n in both.positions(rows)] == [18]  # 18: expired, July, "yuangong18"
    assert both.accepts(rows[18]) and not both.accepts(rows[6])
    assert ListFilter(terms=("yuangong", "1", "2")).positions(rows) == [12, 21]  # every word must match
    assert ListFilter(employer_id=1, urgency=lambda r: r.id < 6).positions(rows) == [0, 2, 4]


def test_the_open_person_is_selected_again_when_a_search_is_cleared(qtbot, window, desk):
    ids = [
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / name))
        for name in ("changping-new-ready.json", "yanqing-new-not-eligible.json")
    ]
    window.reload()
    wait_pool(qtbot)
    window.select_employee(ids[1])
    qtbot.waitUntil(window.case_shown, timeout=15000)
    window.search.setText("zzz")  # hides everyone: no selection, and nobody else opened
    assert window.filters.shown_label.text() == "显示 0 / 2"
    assert window.current_employee_id() is None and window.detail.employee_id == ids[1]
    window.search.setText("")
    assert window.current_employee_id() == ids[1] and window.detail.employee_id == ids[1]
