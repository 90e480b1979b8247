"""The reminders that are due, each with 打开 / 推迟 1 天 / 推迟 1 周 / 不再提醒: what clicking the tray's
balloon opens (a balloon itself cannot carry buttons on every platform)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...deadlines.reminders import Reminder
from ..screen_fit import fit
from .calendar_view import urgency_colour

REMINDER_ROLE = Qt.ItemDataRole.UserRole + 1


class RemindersDialog(QDialog):
    employeeRequested = Signal(int)  # noqa: N815

    def __init__(self, due: list[Reminder], tray: Any, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("期限提醒"))
        fit(self, 640, 360)
        layout = QVBoxLayout(self)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("日期"), self.tr("员工"), self.tr("期限")])
        layout.addWidget(self.list, 1)
        for r in due:
            d = r.deadline
            late = d.overdue(today)
            item = QTreeWidgetItem(
                [d.date.isoformat(), d.employee_name, (self.tr("【已逾期】") if late else "") + d.message]
            )
            item.setData(0, REMINDER_ROLE, r)
            for col in range(3):
                item.setForeground(col, QBrush(QColor(urgency_colour(d, today))))
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开员工"))
        self.day_button = QPushButton(self.tr("推迟 1 天"))
        self.week_button = QPushButton(self.tr("推迟 1 周"))
        self.dismiss_button = QPushButton(self.tr("不再提醒"))
        for b in (self.open_button, self.day_button, self.week_button, self.dismiss_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open)
        self.day_button.clicked.connect(lambda: self._quiet(1))
        self.week_button.clicked.connect(lambda: self._quiet(7))
        self.dismiss_button.clicked.connect(lambda: self._quiet(None))
        self.list.itemDoubleClicked.connect(lambda *_: self._open())

    def current(self) -> Reminder | None:
        item = self.list.currentItem()
        return item.data(0, REMINDER_ROLE) if item else None

    def _open(self) -> None:
        r = self.current()
        if r is not None:
            self.employeeRequested.emit(r.deadline.employee_id)

    def _quiet(self, days: int | None) -> None:
        """Snooze (days) or dismiss (None) the selected reminder; it leaves the list."""
        r = self.current()
        if r is None:
            return
        if days is None:
            self.tray.dismiss_deadline(r.deadline)
        else:
            self.tray.snooze_deadline(r.deadline, days)
        self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(self.list.currentItem()))
        if not self.list.topLevelItemCount():
            self.close()
