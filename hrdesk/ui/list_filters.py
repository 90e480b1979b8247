"""The employee list's filters: search, unit, district and status, the dashboard's cards and chart months,
and the count of what is shown. The window owns the list; this object owns what narrows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
        # One chip per active filter, each with its own ✕, and the count of what is shown: a card on
        # the dashboard or a month of the chart never narrows the list without saying so.
        self.chip_bar = QWidget()
        self.chip_bar.setObjectName("filter-chips")
        self.chip_layout = QHBoxLayout(self.chip_bar)
        self.chip_layout.setContentsMargins(0, 0, 0, 0)
        self.chip_layout.setSpacing(4)
        self.chips: list[QToolButton] = []
        self.shown_label = QLabel()
        self.clear_all = QToolButton()
        self.clear_all.setAutoRaise(True)
        self.clear_all.clicked.connect(lambda: self.clear())
        self.chip_row = QHBoxLayout()
        # The count and 清除筛选 first: with many chips on a narrow list the last chips are cut, never
        # the way back; the bar never widens the list past the screen.
        self.chip_layout.addWidget(self.shown_label)
        self.chip_layout.addWidget(self.clear_all)
        self.chip_layout.addLayout(self.chip_row)
        self.chip_layout.addStretch(1)
        self.chip_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chip_bar.hide()
        layout.addWidget(self.chip_bar)
        # The person whose page is open, hidden by what narrows the list: said here, so an empty
        # selection beside their page does not look like a lost person (see `show_hidden_open`).
        self.hidden_open = QLabel()
        self.hidden_open.setObjectName("hidden-open")
        self.hidden_open.setWordWrap(True)
        self.hidden_open.setStyleSheet("color: #5d4037;")
        self.hidden_open.hide()
        layout.addWidget(self.hidden_open)
        window.proxy.layoutChanged.connect(self.show_hidden_open)  # a save moved them out of a filter
        window.proxy.modelReset.connect(self.show_hidden_open)
        self.urgency_kind: str | None = None
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
        self.urgency_kind = kind
        self.w.proxy.urgency = lambda r: urgency_matches(kind, r, today)
        self.update_count()

    def month(self, year: int, month: int) -> None:
        self.status_filter.setCurrentIndex(0)
        self.w.proxy.urgency = None
        self.w.proxy.set_filters(
            self.unit_filter.currentData(), self.district_filter.currentData(), None, (year, month)
        )
        self.update_count()

    def update_count(self) -> None:
        self.w.keep_selection()
        shown, total = self.w.proxy.rowCount(), self.w.model.rowCount()
        self.count_label.setText(self.tr("显示 {shown} / 共 {total} 名员工").format(shown=shown, total=total))
        self.show_chips(shown, total)
        self.show_hidden_open()

    def show_hidden_open(self) -> None:
        """Their page stays open while a search or filter hides them from the list (the list then has no
        selection: nobody else is opened in their place); the line under the filters names them, and
        lifting the filter selects their row again (`MainWindow.keep_selection`)."""
        w = self.w
        stack, page = getattr(w, "stack", None), getattr(w, "_detail", None)
        open_id = (
            page.employee_id
            if page is not None and stack is not None and stack.currentWidget() is page
            else None
        )
        row = w.model.row_of(open_id) if open_id is not None else None
        hidden = row is not None and not w.proxy.mapFromSource(w.model.index(row, 0)).isValid()
        if hidden:
            name = w.model.row_at(row).name
            self.hidden_open.setText(
                self.tr("正在查看的 {name} 不在筛选结果中：清除筛选后会在列表中选中。").format(name=name)
            )
        self.hidden_open.setVisible(hidden)

    def active(self) -> list[tuple[str, object]]:
        """What narrows the list now: (what a person reads, how to lift it)."""
        proxy = self.w.proxy
        out: list[tuple[str, object]] = []
        if self.search.text().strip():
            out.append((self.tr("搜索：{text}").format(text=self.search.text().strip()), self.search.clear))
        for box in (self.unit_filter, self.district_filter, self.status_filter):
            if box.currentIndex() > 0:
                out.append((box.currentText(), lambda box=box: box.setCurrentIndex(0)))
        if proxy.urgency is not None and self.urgency_kind:
            # The card's own title, so the chip reads as what the person clicked.
            card = self.w.dashboard.urgency_buttons.get(self.urgency_kind)
            title = card.text().split("\n")[0] if card is not None else self.urgency_kind
            out.append((title, self.clear_urgency))
        if proxy.expiry_month:
            year, month = proxy.expiry_month
            out.append((self.tr("{year} 年 {month} 月到期").format(year=year, month=month), self.clear_month))
        return out

    def show_chips(self, shown: int, total: int) -> None:
        for chip in self.chips:
            self.chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        active = self.active()
        for text, lift in active:
            chip = QToolButton()
            chip.setText(f"{text}  ✕")
            chip.setToolTip(self.tr("取消这个筛选"))
            chip.setStyleSheet(
                "QToolButton { border: 1px solid #90a4ae; border-radius: 9px; padding: 1px 8px;"
                " background: #eceff1; color: #263238; }"
            )
            chip.clicked.connect(lambda _checked=False, lift=lift: lift())
            self.chip_row.addWidget(chip)
            self.chips.append(chip)
        self.shown_label.setText(self.tr("显示 {shown} / {total}").format(shown=shown, total=total))
        self.clear_all.setText(self.tr("清除筛选"))
        self.chip_bar.setVisible(bool(active))

    def clear_urgency(self) -> None:
        self.urgency_kind = None
        self.w.proxy.urgency = None
        self.update_count()

    def clear_month(self) -> None:
        self.apply()

    def clear(self) -> None:
        """Every filter off: the whole list again."""
        for box in (self.unit_filter, self.district_filter, self.status_filter):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.w.proxy.set_search("")
        self.urgency_kind = None
        self.apply()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
