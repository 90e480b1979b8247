"""The materials checklist of one employee for one business: status per material slot with the reason
(in full, under the tree) and the guide section; a preview of the selected file.

A slot's files are edited where they are: drop a file onto a file to replace it, onto a slot to replace
all its files (onto an empty slot to attach it); "添加页" adds a file to the slot; Delete moves the file
with focus to the trash (回收站), never anything else. The old file of a replace goes to the trash too.

The panel is cut by what it holds: the tree (`checklist_tree.py`), the reason pane (`reason_pane.py`),
the busy line (`busy_row.py`), the writes (`material_writes.py`) and the reading of scans
(`scan_reading.py`). It draws a case the window built on a worker; after a write it changes in place
what the new case changed, and the preview renders again only when the file in view is a new file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import current_lang
from ..workers import run_task
from . import confirm_fields
from .busy_row import BusyRow
from .checklist_tree import (
    FILE_ROLE,
    KIND_ROLE,
    MATERIAL_ROLE,
    REASON_ROLE,
    ChecklistTree,
    checklist_rows,
)
from .material_writes import MaterialWrites
from .pdf_preview import PdfPreview
from .reason_pane import ReasonPane
from .scan_reading import ScanReading

MaterialsTree = ChecklistTree  # the name the window's tests and tools know

__all__ = ["KIND_ROLE", "MATERIAL_ROLE", "REASON_ROLE", "MaterialsPanel", "MaterialsTree"]


class _Loaded:
    """The panel's own reading of one employee's checklist (when no case came from the window)."""

    def __init__(self, employee_id: int, business: str, result: Any, materials: list[Any]) -> None:
        self.employee_id, self.business, self.result, self.materials = (
            employee_id,
            business,
            result,
            materials,
        )


class MaterialsPanel(MaterialWrites, ScanReading, QWidget):
    countsChanged = Signal(str)
    changed = Signal()
    employeesRestored = Signal(list)  # ids of employees restored from the trash (for the list)

    def __init__(self, desk: Any, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_id: int | None = None
        self.business = "new"
        self.result: Any = None
        self._case: Any = None
        from ..conflicts import ask_reload_or_overwrite

        self.ask_conflict = ask_reload_or_overwrite  # another desk saved the material first
        self.trash_dialog: Any = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.attach_button = QPushButton()
        self.replace_button = QPushButton()
        self.remove_button = QPushButton()
        self.undo_button = QPushButton()
        self.trash_button = QPushButton()
        self.inspect_button = QPushButton()  # read the scans like a reviewer
        self.fill_button = QPushButton()  # 从扫描件填写 (confirm_fields.py)
        self.inspections: dict[int, Any] = {}  # material id → MaterialInspection, for this employee
        self._inspected_for: int | None = None
        for b in (
            self.attach_button,
            self.replace_button,
            self.remove_button,
            self.undo_button,
            self.inspect_button,
            self.fill_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.trash_button)
        layout.addLayout(bar)
        busy_line = QHBoxLayout()
        self.busy = BusyRow(self, busy_line)
        self.busy_label, self.busy_bar = self.busy.label, self.busy.bar
        layout.addLayout(busy_line)
        self._load_generation = 0
        self._keep_page = 0
        self._select_after: int | None = None
        self._drawn_for: int | None = None  # whose checklist the tree shows
        split = QSplitter()
        self.tree = ChecklistTree()
        self.preview = PdfPreview()
        self.preview.set_editable(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        self.reason = ReasonPane()  # the selected slot's reason in full (a defect list does not fit a column)
        left_layout.addWidget(self.reason)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setChildrenCollapsible(False)
        self.tree.setMinimumWidth(300)
        self.preview.setMinimumWidth(300)
        split.setSizes([460, 420])
        layout.addWidget(split, 1)
        self.attach_button.clicked.connect(self.attach_dialog)
        self.replace_button.clicked.connect(self.replace_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        self.trash_button.clicked.connect(lambda: self.open_trash())
        self.inspect_button.clicked.connect(self.inspect_scans)
        self.fill_button.clicked.connect(lambda: confirm_fields.open_for(self))
        self.tree.currentItemChanged.connect(lambda item, _previous: self._selected(item))
        self.tree.filesDropped.connect(self.attach_files)
        self.tree.filesDroppedOn.connect(self.replace_files)
        self.tree.deleteRequested.connect(self.remove_selected)
        self.preview.pageMoveRequested.connect(self.move_page)
        self.preview.rotateRequested.connect(self.rotate_page)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._removed: list[int] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("材料"), self.tr("状态"), self.tr("说明")])
        self.inspect_button.setText(self.tr("识别扫描件"))
        self.inspect_button.setToolTip(
            self.tr("离线识别每份扫描件：是否本人、是否为该材料、印章、日期、页码顺序（结果在材料旁显示）")
        )
        self.fill_button.setText(self.tr("从扫描件填写…"))
        self.attach_button.setText(self.tr("添加页…"))
        self.attach_button.setToolTip(self.tr("给选中的材料再添加一个文件（更多页）"))
        self.replace_button.setText(self.tr("替换…"))
        self.replace_button.setToolTip(
            self.tr("用新扫描件替换选中的文件（选中材料时替换它的全部文件）；旧文件移到回收站")
        )
        self.remove_button.setText(self.tr("移到回收站"))
        self.undo_button.setText(self.tr("撤销移除"))
        self.trash_button.setText(self.tr("回收站…"))
        if self.employee_id is not None:
            self.refresh()

    # --- what is shown -------------------------------------------------------------------------------

    def set_employee(self, employee_id: int | None, business: str = "new") -> None:
        self.employee_id, self.business = employee_id, business
        self._case = None
        self._removed.clear()
        self.refresh()

    def set_case(self, case: Any) -> None:
        """Render an employee's case (built off the UI thread): no check, no query here."""
        if case.employee_id != self.employee_id:
            self._removed.clear()
        self.employee_id, self.business, self._case = case.employee_id, case.business, case
        self.refresh()

    def refresh(self) -> None:
        """Draw the case in hand (or read it on a worker first). The same slots and files: the lines
        change in place and the selection stays; else the tree is drawn again and the slot that was in
        view is selected again."""
        if self.employee_id != self._drawn_for:  # another person: nothing of the last one stays
            self._clear()
        if self.employee_id is None:
            self.countsChanged.emit(self.tr("材料"))
            return
        case = self._case
        if case is None or (case.employee_id, case.business) != (self.employee_id, self.business):
            self._load()  # no case from the window for this employee: read it on a worker, then draw
            return
        self.result = case.result
        keep_kind, keep_material = self.current_kind(), self.current_material_id()
        rows = checklist_rows(self.result, case.materials, current_lang(), self._file_of, self.reading_of)
        self._drawn_for = self.employee_id
        added = self._select_after
        if added is not None and any(m.id == added for m in case.materials):
            self._select_after = None
            self.tree.show_rows(rows)
            item = self.tree.find_file(added)
            if item is not None:
                self.tree.setCurrentItem(item)  # the file just added, its reason under the list
        elif self.tree.show_rows(rows):
            item = self.tree.find(keep_kind, keep_material) if keep_kind else None
            if item is not None:
                self.tree.setCurrentItem(item)  # shows it (the preview renders the file again)
            else:
                self.preview.clear()
                self.reason.clear()
        else:
            self._selected(self.tree.currentItem())  # its new reason; the preview only if the file changed
        required = [m for m in self.result.materials if m.required]
        ok = sum(1 for m in required if m.status == "ok")
        self.countsChanged.emit(self.tr("材料 {ok}/{total}").format(ok=ok, total=len(required)))

    def _clear(self) -> None:
        self.tree.clear()
        self.preview.clear()
        self.reason.clear()
        self._drawn_for = None

    def _file_of(self, row: Any) -> Path | None:
        """The vault file of a material row (the case's rows carry it; the panel's own reading does not)."""
        path = getattr(row, "path", None)
        if path is None and getattr(row, "sha256", None):
            path = self.desk.materials.material_path(row)  # a path in the vault: no query
        return path

    def _load(self) -> None:
        """The checklist and files of the employee in view, read and checked on a worker."""
        self._load_generation += 1
        generation = self._load_generation
        desk, employee_id, business = self.desk, self.employee_id, self.business
        today, lang = desk.clock.today(), current_lang()

        def work(_task: Any) -> _Loaded:
            result = desk.employees.check(employee_id, business, today, lang)
            return _Loaded(employee_id, business, result, desk.materials.materials(employee_id))

        def ready(loaded: _Loaded) -> None:
            if generation != self._load_generation or loaded.employee_id != self.employee_id:
                return  # the user moved on, or the window's case arrived first
            self._end_busy()
            self._case = loaded
            self.refresh()

        self._begin_busy(self.tr("正在读取材料…"))
        run_task(work, ready, self._write_failed)

    def _select_slot(self, kind: str, material_id: int | None = None) -> None:
        item = self.tree.find(kind, material_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _selected(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        reason = current.data(0, REASON_ROLE) if current else None
        if reason is None and current is not None and current.parent() is not None:
            reason = current.parent().data(0, REASON_ROLE)  # a file: its slot's verdict
        self.reason.setText(reason or "")
        file_item = current
        if current is not None and current.data(0, MATERIAL_ROLE) is None and current.childCount():
            file_item = current.child(0)  # a slot: its first file
        if file_item is None or file_item.data(0, MATERIAL_ROLE) is None:
            self.preview.clear()
            return
        path = file_item.data(0, FILE_ROLE)
        if path is None or not Path(path).exists():
            self.preview.clear(self.tr("这份材料没有附文件"))
        elif Path(path) != self.preview.path:  # the same file stays as it is (page, zoom, scroll)
            page, self._keep_page = self._keep_page, 0  # a turned page stays in view
            self.preview.set_file(Path(path), page)

    def current_material_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, MATERIAL_ROLE) if item else None

    def current_kind(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KIND_ROLE) if item else None

    def _context_menu(self, pos: Any) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        if self.current_material_id() is None:
            if self.current_kind():
                menu.addAction(self.tr("替换…"), self.replace_dialog)
                menu.addAction(self.tr("添加页…"), self.attach_dialog)
                menu.addAction(self.tr("历史版本…"), self.open_history)
                menu.exec(self.tree.viewport().mapToGlobal(pos))
            return
        menu.addAction(self.tr("替换…"), self.replace_dialog)
        menu.addAction(self.tr("历史版本…"), self.open_history)
        menu.addAction(self.tr("向左旋转"), lambda: self.rotate_page(self.preview.page, -90))
        menu.addAction(self.tr("向右旋转"), lambda: self.rotate_page(self.preview.page, 90))
        menu.addAction(self.tr("设置日期…"), self.edit_dates)
        menu.addAction(self.tr("标记为已核实"), self.mark_verified)
        menu.addAction(self.tr("移到回收站"), self.remove_selected)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # --- busy ----------------------------------------------------------------------------------------

    def _begin_busy(self, message: str) -> None:
        self.busy.begin(message)
        self._set_busy(True)

    def _end_busy(self) -> None:
        self.busy.end()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.attach_button, self.replace_button, self.remove_button, self.undo_button):
            b.setEnabled(not busy)

    def is_busy(self) -> bool:
        return not self.attach_button.isEnabled()
