"""The materials checklist of one employee for one business: status per material slot with the reason
(in full, under the tree) and the guide section; a preview of the selected file.

A slot's files are edited where they are: drop a file onto a file to replace it, onto a slot to replace
all its files (onto an empty slot to attach it); "添加页" adds a file to the slot; Delete moves the file
with focus to the trash (回收站), never anything else. The old file of a replace goes to the trash too."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import SIGNAL, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...labels import join_notes, with_page
from ...mupdf_lock import MUPDF
from ..i18n import current_lang
from ..workers import run_task, run_write
from . import confirm_fields
from .pdf_preview import PdfPreview

STATUS_COLOURS = {
    "ok": "#2e7d32",
    "missing": "#c62828",
    "expires-too-soon": "#ef6c00",
    "expired": "#c62828",
    "too-old": "#ef6c00",
    "defective": "#8e24aa",
}
GROUP_ORDER = ["identity", "education", "employment", "residence", "family", "qualification", "unit"]
ACCEPTED = {".pdf", ".jpg", ".jpeg", ".png"}
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
MATERIAL_ROLE = Qt.ItemDataRole.UserRole + 2
REASON_ROLE = Qt.ItemDataRole.UserRole + 3
BUSY_AFTER_MS = 300  # work that ends sooner shows no busy state (no flicker)


class _Loaded:
    """The panel's own reading of one employee's checklist (when no case came from the window)."""

    def __init__(self, employee_id: int, business: str, result: Any, materials: list[Any]) -> None:
        self.employee_id, self.business, self.result, self.materials = (
            employee_id,
            business,
            result,
            materials,
        )


def group_label(group: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "identity": QCoreApplication.translate("Materials", "身份"),
        "education": QCoreApplication.translate("Materials", "学历与资格"),
        "employment": QCoreApplication.translate("Materials", "就业与收入"),
        "residence": QCoreApplication.translate("Materials", "住所"),
        "family": QCoreApplication.translate("Materials", "家庭"),
        "qualification": QCoreApplication.translate("Materials", "申请条件材料"),
        "unit": QCoreApplication.translate("Materials", "单位材料"),
    }.get(group, group)


def status_text(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "ok": QCoreApplication.translate("Materials", "齐全"),
        "missing": QCoreApplication.translate("Materials", "缺失"),
        "expires-too-soon": QCoreApplication.translate("Materials", "有效期不足"),
        "expired": QCoreApplication.translate("Materials", "已过期"),
        "too-old": QCoreApplication.translate("Materials", "已超期"),
        "defective": QCoreApplication.translate("Materials", "有缺陷"),
    }.get(status, status)


class MaterialsTree(QTreeWidget):
    """Accepts files dropped on a file (replace it), on a slot (replace the slot) or anywhere (the
    current slot). The Delete key belongs to the tree while it has focus: it asks to trash the file
    with focus and never reaches the window's "delete employee" shortcut."""

    filesDropped = Signal(str, list)
    filesDroppedOn = Signal(str, object, list)  # kind, material id or None (the slot), paths
    deleteRequested = Signal()

    def event(self, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
            Qt.Key.Key_Delete,
            Qt.Key.Key_Backspace,
        ):
            event.accept()  # the key press comes to keyPressEvent, not to a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        item = self.itemAt(event.position().toPoint())
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if kind:
            self.filesDroppedOn.emit(kind, item.data(0, MATERIAL_ROLE), paths)
        else:
            self.filesDropped.emit("", paths)
        event.acceptProposedAction()


class MaterialsPanel(QWidget):
    countsChanged = Signal(str)
    changed = Signal()
    employeesRestored = Signal(list)  # ids of employees restored from the trash (for the list)

    def __init__(self, desk: Any, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_id: int | None = None
        self.business = "new"
        self.result: Any = None
        from ..conflicts import ask_reload_or_overwrite

        self.ask_conflict = ask_reload_or_overwrite  # another desk saved the material first
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
        # Work on the writer or a reader thread: after 300 ms a line says what is happening.
        busy_row = QHBoxLayout()
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setTextVisible(False)
        busy_row.addWidget(self.busy_label, 1)
        busy_row.addWidget(self.busy_bar)
        layout.addLayout(busy_row)
        self.busy_label.hide()
        self.busy_bar.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._show_busy)
        self._busy_message = ""
        self._load_generation = 0
        self._keep_page = 0
        self._keep_material: int | None = None
        split = QSplitter()
        self.tree = MaterialsTree()
        self.tree.setColumnCount(3)
        # Narrow enough for a 1366-pixel screen beside the list: the name takes what is left, the
        # status fits its words, a finding is cut in the column and read in full in the pane below.
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview = PdfPreview()
        self.preview.set_editable(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        # The selected slot's reason in full (a defect list does not fit a column).
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        keep = self.current_kind()  # the slot in view stays in view, with its new verdict
        self._keep_material = self.current_material_id()
        self.tree.clear()
        self.preview.clear()
        self.reason.clear()
        if self.employee_id is None:
            self.countsChanged.emit(self.tr("材料"))
            return
        case = getattr(self, "_case", None)
        if case is not None and (case.employee_id, case.business) == (self.employee_id, self.business):
            self.result, rows = case.result, case.materials
        else:  # no case from the window for this employee: read it on a worker, then draw
            self._load()
            return
        stored: dict[str, list[Any]] = {}
        for m in rows:
            stored.setdefault(m.kind, []).append(m)
        groups: dict[str, QTreeWidgetItem] = {}
        optional_root = QTreeWidgetItem([self.tr("可选材料")])
        for m in self.result.materials:
            if m.required:
                key = m.group
                if key not in groups:
                    groups[key] = QTreeWidgetItem([group_label(key)])
                parent = groups[key]
            else:
                parent = optional_root
            optional_missing = not m.required and m.status == "missing"
            item = QTreeWidgetItem(
                [m.name, self.tr("未提供") if optional_missing else status_text(m.status), m.reason]
            )
            item.setData(0, KIND_ROLE, m.kind)
            colour = "#9e9e9e" if optional_missing else STATUS_COLOURS.get(m.status, "#000")
            item.setForeground(1, QBrush(QColor(colour)))
            source_label = self.tr("依据")
            item.setToolTip(0, f"{m.reason}\n{source_label}：{m.source}" if m.source else m.reason)
            item.setToolTip(1, item.toolTip(0))
            item.setToolTip(2, item.toolTip(0))
            item.setData(0, REASON_ROLE, item.toolTip(0))
            pages_label = self.tr("页")
            for row in stored.get(m.provided_kind or m.kind, []):
                child = QTreeWidgetItem(
                    [
                        row.original_name or self.tr("（未附文件）"),
                        f"{row.pages or '?'} {pages_label}",
                        join_notes(row.defects or [], current_lang()),
                    ]
                )
                child.setData(0, KIND_ROLE, m.kind)
                child.setData(0, MATERIAL_ROLE, row.id)
                if row.defects:
                    child.setData(0, REASON_ROLE, "\n".join(row.defects))
                    child.setToolTip(2, "\n".join(row.defects))
                if row.defects:
                    child.setForeground(2, QBrush(QColor(STATUS_COLOURS["defective"])))
                self._show_inspection(child, row)
                item.addChild(child)
            parent.addChild(item)
        for key in GROUP_ORDER:
            if key in groups:
                self.tree.addTopLevelItem(groups[key])
        for key, item in groups.items():
            if key not in GROUP_ORDER:
                self.tree.addTopLevelItem(item)
        if optional_root.childCount():
            self.tree.addTopLevelItem(optional_root)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 200)
        if keep:
            self._select_slot(keep, self._keep_material)
        required = [m for m in self.result.materials if m.required]
        ok = sum(1 for m in required if m.status == "ok")
        self.countsChanged.emit(self.tr("材料 {ok}/{total}").format(ok=ok, total=len(required)))

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
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                slot = group.child(j)
                if slot.data(0, KIND_ROLE) == kind:
                    for k in range(slot.childCount()):  # the file that was in view, if it still is
                        if material_id is not None and slot.child(k).data(0, MATERIAL_ROLE) == material_id:
                            self.tree.setCurrentItem(slot.child(k))
                            return
                    self.tree.setCurrentItem(slot)
                    return

    def _selected(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        reason = current.data(0, REASON_ROLE) if current else None
        if reason is None and current is not None and current.parent() is not None:
            reason = current.parent().data(0, REASON_ROLE)  # a file: its slot's verdict
        self.reason.setText(reason or "")
        material_id = current.data(0, MATERIAL_ROLE) if current else None
        if material_id is None and current is not None and current.childCount():
            material_id = current.child(0).data(0, MATERIAL_ROLE)
        if material_id is None:
            self.preview.clear()
            return
        path = self.desk.materials.material_path(self.desk.materials.material(material_id))
        if path is None or not path.exists():
            self.preview.clear(self.tr("这份材料没有附文件"))
        else:
            page, self._keep_page = self._keep_page, 0  # a turned page stays in view
            self.preview.set_file(path, page)

    def current_material_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, MATERIAL_ROLE) if item else None

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

    def rotate_page(self, page: int, degrees: int) -> None:
        """Turn one page of the file in view (90: clockwise, -90: anticlockwise). The file is rewritten
        and scanned again on the writer thread; the file as first added stays in the trash, once."""
        material_id = self.current_material_id()
        path = self.preview.path
        if material_id is None or path is None:
            return

        def edit(doc: Any) -> None:
            target = doc[page]
            target.set_rotation((target.rotation + degrees) % 360)

        self._keep_page = page
        self._rewrite(material_id, path, edit)

    def move_page(self, source: int, target: int) -> None:
        """Put page `source` at `target`; saved like a rotation."""
        material_id = self.current_material_id()
        path = self.preview.path
        if material_id is None or path is None:
            return

        def edit(doc: Any) -> None:
            order = list(range(doc.page_count))
            order.insert(target, order.pop(source))
            doc.select(order)

        self._keep_page = target
        self._rewrite(material_id, path, edit)

    def _rewrite(self, material_id: int, path: Path, edit: Any) -> None:
        desk = self.desk

        def work(_task: Any) -> None:
            import pymupdf

            with MUPDF, pymupdf.open(path) as doc:
                edit(doc)
                data = doc.tobytes(garbage=3, deflate=True)
            desk.materials.replace_material_file(material_id, data)

        self.preview.set_edit_busy(True)
        self._write(work, self.tr("正在保存并检查扫描件…"))

    def _write(self, work: Any, message: str) -> None:
        """A change to the records, on the one writer thread; the panel redraws when it is stored."""
        self._begin_busy(message)
        run_write(work, lambda _r: self._written(), self._write_failed)

    def _written(self) -> None:
        self._end_busy()
        self._after_write()

    def _write_failed(self, message: str) -> None:
        self._end_busy()
        if message:
            QMessageBox.warning(self, self.tr("材料"), message)
        self._after_write()

    def _begin_busy(self, message: str) -> None:
        self._busy_message = message
        self._set_busy(True)
        self._busy_timer.start(BUSY_AFTER_MS)

    def _show_busy(self) -> None:
        self.busy_label.setText(self._busy_message)
        self.busy_bar.setRange(0, 0)  # busy, no known length (a task with steps sets its own range)
        self.busy_label.show()
        self.busy_bar.show()

    def _progress(self, done: int, total: int) -> None:
        if total > 1:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    def _end_busy(self) -> None:
        self._busy_timer.stop()
        self.busy_label.hide()
        self.busy_bar.hide()
        self._set_busy(False)

    def is_busy(self) -> bool:
        return not self.attach_button.isEnabled()

    def edit_dates(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        material_id = self.current_material_id()
        if material_id is None:
            return
        material = self.desk.materials.material(material_id)
        values = {}
        for field, label in (
            ("issued_on", self.tr("形成/签发日期（YYYY-MM-DD，可空）")),
            ("valid_until", self.tr("有效期至（YYYY-MM-DD，可空）")),
        ):
            current = getattr(material, field)
            text, ok = QInputDialog.getText(
                self, self.tr("设置日期"), label, text=current.isoformat() if current else ""
            )
            if not ok:
                return
            try:
                value = date.fromisoformat(text.strip()) if text.strip() else None
            except ValueError:
                QMessageBox.warning(self, self.tr("设置日期"), self.tr("日期格式应为 2026-01-31"))
                return
            if value != current:  # only what changed: another desk's other date stands
                values[field] = value
        if values:
            self.save_material(material, values)

    def save_material(self, material: Any, values: dict[str, Any]) -> None:
        """Save `values` on the writer thread against the version shown; another desk's change to the same
        material since: reload or overwrite (asked here, on the UI thread), and a material deleted
        meanwhile: said so."""
        from ...materials.service import RecordGone, StaleVersion
        from ..conflicts import OVERWRITE

        desk = self.desk

        def work(_task: Any) -> str:
            try:
                desk.materials.update_material(material.id, material.version, material, **values)
            except StaleVersion:
                return "stale"
            except RecordGone as exc:
                return f"gone:{exc}"
            return "saved"

        def done(outcome: str) -> None:
            self._end_busy()
            if outcome == "stale" and self.ask_conflict(self, self.tr("这份材料")) == OVERWRITE:
                self._write(
                    lambda _t: desk.materials.update_material(material.id, None, **values),
                    self.tr("正在保存…"),
                )
                return
            if outcome.startswith("gone:"):
                QMessageBox.warning(self, self.tr("设置日期"), outcome[5:])
            self._after_write()

        self._begin_busy(self.tr("正在保存…"))
        run_write(work, done, self._write_failed)

    def mark_verified(self) -> None:

        material_id = self.current_material_id()
        if material_id is None:
            return
        material = self.desk.materials.material(material_id)
        values = {"verified_by": self.desk.uow.actor, "verified_at": self.desk.clock.now().astimezone()}
        self.save_material(material, values)

    def current_kind(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KIND_ROLE) if item else None

    def _pick_files(self, title: str, hint: str, caption: str) -> tuple[str, list[str]] | None:
        """The selected slot and the scans the user picks for it (None: no slot selected, or cancel)."""
        kind = self.current_kind()
        if not kind:
            QMessageBox.information(self, title, hint)
            return None
        files, _ = QFileDialog.getOpenFileNames(
            self, caption, "", self.tr("PDF 或图片 (*.pdf *.jpg *.jpeg *.png)")
        )
        return (kind, files) if files else None

    def attach_dialog(self) -> None:
        picked = self._pick_files(
            self.tr("添加文件"), self.tr("请先在清单中选择一项材料。"), self.tr("选择扫描件")
        )
        if picked:
            self.attach_files(*picked)

    def attach_files(self, kind: str, paths: list[str]) -> None:
        if self.employee_id is None:
            return
        kind = kind or self.current_kind() or ""
        if not kind:
            QMessageBox.information(self, self.tr("添加文件"), self.tr("请把文件拖到清单中对应的材料上。"))
            return
        good = self._accepted(paths)
        if not good:
            return
        employee_id, desk = self.employee_id, self.desk

        def work(task: Any) -> int:
            for i, path in enumerate(good):
                task.report(i, len(good))
                desk.materials.add_page(employee_id, kind, path)  # stored, then scanned
            return len(good)

        self._start_attach(work)

    def _start_attach(self, work: Any) -> None:
        """Attaching stores and scans each file (seconds per scan): say so at once, with the count."""
        self._begin_busy(self.tr("正在检查扫描件…"))
        self._show_busy()
        task = run_write(work, self._attached, self._attach_failed)  # the one writer thread
        task.signals.progress.connect(self._progress)

    # --- scan inspection (OCR on worker processes; results cached by file content) ------------------

    def _show_inspection(self, child: QTreeWidgetItem, row: Any) -> None:
        """What reading the scan found, beside the scan-quality flags of that file."""
        if self._inspected_for != self.employee_id:
            return
        inspection = self.inspections.get(row.id)
        if inspection is None:
            return
        # The inspection's list is the file's one list (image checks included): the row's defects are
        # its blockers, so they are not shown twice.
        findings = [f for f in inspection.findings if f.severity in ("blocker", "warning")]
        if not findings:
            child.setText(2, self.tr("识别：未发现问题"))
            return
        texts = [with_page(f.page, f.message, self.tr("第 {page} 页")) for f in findings]
        child.setText(2, join_notes(texts, current_lang()))
        reason = "\n".join(texts)  # the one list of this file; codes stay in the logs, not on screen
        child.setData(0, REASON_ROLE, reason)
        child.setToolTip(2, reason)
        worst = "blocker" if any(f.severity == "blocker" for f in findings) else "warning"
        child.setForeground(
            2, QBrush(QColor(STATUS_COLOURS["defective"] if worst == "blocker" else "#ef6c00"))
        )

    def inspect_scans(self) -> None:
        """Read this employee's scans in the background (new files only: readings are cached)."""
        from ...materials.inspection.inspect import inspect_employee, inspection_available

        if self.employee_id is None:
            return
        if not inspection_available():
            QMessageBox.information(self, self.tr("识别扫描件"), self.tr("此安装不含离线识别组件。"))
            return
        desk, employee_id, business = self.desk, self.employee_id, self.business
        lang = current_lang()
        self.inspect_button.setEnabled(False)
        self.reason.setText(self.tr("正在识别扫描件…"))

        def work(task: Any) -> tuple[int, list[Any]]:
            def progress(done: int, total: int, _partial: Any) -> None:
                task.signals.progress.emit(done, total)

            return employee_id, inspect_employee(
                desk, employee_id, business=business, lang=lang, on_progress=progress
            )

        task = run_task(work, self._inspected, self._inspect_failed)
        task.signals.progress.connect(
            lambda d, n: self.reason.setText(self.tr("正在识别扫描件：{d} / {n} 页").format(d=d, n=n))
        )

    def _inspected(self, result: Any) -> None:
        employee_id, inspections = result
        self.inspect_button.setEnabled(True)
        if employee_id != self.employee_id:
            return
        self.inspections = {i.material_id: i for i in inspections if i.material_id is not None}
        self._inspected_for = employee_id
        found = {i.material_id: i.findings for i in inspections if i.material_id is not None}
        desk = self.desk
        run_write(lambda _task: desk.materials.record_findings(found), lambda _n: self.refresh())
        problems = sum(1 for i in inspections for f in i.findings if f.severity in ("blocker", "warning"))
        self.refresh()
        self.reason.setText(
            self.tr("识别完成：{n} 份扫描件，{p} 处需要核对（见各文件右侧）。").format(
                n=len(inspections), p=problems
            )
        )

    def _inspect_failed(self, message: str) -> None:
        self.inspect_button.setEnabled(True)
        if message:
            self.reason.setText(message)

    def _after_write(self) -> None:
        """This panel changed the records: the case it was given is stale. The window rebuilds the case
        on a worker and hands it back (set_case); a panel on its own reads its checklist again itself.
        Nothing is checked on the UI thread."""
        self._case = None
        self.preview.set_edit_busy(False)
        self.changed.emit()
        if self.receivers(SIGNAL("changed()")) == 0:
            self.refresh()

    def _attached(self, _count: object) -> None:
        self._end_busy()
        self._after_write()
        from ...materials.inspection.inspect import inspection_available

        if inspection_available():  # read the new scan right away (only new files are read)
            self.inspect_scans()

    def _attach_failed(self, message: str) -> None:
        self._end_busy()
        if message:
            QMessageBox.warning(self, self.tr("添加文件"), message)
        self._after_write()  # a partly done batch: show what was stored

    def replace_dialog(self) -> None:
        picked = self._pick_files(
            self.tr("替换"), self.tr("请先在清单中选择一项材料或一个文件。"), self.tr("选择新的扫描件")
        )
        if picked:
            self.replace_files(picked[0], self.current_material_id(), picked[1])

    def replace_files(self, kind: str, material_id: int | None, paths: list[str]) -> None:
        """New scans in place of one file (`material_id`) or of the whole slot (None); the first path
        replaces, any further ones are added after it. An empty slot simply gets the files."""
        if self.employee_id is None:
            return
        good = self._accepted(paths)
        if not good:
            return
        employee_id, desk = self.employee_id, self.desk

        def work(task: Any) -> int:
            task.report(0, len(good))
            if material_id is not None:
                desk.materials.replace_material(material_id, good[0])
            else:
                desk.materials.replace_slot(employee_id, kind, good[0])
            for i, path in enumerate(good[1:], start=1):
                task.report(i, len(good))
                desk.materials.add_page(employee_id, kind, path)
            return len(good)

        self._start_attach(work)

    def _accepted(self, paths: list[str]) -> list[Path]:
        bad = [Path(p).name for p in paths if Path(p).suffix.lower() not in ACCEPTED]
        if bad:
            QMessageBox.warning(
                self, self.tr("添加文件"), self.tr("只能添加 PDF、JPG、PNG 文件：") + "、".join(bad)
            )
        return [Path(p) for p in paths if Path(p).suffix.lower() in ACCEPTED]

    def _set_busy(self, busy: bool) -> None:
        for b in (self.attach_button, self.replace_button, self.remove_button, self.undo_button):
            b.setEnabled(not busy)

    def open_history(self) -> None:
        """The current slot's earlier files (superseded or removed), to restore one."""
        kind = self.current_kind()
        if kind and self.employee_id is not None:
            self.open_trash((self.employee_id, kind))

    def open_trash(self, slot: tuple[int, str] | None = None) -> None:
        from .trash_view import TrashDialog

        dialog = TrashDialog(self.desk, self, slot if isinstance(slot, tuple) else None)
        dialog.employeesRestored.connect(self.employeesRestored)
        dialog.exec()
        if dialog.changed_any:
            self._after_write()

    def remove_selected(self) -> None:
        """Trash the file with focus (Delete in the tree, the button, the menu); a slot or a group is
        never deleted as a whole from here, and nothing else is."""
        item = self.tree.currentItem()
        material_id = item.data(0, MATERIAL_ROLE) if item else None
        if material_id is None:
            if item is not None and item.childCount() and item.data(0, KIND_ROLE):
                self.reason.setText(self.tr("请选中要移到回收站的文件（材料下面的文件行）。"))
            return
        desk = self.desk
        self._removed.append(material_id)
        self._write(lambda _t: desk.materials.remove_material(material_id), self.tr("正在移到回收站…"))

    def undo_remove(self) -> None:
        if self._removed:
            desk, material_id = self.desk, self._removed.pop()
            self._write(lambda _t: desk.materials.restore_material(material_id), self.tr("正在恢复…"))
