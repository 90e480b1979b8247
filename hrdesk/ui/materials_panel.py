"""The materials checklist of one employee for one business: status per material with the reason and
the guide section, attach by drag and drop or a file dialog, a preview of the selected file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import current_lang
from .pdf_preview import PdfPreview
from .workers import run_task

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
        "defective": QCoreApplication.translate("Materials", "扫描有缺陷"),
    }.get(status, status)


class MaterialsTree(QTreeWidget):
    """Accepts files dropped on a material (attached to it) or anywhere (asked which material)."""

    filesDropped = Signal(str, list)

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
        self.filesDropped.emit(kind or "", paths)
        event.acceptProposedAction()


class MaterialsPanel(QWidget):
    countsChanged = Signal(str)
    changed = Signal()

    def __init__(self, records: Any, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.employee_id: int | None = None
        self.business = "new"
        self.result: Any = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.attach_button = QPushButton()
        self.remove_button = QPushButton()
        self.undo_button = QPushButton()
        for b in (self.attach_button, self.remove_button, self.undo_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        split = QSplitter()
        self.tree = MaterialsTree()
        self.tree.setColumnCount(3)
        self.preview = PdfPreview()
        split.addWidget(self.tree)
        split.addWidget(self.preview)
        self.tree.setMinimumWidth(360)
        split.setSizes([560, 520])
        layout.addWidget(split, 1)
        self.attach_button.clicked.connect(self.attach_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.filesDropped.connect(self.attach_files)
        self.preview.pageMoveRequested.connect(self.move_page)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._removed: list[int] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("材料"), self.tr("状态"), self.tr("说明")])
        self.attach_button.setText(self.tr("添加文件…"))
        self.remove_button.setText(self.tr("移到回收站"))
        self.undo_button.setText(self.tr("撤销移除"))
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
        self.tree.clear()
        self.preview.clear()
        if self.employee_id is None:
            self.countsChanged.emit(self.tr("材料"))
            return
        case = getattr(self, "_case", None)
        if case is not None and (case.employee_id, case.business) == (self.employee_id, self.business):
            self.result, rows = case.result, case.materials
        else:  # after this panel's own write, until the new case arrives
            self.result = self.records.check(self.employee_id, self.business, date.today(), current_lang())
            rows = self.records.materials(self.employee_id)
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
            item.setToolTip(2, item.toolTip(0))
            pages_label = self.tr("页")
            for row in stored.get(m.provided_kind or m.kind, []):
                child = QTreeWidgetItem(
                    [
                        row.original_name or self.tr("（未附文件）"),
                        f"{row.pages or '?'} {pages_label}",
                        "；".join(row.defects or []),
                    ]
                )
                child.setData(0, KIND_ROLE, m.kind)
                child.setData(0, MATERIAL_ROLE, row.id)
                if row.defects:
                    child.setForeground(2, QBrush(QColor(STATUS_COLOURS["defective"])))
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
        self.tree.setColumnWidth(0, 240)
        self.tree.setColumnWidth(1, 80)
        required = [m for m in self.result.materials if m.required]
        ok = sum(1 for m in required if m.status == "ok")
        self.countsChanged.emit(self.tr("材料 {ok}/{total}").format(ok=ok, total=len(required)))

    def _selected(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        material_id = current.data(0, MATERIAL_ROLE) if current else None
        if material_id is None and current is not None and current.childCount():
            material_id = current.child(0).data(0, MATERIAL_ROLE)
        if material_id is None:
            self.preview.clear()
            return
        path = self.records.material_path(self.records.material(material_id))
        if path is None or not path.exists():
            self.preview.clear(self.tr("这份材料没有附文件"))
        else:
            self.preview.set_file(path)

    def current_material_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, MATERIAL_ROLE) if item else None

    def _context_menu(self, pos: Any) -> None:
        from PySide6.QtWidgets import QMenu

        if self.current_material_id() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("旋转当前页 90°"), self.rotate_current_page)
        menu.addAction(self.tr("设置日期…"), self.edit_dates)
        menu.addAction(self.tr("标记为已核实"), self.mark_verified)
        menu.addAction(self.tr("移到回收站"), self.remove_selected)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def rotate_current_page(self) -> None:
        """Rotate the previewed page; the result is a new vault file, the old one stays in the trash."""
        material_id = self.current_material_id()
        path = self.preview.path
        if material_id is None or path is None:
            return
        import pymupdf

        with pymupdf.open(path) as doc:
            page = doc[self.preview.page]
            page.set_rotation((page.rotation + 90) % 360)
            data = doc.tobytes(garbage=3, deflate=True)
        self.records.replace_material_file(material_id, data)
        self.refresh()
        self.changed.emit()

    def move_page(self, source: int, target: int) -> None:
        """Put page `source` at `target`; saved as a new vault file like a rotation."""
        material_id = self.current_material_id()
        path = self.preview.path
        if material_id is None or path is None:
            return
        import pymupdf

        with pymupdf.open(path) as doc:
            order = list(range(doc.page_count))
            order.insert(target, order.pop(source))
            doc.select(order)
            data = doc.tobytes(garbage=3, deflate=True)
        self.records.replace_material_file(material_id, data)
        self.refresh()
        self.changed.emit()

    def edit_dates(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        material_id = self.current_material_id()
        if material_id is None:
            return
        material = self.records.material(material_id)
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
                values[field] = date.fromisoformat(text.strip()) if text.strip() else None
            except ValueError:
                QMessageBox.warning(self, self.tr("设置日期"), self.tr("日期格式应为 2026-01-31"))
                return
        self.records.update_material(material_id, **values)
        self.refresh()
        self.changed.emit()

    def mark_verified(self) -> None:
        from datetime import datetime

        material_id = self.current_material_id()
        if material_id is None:
            return
        self.records.update_material(
            material_id, verified_by=self.records.actor, verified_at=datetime.now().astimezone()
        )
        self.refresh()

    def current_kind(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KIND_ROLE) if item else None

    def attach_dialog(self) -> None:
        kind = self.current_kind()
        if not kind:
            QMessageBox.information(self, self.tr("添加文件"), self.tr("请先在清单中选择一项材料。"))
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择扫描件"), "", self.tr("PDF 或图片 (*.pdf *.jpg *.jpeg *.png)")
        )
        if files:
            self.attach_files(kind, files)

    def attach_files(self, kind: str, paths: list[str]) -> None:
        if self.employee_id is None:
            return
        kind = kind or self.current_kind() or ""
        if not kind:
            QMessageBox.information(self, self.tr("添加文件"), self.tr("请把文件拖到清单中对应的材料上。"))
            return
        bad = [Path(p).name for p in paths if Path(p).suffix.lower() not in ACCEPTED]
        good = [Path(p) for p in paths if Path(p).suffix.lower() in ACCEPTED]
        if bad:
            QMessageBox.warning(
                self, self.tr("添加文件"), self.tr("只能添加 PDF、JPG、PNG 文件：") + "、".join(bad)
            )
        if not good:
            return
        employee_id, records = self.employee_id, self.records

        def work(task: Any) -> int:
            for i, path in enumerate(good):
                task.report(i, len(good))
                records.attach(employee_id, kind, path)
            return len(good)

        self.attach_button.setEnabled(False)
        run_task(work, self._attached, self._attach_failed)

    def _attached(self, _count: object) -> None:
        self.attach_button.setEnabled(True)
        self.refresh()
        self.changed.emit()

    def _attach_failed(self, message: str) -> None:
        self.attach_button.setEnabled(True)
        if message:
            QMessageBox.warning(self, self.tr("添加文件"), message)
        self.refresh()

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        material_id = item.data(0, MATERIAL_ROLE) if item else None
        if material_id is None:
            return
        self.records.remove_material(material_id)
        self._removed.append(material_id)
        self.refresh()
        self.changed.emit()

    def undo_remove(self) -> None:
        if self._removed:
            self.records.restore_material(self._removed.pop())
            self.refresh()
            self.changed.emit()
