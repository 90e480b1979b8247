"""回收站: superseded and removed material files and deleted employees, newest first. Restore puts a
file back in its slot or an employee back in the list; emptying the trash deletes them for good and
frees the vault files nothing else uses (the only way the vault shrinks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashDialog(QDialog):
    """`employeesRestored(ids)` tells the window which employees came back (new ids)."""

    employeesRestored = Signal(list)

    def __init__(self, desk: Any, parent: QWidget | None = None, slot: tuple[int, str] | None = None) -> None:
        """`slot` = (employee id, material kind): only that slot's history (superseded and removed
        files), to restore an earlier version."""
        super().__init__(parent)
        self.desk = desk
        self.slot = slot
        self.changed_any = False
        self.setWindowTitle(self.tr("历史版本") if slot else self.tr("回收站"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setHeaderLabels(
            [self.tr("类型"), self.tr("名称"), self.tr("文件 / 证件号"), self.tr("所属"), self.tr("移入时间")]
        )
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("恢复"))
        self.empty_button = QPushButton(self.tr("清空回收站…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QPushButton(self.tr("关闭")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        items = self.desk.trash.trash_items()
        if self.slot is not None:
            items = [i for i in items if (i.employee_id, i.material_kind) == self.slot]
        kinds = {"material": self.tr("材料文件"), "employee": self.tr("员工")}
        for item in items:
            when = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            row = QTreeWidgetItem([kinds[item.kind], item.title, item.detail, item.owner, when])
            row.setData(0, ITEM_ROLE, (item.kind, item.id))
            self.tree.addTopLevelItem(row)
        for col, width in enumerate((80, 180, 200, 140)):
            self.tree.setColumnWidth(col, width)
        employees = sum(1 for i in items if i.kind == "employee")
        self.summary.setText(
            self.tr("回收站里有 {files} 个材料文件、{people} 名员工。恢复前它们不会进入材料包。").format(
                files=len(items) - employees, people=employees
            )
            if items
            else self.tr("回收站是空的。")
        )
        self.empty_button.setEnabled(bool(items))
        self.empty_button.setVisible(self.slot is None)  # emptying is for the whole trash only
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def restore_selected(self) -> None:
        restored: list[int] = []
        for row in self.tree.selectedItems():
            kind, item_id = row.data(0, ITEM_ROLE)
            if kind == "material":
                self.desk.materials.restore_material(item_id)
            else:
                restored.append(self.desk.trash.restore_employee(item_id))
        self.changed_any = True
        self.reload()
        if restored:
            self.employeesRestored.emit(restored)

    def empty(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("清空回收站"),
            self.tr("永久删除回收站里的全部材料文件和员工记录吗？此操作不能撤销。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed = self.desk.trash.empty_trash()
        self.changed_any = True
        self.reload()
        self.summary.setText(self.tr("回收站已清空，释放了 {n} 个文件。").format(n=removed))
