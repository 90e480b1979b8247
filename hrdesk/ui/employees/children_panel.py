"""The children tab (随往子女): children who move with the employee, added or removed through the same
profile update as the profile tab."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QWidget,
)

from .record_table import RecordTable


class ChildrenPanel(RecordTable):
    """随往子女: add or remove a child; saved through the same profile update as the profile tab."""

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(desk, 4, parent)
        self._children: list[Any] = []  # StoredChild per table row: what a removal names
        self.add_child_button = self.add_button(self.add_child)
        self.remove_child_button = self.add_button(self.remove_child)
        self.buttons.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "add_child_button"):
            self.add_child_button.setText(self.tr("添加子女…"))
            self.remove_child_button.setText(self.tr("删除所选子女"))

    def add_child(self, name: str | None = None, birth: date | None = None, accompany: bool = True) -> None:
        from PySide6.QtWidgets import QInputDialog

        from ...rules.profile import Child

        if self.employee_id is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("添加子女"), self.tr("姓名："))
            if not ok or not name.strip():
                return
            text, ok = QInputDialog.getText(self, self.tr("添加子女"), self.tr("出生日期（YYYY-MM-DD）："))
            if not ok:
                return
            try:
                birth = date.fromisoformat(text.strip())
            except ValueError:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, self.tr("添加子女"), self.tr("日期格式应为 2026-01-31"))
                return
        employee_id, name = self.employee_id, name.strip()

        def add(r: Any) -> None:
            married = r.employees.profile(employee_id).employee.marital_status == "married"
            parents = "married" if married else "unmarried"
            r.employees.add_child(employee_id, Child(name, birth, "other-province", accompany, parents))

        self.write(add)

    def remove_child(self) -> None:
        """The selected child, named by id and the version shown: a table another desk changed since
        removes nothing it did not show (refused with a word, and the table reloads)."""
        row = self.table.currentRow()
        if self.employee_id is None or row < 0 or row >= len(self._children):
            return
        employee_id, child = self.employee_id, self._children[row]
        self.write(lambda r: r.employees.remove_child(employee_id, child.id, child.version))

    def headers(self) -> list[str]:
        return [self.tr("姓名"), self.tr("出生日期"), self.tr("随往"), self.tr("父母")]

    def rows(self, employee_id: int) -> list[tuple[str, ...]]:
        self._children = self.desk.employees.children(employee_id)
        return self._child_rows([c.child for c in self._children])

    def case_rows(self, case: Any) -> list[tuple[str, ...]]:
        self._children = list(case.children)
        return self._child_rows([c.child for c in self._children])

    def _child_rows(self, children: Any) -> list[tuple[str, ...]]:
        parents = {
            "married": self.tr("已婚"),
            "unmarried": self.tr("未婚生育"),
            "divorced-custody": self.tr("离异抚养"),
        }
        return [
            (
                c.name,
                c.birth_date.isoformat() if c.birth_date else "",
                self.tr("是") if c.accompany else self.tr("否"),
                parents[c.parents],
            )
            for c in children
        ]
