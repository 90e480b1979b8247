"""Adding and deleting employees, and taking destructive writes back (编辑 → 撤销)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from .employees.employee_model import ROW_ROLE

if TYPE_CHECKING:
    from .main_window import MainWindow


class EmployeeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.undo_stack: list[tuple[str, Any]] = []

    def push_undo(self, label: str, fn: Any) -> None:
        """Remember how to take back a destructive write: `fn(records)` runs on the writer and returns
        the employee ids it touched. The last ten are kept."""
        self.undo_stack.append((label, fn))
        del self.undo_stack[:-10]
        self.undo_text()

    def undo_text(self) -> None:
        stack = self.undo_stack
        self.w.act_undo.setEnabled(bool(stack))
        self.w.act_undo.setText(
            self.tr("撤销：{what}").format(what=stack[-1][0]) if stack else self.tr("撤销")
        )

    def undo(self) -> None:
        if not self.undo_stack:
            return
        label, fn = self.undo_stack.pop()
        self.undo_text()

        def done(_ids: Any) -> None:  # run_op has updated the rows of the ids `fn` returned
            self.w.statusBar().showMessage(self.tr("已撤销：{what}").format(what=label), 6000)

        self.w.run_op(fn, None, done)

    def new_employee(self) -> None:
        if not self.w.desk.units.employers():
            QMessageBox.information(
                self.w, self.tr("新建员工"), self.tr("请先在“单位与经办人”中添加一个单位。")
            )
            self.w.files.edit_units()
            return
        self.w.table.clearSelection()
        self.w.detail.new_employee(self.w.unit_filter.currentData())
        self.w.stack.setCurrentWidget(self.w.detail)
        self.w.detail.profile.name.setFocus()

    def delete_employee(self) -> None:
        """Only from the list (Delete with the list focused) or the menu; the name and ID are shown."""
        employee_id = self.w.current_employee_id()
        if employee_id is None:
            return
        row = self.w.proxy.data(self.w.table.currentIndex(), ROW_ROLE)
        answer = QMessageBox.question(
            self.w,
            self.tr("删除员工"),
            self.tr(
                "确定删除员工 <b>{name}</b>（{id}，{unit}）的全部记录吗？<br>可用“编辑 → 撤销”(Ctrl+Z) 恢复。"
            ).format(name=row.name, id=row.id_masked, unit=row.employer_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.w.detail.employee_id == employee_id:
            self.w.detail.profile.discard()  # their edits go with them (and come back with undo)
        self.w.show_dashboard()
        from ..employees.undo import delete_with_snapshot, restore_snapshot

        name = row.name

        def deleted(snapshot: Any) -> None:
            self.push_undo(
                self.tr("删除 {name}").format(name=name), lambda r: [restore_snapshot(r, snapshot)]
            )

        self.w.run_op(lambda r: delete_with_snapshot(r, employee_id), [employee_id], deleted)
