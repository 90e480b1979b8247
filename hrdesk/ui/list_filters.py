"""The employee list's filters: search, unit, district and status, the dashboard's cards and chart months,
and the count of what is shown. The window owns the list; this object owns what narrows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from .employees.employee_model import status_label

if TYPE_CHECKING:
    from .main_window import MainWindow

STATUSES = ["ready", "missing-materials", "not-eligible", "renewal-due", "valid", "expired", "suspended"]


class ListFilters(QObject):
    def __init__(self, window: MainWindow, layout: QVBoxLayout) -> None:
        """Puts the search field and the filter boxes at the top of `layout`; the count goes under the
        list (`count_label`, placed by the window)."""
        super().__init__(window)
        self.w = window
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        self.unit_filter = QComboBox()
        self.district_filter = QComboBox()
        self.status_filter = QComboBox()
        for box in (self.unit_filter, self.district_filter, self.status_filter):
            filters.addWidget(box)
        layout.addLayout(filters)
        self.count_label = QLabel()
        self.search.textChanged.connect(self.search_changed)
        for box in (self.unit_filter, self.district_filter, self.status_filter):
            box.currentIndexChanged.connect(self.apply)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索姓名、身份证号或单位…"))
        self.fill()
        self.update_count()

    def fill(self) -> None:
        for box, items in (
            (
                self.unit_filter,
                [(self.tr("全部单位"), None)] + [(u.name, u.id) for u in getattr(self.w, "_employers", [])],
            ),
            (
                self.district_filter,
                [(self.tr("全部区"), None), (self.tr("昌平区"), "changping"), (self.tr("延庆区"), "yanqing")],
            ),
            (self.status_filter, [(self.tr("全部状态"), None)] + [(status_label(s), s) for s in STATUSES]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def search_changed(self, text: str) -> None:
        self.w.proxy.set_search(text)
        self.update_count()

    def apply(self) -> None:
        self.w.proxy.urgency = None  # a filter chosen by hand replaces the dashboard card's
        self.w.proxy.set_filters(
            self.unit_filter.currentData(),
            self.district_filter.currentData(),
            self.status_filter.currentData(),
        )
        self.update_count()

    def status(self, status: str) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def urgency(self, kind: str) -> None:
        """The dashboard's 逾期 / 本周 / 本月 cards: only those employees, whatever else was filtered."""
        from .dashboard import urgency_matches

        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        today = self.w.clock.today()
        self.w.proxy.beginFilterChange()
        self.w.proxy.urgency = lambda r: urgency_matches(kind, r, today)
        self.w.proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.update_count()

    def month(self, year: int, month: int) -> None:
        self.status_filter.setCurrentIndex(0)
        self.w.proxy.urgency = None
        self.w.proxy.set_filters(
            self.unit_filter.currentData(), self.district_filter.currentData(), None, (year, month)
        )
        self.update_count()

    def update_count(self) -> None:
        self.count_label.setText(
            self.tr("显示 {shown} / 共 {total} 名员工").format(
                shown=self.w.proxy.rowCount(), total=self.w.model.rowCount()
            )
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
