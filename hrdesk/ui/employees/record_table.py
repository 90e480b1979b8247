"""What the applications and children tabs share: a read-only table of one employee's rows with a row of
action buttons under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def read_only_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def append_row(table: QTableWidget, values: tuple[str, ...]) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for col, text in enumerate(values):
        table.setItem(row, col, QTableWidgetItem(text))


class RecordTable(QWidget):
    """A read-only table of one employee's rows with a row of action buttons; subclasses say which rows,
    headers and actions."""

    changed = Signal()

    def __init__(self, desk: Any, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_id: int | None = None
        self.table = read_only_table(columns)
        layout = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        layout.addWidget(self.table)
        self.retranslate()

    def add_button(self, slot: Any) -> Any:
        from PySide6.QtWidgets import QPushButton

        button = QPushButton()
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rows(self, employee_id: int) -> list[tuple[str, ...]]:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(self.headers())

    run_op: Any = None  # the window's writer (set by EmployeeDetail); None in stand-alone use

    def set_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.case = None
        self._fill(self.rows(employee_id) if employee_id is not None else [])

    def set_case(self, case: Any) -> None:
        self.employee_id, self.case = case.employee_id, case
        self._fill(self.case_rows(case))

    def _fill(self, rows: list[tuple[str, ...]]) -> None:
        self.table.setRowCount(0)
        for values in rows:
            append_row(self.table, values)

    def case_rows(self, case: Any) -> list[tuple[str, ...]]:
        raise NotImplementedError

    def write(self, fn: Any) -> None:
        """A write for this employee: on the window's writer thread when there is one (the window then
        rebuilds the case and these rows); directly otherwise."""
        employee_id = self.employee_id
        if self.run_op is not None:
            self.run_op(fn, [employee_id])
            return
        fn(self.desk)
        self.set_employee(employee_id)
        self.changed.emit()
