"""回收站: superseded and removed material files and deleted employees, newest first. Restore puts a
file back in its slot or an employee back in the list; emptying the trash deletes them for good and
frees the vault files nothing else uses (the only way the vault shrinks).

The list is read on a worker and restoring and emptying run on the desk's writer thread: emptying frees
vault files (seconds for a full trash) and the window keeps answering meanwhile. Emptying deletes what
the dialog showed when the user said yes, never a file another desk moved to the trash a moment later."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
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

from ..workers import run_task, run_write

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def ask_to_empty(parent: QWidget) -> bool:
    """The question before emptying (a test hands in its own answer)."""
    from PySide6.QtCore import QCoreApplication

    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("TrashDialog", "清空回收站"),
        QCoreApplication.translate(
            "TrashDialog", "永久删除回收站里的全部材料文件和员工记录吗？此操作不能撤销。"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class TrashDialog(QDialog):
    """`employeesRestored(ids)` tells the window which employees came back (new ids); `changed` that a
    restore or an emptying was stored (the materials panel draws its slots again)."""

    employeesRestored = Signal(list)
    changed = Signal()

    def __init__(
        self,
        desk: Any,
        parent: QWidget | None = None,
        slot: tuple[int, str] | None = None,
        confirm_empty: Callable[[QWidget], bool] | None = None,
    ) -> None:
        """`slot` = (employee id, material kind): only that slot's history (superseded and removed
        files), to restore an earlier version. `confirm_empty` asks before emptying."""
        super().__init__(parent)
        self.desk = desk
        self.slot = slot
        self.confirm_empty = confirm_empty or ask_to_empty
        self.changed_any = False
        self.shown: list[Any] = []  # the trash as listed now: what "empty" deletes
        self._loading = False
        self._writing = False
        self._generation = 0
        self._notice: Callable[[], str] | None = None  # what the last write did, said until the next one
        self._said: Callable[[], str] = str  # the summary line, made again in a new language
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
        for col, width in enumerate((80, 180, 200, 140)):
            self.tree.setColumnWidth(col, width)
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
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.empty_button.setVisible(self.slot is None)  # emptying is for the whole trash only
        self.reload()

    def is_busy(self) -> bool:
        """Reading the list or storing a restore / an emptying (tests and the window wait on it)."""
        return self._loading or self._writing

    def reload(self) -> None:
        """Read the trash on a worker; the list is drawn when it comes."""
        self._generation += 1
        generation, desk, slot = self._generation, self.desk, self.slot
        self._loading = True
        self._say(lambda: self.tr("正在读取回收站…"))
        self._update_buttons()

        def work(_task: Any) -> list[Any]:
            items = desk.trash.trash_items()
            if slot is not None:
                items = [i for i in items if (i.employee_id, i.material_kind) == slot]
            return items

        run_task(work, lambda items: self._show(generation, items), self._read_failed)

    def _show(self, generation: int, items: list[Any]) -> None:
        if generation != self._generation:
            return  # a newer reading (after a restore) is on its way
        self._loading = False
        self.shown = list(items)
        self._draw()
        self._say(self._counts)
        self._update_buttons()

    def _draw(self) -> None:
        """The rows of `shown`, in the language now installed (the selection kept)."""
        chosen = {row.data(0, ITEM_ROLE) for row in self.tree.selectedItems()}
        self.tree.clear()
        kinds = {"material": self.tr("材料文件"), "employee": self.tr("员工")}
        rows = []
        for item in self.shown:
            when = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            row = QTreeWidgetItem([kinds[item.kind], item.title, item.detail, item.owner, when])
            row.setData(0, ITEM_ROLE, (item.kind, item.id))
            rows.append(row)
        self.tree.addTopLevelItems(rows)
        for row in rows:
            row.setSelected(row.data(0, ITEM_ROLE) in chosen)

    def _counts(self) -> str:
        if not self.shown:
            return self.tr("回收站是空的。")
        if self._notice is not None:
            return self._notice()
        employees = sum(1 for i in self.shown if i.kind == "employee")
        return self.tr("回收站里有 {files} 个材料文件、{people} 名员工。恢复前它们不会进入材料包。").format(
            files=len(self.shown) - employees, people=employees
        )

    def _say(self, text: Callable[[], str]) -> None:
        self._said = text
        self.summary.setText(text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A language switch with the trash open: its rows and counts in the new language too (the
        window's title and buttons are put in it by `dialog_language`)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tree"):
            self._draw()
            self.summary.setText(self._said())

    def _read_failed(self, message: str) -> None:
        self._loading = False
        self._say(lambda: message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.is_busy()
        self.restore_button.setEnabled(idle and bool(self.tree.selectedItems()))
        self.empty_button.setEnabled(idle and bool(self.shown))

    def restore_selected(self) -> None:
        """Put the selected files back in their slots and the selected employees back in the list."""
        chosen = [row.data(0, ITEM_ROLE) for row in self.tree.selectedItems()]
        if not chosen or self.is_busy():
            return
        desk = self.desk

        def work(_task: Any) -> list[int]:
            restored: list[int] = []
            for kind, item_id in chosen:
                if kind == "material":
                    desk.materials.restore_material(item_id)
                else:
                    restored.append(desk.trash.restore_employee(item_id))
            return restored

        def done(restored: list[int]) -> None:
            self._stored()
            if restored:
                self.employeesRestored.emit(restored)

        self._start_write(lambda: self.tr("正在恢复…"), work, done)

    def empty(self) -> None:
        """Delete for good what the list shows (asked first)."""
        if not self.shown or self.is_busy() or not self.confirm_empty(self):
            return
        desk, seen = self.desk, list(self.shown)

        def done(removed: int) -> None:
            self._notice = lambda: self.tr("回收站已清空，释放了 {n} 个文件。").format(n=removed)
            self._stored()

        self._start_write(
            lambda: self.tr("正在清空回收站…"), lambda _task: desk.trash.empty_trash(seen), done
        )

    def _start_write(
        self, message: Callable[[], str], work: Callable[[Any], Any], done: Callable[[Any], None]
    ) -> None:
        self._writing = True
        self._notice = None
        self._say(message)
        self._update_buttons()
        run_write(work, done, self._write_failed)

    def _stored(self) -> None:
        self._writing = False
        self.changed_any = True
        self.changed.emit()
        self.reload()

    def _write_failed(self, message: str) -> None:
        self._writing = False
        if message:
            QMessageBox.warning(self, self.windowTitle(), message)
        self.changed_any = True  # part of a batch may be stored: show what is
        self.changed.emit()
        self.reload()
