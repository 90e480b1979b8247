"""The deadline calendar: a month view with every deadline marked and coloured by urgency, and an
agenda beside it; filters by unit and kind; double-clicking an entry opens the employee. Years the
holiday data does not cover are marked, because their working-day deadlines are estimates.

A legend says what each colour means. Overdue duties are red and labelled 已逾期, and they stay at the
top of the agenda whatever month is shown: no date filter hides them. Right-click an entry to snooze
its reminder (1 day, 1 week) or dismiss it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import groupby
from operator import attrgetter

from PySide6.QtCore import QDate, QLocale, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock
from ...deadlines.items import ACTION_CODES, DeadlineItem
from ...labels import label
from ..i18n import current_lang

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2

# The same reds and oranges as the employee list (已逾期 red, 本周 orange).
COLOURS = {
    "overdue": "#c62828",
    "week": "#e65100",
    "month": "#f9a825",
    "later": "#2e7d32",
    "info": "#90a4ae",
}


def urgency_band(d: DeadlineItem, today: date) -> str:
    days = (d.date - today).days
    if d.code not in ACTION_CODES:
        return "info"
    if days < 0:
        return "overdue"
    if days <= 7:
        return "week"
    if days <= 30:
        return "month"
    return "later"


def urgency_colour(d: DeadlineItem, today: date) -> str:
    return COLOURS[urgency_band(d, today)]


def legend_text(band: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "overdue": QCoreApplication.translate("CalendarView", "已逾期（须立即处理）"),
        "week": QCoreApplication.translate("CalendarView", "7天内"),
        "month": QCoreApplication.translate("CalendarView", "30天内"),
        "later": QCoreApplication.translate("CalendarView", "更晚"),
        "info": QCoreApplication.translate("CalendarView", "到期日（无须办理）"),
    }[band]


class DeadlineCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.by_day: dict[date, list[DeadlineItem]] = defaultdict(list)
        self.today = today or Clock().today()
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)

    def set_deadlines(self, items: list[DeadlineItem], today: date) -> None:
        self.today = today
        self.by_day = defaultdict(list)
        # The window's deadlines come sorted by date: a run of one day is added at once (100,000
        # deadlines in a few milliseconds on the UI thread), and an unsorted list still groups right.
        for day, run in groupby(items, attrgetter("date")):
            self.by_day[day].extend(run)
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


AGENDA_ROWS = 800  # the agenda lists at most this many entries at once (filters narrow it)


class CalendarView(QWidget):
    employeeActivated = Signal(int)
    reminderAction = Signal(str, object)  # noqa: N815  ("snooze-day" | "snooze-week" | "dismiss", DeadlineItem)

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.items: list[DeadlineItem] = []
        # The window's clock decides what is overdue, as everywhere else (tests set the day).
        self.clock = clock or Clock()
        self.today = self.clock.today()
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
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.legend)
        body = QHBoxLayout()
        self.calendar = DeadlineCalendar(today=self.today)
        self.calendar.setMinimumWidth(430)
        self.agenda = QTreeWidget()
        self.agenda.setColumnCount(3)
        self.agenda.setRootIsDecorated(False)
        body.addWidget(self.calendar, 1)
        body.addWidget(self.agenda, 1)
        layout.addLayout(body, 1)
        self.calendar.currentPageChanged.connect(lambda *_: self._fill_agenda())
        self.calendar.selectionChanged.connect(lambda: self._fill_agenda())
        self.unit_filter.currentIndexChanged.connect(self._apply)
        self.kind_filter.currentIndexChanged.connect(self._apply)
        self.agenda.itemDoubleClicked.connect(self._activated)
        self.agenda.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.agenda.customContextMenuRequested.connect(self._context_menu)
        self.retranslate()

    def retranslate(self) -> None:
        # Month names, weekday headers and the first day of the week follow the interface language.
        self.calendar.setLocale(QLocale())
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.agenda.setHeaderLabels([self.tr("日期"), self.tr("员工"), self.tr("期限")])
        self.legend.setText(
            "　".join(
                f"<span style='color:{COLOURS[b]}; font-size:16px'>●</span> {legend_text(b)}" for b in COLOURS
            )
        )
        kinds = [
            (self.tr("全部类型"), None),
            (self.tr("证件到期"), "permit"),
            (label("business", "renewal", current_lang()), "renewal"),  # a business's deadlines: its name
            (label("business", "employer-change", current_lang()), "employer-change"),
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
        self.today = today or self.clock.today()
        self._fill_units()
        years = sorted(unknown_years or [])
        self.unknown_years.setText(
            self.tr(
                "注意：{years} 年的放假安排尚未公布：法定假日按《全国年节及纪念日放假办法》估算，调休按最不利情形计算（期限只会提前）。通知发布后请在设置中粘贴。"
            ).format(years="、".join(map(str, years)))
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
        if unit is None and kind is None:
            return self.items  # read only: no copy of 100,000 deadlines when nothing is filtered
        return [
            d
            for d in self.items
            if (unit is None or d.employer_name == unit) and (kind is None or d.kind == kind)
        ]

    def _apply(self) -> None:
        visible = self.visible_items()  # one pass over the deadlines (175,000 at 50,000 employees)
        self.calendar.set_deadlines(visible, self.today)
        self._fill_agenda(visible)

    def overdue_items(self) -> list[DeadlineItem]:
        return [d for d in self.visible_items() if d.overdue(self.today)]

    def _fill_agenda(self, visible: list[DeadlineItem] | None = None) -> None:
        self.agenda.clear()
        visible = self.visible_items() if visible is None else visible
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        today = self.today
        overdue = [d for d in visible if d.overdue(today)]
        # Overdue first, whatever month is shown; then the month's own entries.
        shown = overdue + [
            d for d in visible if d.date.month == month and d.date.year == year and not d.overdue(today)
        ]
        if len(shown) > AGENDA_ROWS:  # thousands of rows would freeze the window while they are made
            more = len(shown) - AGENDA_ROWS
            shown = shown[:AGENDA_ROWS]
            note = QTreeWidgetItem(
                [
                    "",
                    "",
                    self.tr("另有 {n} 项未列出：请按单位或类型筛选（名单中已逾期者排在最前）。").format(
                        n=more
                    ),
                ]
            )
            self.agenda.addTopLevelItem(note)
        bold = QFont(self.agenda.font())
        bold.setBold(True)
        for d in shown:
            late = d.overdue(self.today)
            message = (self.tr("【已逾期】") if late else "") + d.message
            item = QTreeWidgetItem([d.date.isoformat(), d.employee_name, message])
            item.setData(0, ID_ROLE, d.employee_id)
            item.setData(0, ITEM_ROLE, d)
            colour = QBrush(QColor(urgency_colour(d, self.today)))
            for col in range(3) if late else (0,):
                item.setForeground(col, colour)
                if late:
                    item.setFont(col, bold)
            item.setToolTip(2, f"{d.employer_name} · {d.code}")
            self.agenda.addTopLevelItem(item)
        self.agenda.resizeColumnToContents(0)
        self.agenda.resizeColumnToContents(1)

    def _context_menu(self, pos: object) -> None:
        item = self.agenda.itemAt(pos)
        d = item.data(0, ITEM_ROLE) if item else None
        if d is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开员工"), lambda: self.employeeActivated.emit(d.employee_id))
        if d.code in ACTION_CODES:
            menu.addAction(self.tr("提醒推迟 1 天"), lambda: self.reminderAction.emit("snooze-day", d))
            menu.addAction(self.tr("提醒推迟 1 周"), lambda: self.reminderAction.emit("snooze-week", d))
            menu.addAction(self.tr("不再提醒"), lambda: self.reminderAction.emit("dismiss", d))
        menu.exec(self.agenda.viewport().mapToGlobal(pos))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        employee_id = item.data(0, ID_ROLE)
        if employee_id is not None:
            self.employeeActivated.emit(int(employee_id))
