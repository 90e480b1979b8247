"""The list's model and its filter without a window: an unfiltered list shows every row without the filter
looking at each (the start at 50,000), and each filter, set and cleared, still shows exactly its rows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel

from hrdesk.employees.views import EmployeeSummary
from hrdesk.ui.employees.employee_model import EmployeeFilterProxy, EmployeeTableModel


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
    proxy.beginFilterChange()
    proxy.urgency = lambda r: r.id % 5 == 0  # the dashboard's card
    proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    assert shown_ids(proxy) == [0, 5, 10]
    proxy.urgency = None
    proxy.set_filters()
    assert shown_ids(proxy) == list(range(12))
