"""A new employee from a folder of their scans, dropped on the employee list: the ID card (else the
household register) proposes the name and ID number, every other scan is sorted into its slot by its
title, and HR confirms before anything is stored — a value is taken only when its box is ticked, a file
attached only when its row is. Once the record exists, the confirmation view proposes the rest (contract
dates, graduation, housing …) from the same cached readings.

The folder is read on a worker thread (OCR on the inspection's process pool, each file's reading cached
by content, so the confirmation view after it reads nothing again); the record is written on the
window's writer thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..workers import run_task

if TYPE_CHECKING:
    from ..main_window import MainWindow

COL_TAKE, COL_WHAT, COL_VALUE, COL_SOURCE = range(4)


def dropped_folder(mime: Any) -> Path | None:
    """The one local folder among the dropped URLs (a folder of one person's scans), else None."""
    if not mime.hasUrls():
        return None
    folders = [
        Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_dir()
    ]
    return folders[0] if len(folders) == 1 else None


class FolderDrop(QObject):
    """Watches the employee list for a dropped folder (files dropped on the list are left alone: they
    belong on a material slot)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.dialog: NewFromFolderDialog | None = None
        view = window.table.viewport()
        view.setAcceptDrops(True)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_folder(event.mimeData()) is not None and self.w.desk is not None:
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            folder = dropped_folder(event.mimeData())
            if folder is None or self.w.desk is None:
                return False
            event.acceptProposedAction()
            self.open(folder)
            return True
        return False

    def open(self, folder: Path) -> NewFromFolderDialog | None:
        if not self.w.desk.units.employers():
            QMessageBox.information(
                self.w, self.tr("从文件夹新建员工"), self.tr("请先在“单位与经办人”中添加一个单位。")
            )
            return None
        self.dialog = NewFromFolderDialog(self.w, folder)
        self.dialog.open()
        return self.dialog


def install(window: MainWindow) -> FolderDrop:
    return FolderDrop(window)


class NewFromFolderDialog(QDialog):
    """`created(employee_id)` once the record is stored and its files attached; `confirm_view` is then
    the confirmation view for the rest of the fields."""

    created = Signal(int)

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.w, self.folder = window, folder
        self.reading: Any = None
        self.identity_rows: list[tuple[Any, str]] = []  # (ReadField, file)
        self.file_rows: list[tuple[Path, str | None]] = []
        self.confirm_view: Any = None
        self.loaded = False
        self.setWindowTitle(self.tr("从文件夹新建员工"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("正在读取 {folder} 中的扫描件…").format(folder=folder.name))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.unit = QComboBox()
        for unit in window.desk.units.employers():
            self.unit.addItem(unit.name, unit.id)
        wanted = window.unit_filter.currentData()
        if wanted is not None and self.unit.findData(wanted) >= 0:
            self.unit.setCurrentIndex(self.unit.findData(wanted))
        form.addRow(self.tr("单位"), self.unit)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("新档案（勾选要采用的项）")))
        self.identity = QTableWidget(0, 4)
        self.identity.setHorizontalHeaderLabels(
            [self.tr("采用"), self.tr("项目"), self.tr("扫描件上"), self.tr("来源")]
        )
        self.identity.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.identity.horizontalHeader().setStretchLastSection(True)
        self.identity.setMaximumHeight(110)
        layout.addWidget(self.identity)
        layout.addWidget(QLabel(self.tr("材料（勾选的文件附加到对应材料项）")))
        self.files = QTableWidget(0, 3)
        self.files.setHorizontalHeaderLabels([self.tr("附加"), self.tr("文件"), self.tr("材料")])
        self.files.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.files.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.files, 1)
        buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("建立档案"))
        self.create_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        desk, today = window.desk, window.clock.today()

        def work(_task: Any) -> Any:
            from ...materials.inspection.fields import read_folder

            return read_folder(folder, data_dir=desk.data_dir, on=today)

        run_task(work, self._loaded, self._failed)

    def field_label(self, name: str) -> str:
        return {"name": self.tr("姓名"), "id_number": self.tr("公民身份号码")}.get(name, name)

    def kind_label(self, kind: str | None) -> str:
        if not kind:
            return self.tr("未识别（不附加）")
        from ...checks.check import policies
        from ..i18n import current_lang

        info = policies(self.w.desk.data_dir).materials.get(kind)
        if info is None:
            return kind
        return info.en if current_lang() == "en" else info.zh

    def _loaded(self, reading: Any) -> None:
        self.reading = reading
        for key in ("name", "id_number"):
            found = reading.identity.get(key)
            if found is not None:
                self.identity_rows.append((found, reading.identity_file))
        self.identity.setRowCount(len(self.identity_rows))
        for i, (found, file) in enumerate(self.identity_rows):
            take = QTableWidgetItem()
            take.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            take.setCheckState(Qt.CheckState.Unchecked)  # proposed; taken only when HR ticks it
            self.identity.setItem(i, COL_TAKE, take)
            self.identity.setItem(i, COL_WHAT, QTableWidgetItem(self.field_label(found.field)))
            self.identity.setItem(i, COL_VALUE, QTableWidgetItem(found.value))
            source = self.tr("{file} 第 {page} 页（置信度 {c:.0%}）").format(
                file=file, page=found.page, c=found.confidence
            )
            self.identity.setItem(i, COL_SOURCE, QTableWidgetItem(source))
        self.file_rows = [(path, kind) for path, kind, _r in reading.files]
        self.files.setRowCount(len(self.file_rows))
        for i, (path, kind) in enumerate(self.file_rows):
            attach = QTableWidgetItem()
            if kind:
                attach.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                )
                attach.setCheckState(Qt.CheckState.Checked)
            else:
                attach.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.files.setItem(i, 0, attach)
            self.files.setItem(i, 1, QTableWidgetItem(path.name))
            self.files.setItem(i, 2, QTableWidgetItem(self.kind_label(kind)))
        self.identity.resizeColumnsToContents()
        self.files.resizeColumnsToContents()
        sorted_count = sum(1 for _p, kind in self.file_rows if kind)
        if self.identity_rows:
            text = self.tr(
                "从 {file} 读出新档案的姓名和身份证号；{n} 个文件中 {k} 个已归入材料项。"
                "勾选要采用的项，再点“建立档案”；其余信息随后逐项确认。"
            ).format(file=reading.identity_file, n=len(self.file_rows), k=sorted_count)
        else:
            text = self.tr("文件夹中没有读出姓名和身份证号的身份证或户口簿本人页：无法建立新档案。")
        self.summary.setText(text)
        self.create_button.setEnabled(bool(self.identity_rows))
        self.loaded = True

    def _failed(self, message: str) -> None:
        self.summary.setText(message or self.tr("读取扫描件失败。"))
        self.loaded = True

    def set_ticked(self, row: int, ticked: bool = True) -> None:
        self.identity.item(row, COL_TAKE).setCheckState(
            Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        )

    def ticked_identity(self) -> list[tuple[Any, str]]:
        return [
            row
            for i, row in enumerate(self.identity_rows)
            if self.identity.item(i, COL_TAKE).checkState() == Qt.CheckState.Checked
        ]

    def ticked_files(self) -> list[tuple[Path, str]]:
        return [
            (path, kind)
            for i, (path, kind) in enumerate(self.file_rows)
            if kind and self.files.item(i, 0).checkState() == Qt.CheckState.Checked
        ]

    def create(self) -> None:
        identity = self.ticked_identity()
        if not any(f.field == "name" for f, _file in identity):
            QMessageBox.information(
                self, self.tr("从文件夹新建员工"), self.tr("请勾选姓名：新档案至少需要姓名。未建立档案。")
            )
            return
        files, employer_id = self.ticked_files(), self.unit.currentData()
        self.create_button.setEnabled(False)
        self.summary.setText(self.tr("正在建立档案并附加 {n} 个文件…").format(n=len(files)))

        def write(desk: Any) -> list[int]:
            from ...materials.inspection.fields import create_from_folder

            return [create_from_folder(desk, employer_id, identity, files)]

        self.w.run_op(write, None, self._created, self._create_failed)

    def _created(self, ids: list[int]) -> None:
        employee_id = ids[0]
        self.created.emit(employee_id)
        self.accept()
        self.w.open_employee(employee_id)
        self.confirm_view = open_rest(self.w, employee_id, [kind for _path, kind in self.ticked_files()])

    def _create_failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.summary.setText(message or self.tr("建立档案失败。"))


def open_rest(window: MainWindow, employee_id: int, attached: list[str]) -> Any:
    """The confirmation view for the new record's other fields, from its attached files' readings (the
    files are looked up and read on the view's worker); none when no attached kind has a reader."""
    from ...materials.inspection.field_readers import kinds
    from .confirm_fields import ConfirmFieldsDialog

    if not set(attached) & set(kinds()):
        return None
    dialog = ConfirmFieldsDialog(window.desk, employee_id, None, window)
    dialog.written.connect(lambda _version: window.apply_changes([employee_id]))
    dialog.open()
    return dialog
