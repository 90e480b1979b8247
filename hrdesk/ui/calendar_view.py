"""The deadline calendar: a month view with every deadline marked and coloured by urgency, and an
agenda beside it; filters by unit and kind; double-clicking an entry opens the employee. Years the
holiday data does not cover are marked, because their working-day deadlines are estimates."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.views import ACTION_CODES, DeadlineItem

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def urgency_colour(d: DeadlineItem, today: date) -> str:
    days = (d.date - today).days
    if d.code not in ACTION_CODES:
        return "#90a4ae"
    if days < 0:
        return "#6d4c41"
    if days <= 7:
        return "#c62828"
    if days <= 30:
        return "#ef6c00"
    return "#2e7d32"


class DeadlineCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_day: dict[date, list[DeadlineItem]] = defaultdict(list)
        self.today = date.today()
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)

    def set_deadlines(self, items: list[DeadlineItem], today: date) -> None:
        self.today = today
        self.by_day = defaultdict(list)
        for d in items:
            self.by_day[d.date].append(d)
        self.updateCells()

    def markers(self, day: date) -> list[str]:
        return [urgency_colour(d, self.today) for d in self.by_day.get(day, [])]

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        super().paintCell(painter, rect, qdate)
        colours = self.markers(date(qdate.year(), qdate.month(), qdate.day()))
        if not colours:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = max(5, min(9, rect.width() // 8))
        for i, colour in enumerate(colours[:5]):
            painter.setBrush(QBrush(QColor(colour)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(rect.left() + 3 + i * (size + 2), rect.bottom() - size - 3, size, size)
        if len(colours) > 5:
            painter.setPen(QColor("#424242"))
            painter.drawText(
                rect.adjusted(0, 0, -3, -2),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                f"+{len(colours) - 5}",
            )
        painter.restore()


class CalendarView(QWidget):
    employeeActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[DeadlineItem] = []
        self.today = date.today()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.unit_filter = QComboBox()
        self.kind_filter = QComboBox()
        bar.addWidget(self.unit_filter)
        bar.addWidget(self.kind_filter)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.unknown_years = QLabel()
        self.unknown_years.setStyleSheet("color:#ef6c00")
        self.unknown_years.setWordWrap(True)
        layout.addWidget(self.unknown_years)
        body = QHBoxLayout()
        self.calendar = DeadlineCalendar()
        self.calendar.setMinimumWidth(430)
        self.agenda = QTreeWidget()
        self.agenda.setColumnCount(3)
        self.agenda.setRootIsDecorated(False)
        body.addWidget(self.calendar, 1)
        body.addWidget(self.agenda, 1)
        layout.addLayout(body, 1)
        self.calendar.currentPageChanged.connect(lambda *_: self._fill_agenda())
        self.calendar.selectionChanged.connect(self._fill_agenda)
        self.unit_filter.currentIndexChanged.connect(self._apply)
        self.kind_filter.currentIndexChanged.connect(self._apply)
        self.agenda.itemDoubleClicked.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.agenda.setHeaderLabels([self.tr("日期"), self.tr("员工"), self.tr("期限")])
        kinds = [
            (self.tr("全部类型"), None),
            (self.tr("证件到期"), "permit"),
            (self.tr("续签"), "renewal"),
            (self.tr("聘用单位变更"), "employer-change"),
            (self.tr("材料有效期"), "material"),
            (self.tr("单位审核"), "review"),
        ]
        current = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        for text, data in kinds:
            self.kind_filter.addItem(text, data)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(current)))
        self.kind_filter.blockSignals(False)
        self._fill_units()
        self._apply()

    def set_deadlines(
        self, items: list[DeadlineItem], today: date | None = None, unknown_years: set[int] | None = None
    ) -> None:
        self.items = items
        self.today = today or date.today()
        self._fill_units()
        years = sorted(unknown_years or [])
        self.unknown_years.setText(
            self.tr("注意：{years} 年的节假日安排未知，工作日按周一至周五估算，请在设置中补充。").format(
                years="、".join(map(str, years))
            )
            if years
            else ""
        )
        self.unknown_years.setVisible(bool(years))
        self._apply()

    def _fill_units(self) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("全部单位"), None)
        for name in sorted({d.employer_name for d in self.items}):
            self.unit_filter.addItem(name, name)
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(current)))
        self.unit_filter.blockSignals(False)

    def visible_items(self) -> list[DeadlineItem]:
        unit, kind = self.unit_filter.currentData(), self.kind_filter.currentData()
        return [
            d
            for d in self.items
            if (unit is None or d.employer_name == unit) and (kind is None or d.kind == kind)
        ]

    def _apply(self) -> None:
        self.calendar.set_deadlines(self.visible_items(), self.today)
        self._fill_agenda()

    def _fill_agenda(self) -> None:
        self.agenda.clear()
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        for d in self.visible_items():
            if (d.date.year, d.date.month) != (year, month):
                continue
            item = QTreeWidgetItem([d.date.isoformat(), d.employee_name, d.message])
            item.setData(0, ID_ROLE, d.employee_id)
            item.setForeground(0, QBrush(QColor(urgency_colour(d, self.today))))
            item.setToolTip(2, f"{d.employer_name} · {d.code}")
            self.agenda.addTopLevelItem(item)
        self.agenda.resizeColumnToContents(0)
        self.agenda.resizeColumnToContents(1)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        employee_id = item.data(0, ID_ROLE)
        if employee_id is not None:
            self.employeeActivated.emit(int(employee_id))
