"""从扫描件填写: the facts read off an employee's scans side by side with the record. A field the record
lacks is proposed; one that differs is shown as a difference with the crop of the page where it was read,
so HR sees the print before deciding. Nothing is written until HR ticks a row and confirms; the ticked
values go through the record's one update path against the version the case was loaded at, and the audit
log names the file and page each came from (never the value).

Finding the files, reading them (OCR, or the cached reading of the same file content; a file the
findings are reading at that moment is waited for, not read twice) and cropping run on a worker thread;
the view says it is busy meanwhile."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...mupdf_lock import MUPDF
from ..i18n import current_lang
from ..workers import run_task, run_write

COL_TAKE, COL_FIELD, COL_RECORD, COL_READ, COL_SOURCE = range(5)


@dataclass(frozen=True)
class Source:
    """One file to read: where it is, which reader applies, and the name HR knows it by."""

    path: Path
    kind: str
    file: str


def render_crop(path: Path, page: int, box: tuple[float, float, float, float], dpi: int = 150) -> bytes:
    """The part of the page where a value was read (a margin around its box), as PNG bytes."""
    import pymupdf

    with MUPDF, pymupdf.open(path) as doc:
        p = doc[page - 1]
        w, h = p.rect.width, p.rect.height
        pad_x, pad_y = 0.02 * w, 0.01 * h
        clip = pymupdf.Rect(
            max(0, box[0] * w - pad_x),
            max(0, box[1] * h - pad_y),
            min(w, box[2] * w + pad_x),
            min(h, box[3] * h + pad_y),
        )
        return p.get_pixmap(dpi=dpi, clip=clip).tobytes("png")


def read_sources(
    desk: Any,
    employee_id: int,
    sources: list[Source] | None,
    case: Any = None,
    kind: str | None = None,
    lang: str = "zh",
) -> dict[str, Any]:
    """Everything the view shows, built on the worker: the files to read (`sources`, or when None the
    employee's files of `kind` that a reader applies to, else all such files), the record as the case in
    view loaded it (and that version: a save by another desk since then is refused, not overwritten),
    the proposals of every file, and the crop of each value that is not already the record's. A file
    that cannot be read comes with what is wrong with it, in `lang`."""
    from ...materials.inspection.fields import UnreadableFile, proposals, read_document

    if sources is None:
        sources = sources_for(desk, employee_id, kind) or sources_for(desk, employee_id)
    if case is not None and case.employee_id == employee_id:
        profile, version = case.profile, case.version
    else:
        profile = desk.employees.profile(employee_id)
        version = desk.employees.employee(employee_id).version
    rows: list[tuple[Any, bytes]] = []
    unreadable: list[tuple[str, str | None]] = []  # (file, what is wrong with it)
    for source in sources:
        try:
            reading = read_document(source.path, source.kind, data_dir=desk.data_dir, on=desk.clock.today())
        except UnreadableFile as exc:
            unreadable.append((source.file, exc.message(lang)))
            continue
        for proposal in proposals(reading, profile, source.file):
            crop = b""
            if proposal.state != "same":
                try:
                    crop = render_crop(source.path, proposal.read.page, proposal.read.box)
                except Exception:  # a crop that cannot be drawn costs the picture, not the row
                    crop = b""
            rows.append((proposal, crop))
    return {
        "profile": profile,
        "version": version,
        "rows": rows,
        "unreadable": unreadable,
        "files": len(sources),
    }


class ConfirmFieldsDialog(QDialog):
    """`written(version)` is emitted once the ticked values are stored. `sources` None: the employee's
    files of `kind` that a reader applies to (else all such files), found on the worker."""

    written = Signal(int)

    def __init__(
        self,
        desk: Any,
        employee_id: int,
        sources: list[Source] | None = None,
        parent: QWidget | None = None,
        case: Any = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk, self.employee_id, self.sources = desk, employee_id, sources
        self.profile: Any = None
        self.version: int | None = None
        self.rows: list[tuple[Any, bytes]] = []
        self.setWindowTitle(self.tr("从扫描件填写"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("正在读取扫描件…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.busy_bar = QProgressBar()  # reading (OCR: seconds a page): busy, no known length
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        layout.addWidget(self.busy_bar)
        body = QHBoxLayout()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("采用"), self.tr("项目"), self.tr("档案中"), self.tr("扫描件上"), self.tr("来源")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        body.addWidget(self.table, 3)
        self.crop = QLabel()
        self.crop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.crop.setMinimumWidth(280)
        self.crop.setWordWrap(True)
        body.addWidget(self.crop, 2)
        layout.addLayout(body, 1)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("写入所选"))
        self.confirm_button.setEnabled(False)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton(self.tr("取消")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(self.confirm)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_crop(row))
        self.loaded = False
        lang = current_lang()
        run_task(
            lambda _task: read_sources(desk, employee_id, sources, case, kind, lang),
            self._loaded,
            self._failed,
        )

    def field_label(self, name: str) -> str:
        if name.startswith("income."):
            return self.tr("{month} 月收入").format(month=name.partition(".")[2])
        if name.startswith("tax."):
            return self.tr("{month} 月纳税").format(month=name.partition(".")[2])
        return {
            "name": self.tr("姓名"),
            "id_number": self.tr("公民身份号码"),
            "employee_name": self.tr("姓名"),
            "employee_id": self.tr("公民身份号码"),
            "start": self.tr("起始日期"),
            "end": self.tr("终止日期"),
            "graduated_on": self.tr("毕业日期"),
            "lessor": self.tr("出租人"),
            "address": self.tr("房屋地址"),
        }.get(name, name)

    def state_label(self, state: str) -> str:
        return {
            "empty": self.tr("档案中为空"),
            "differs": self.tr("与档案不同"),
            "same": self.tr("一致"),
        }.get(state, state)

    def _loaded(self, result: dict[str, Any]) -> None:
        self.busy_bar.hide()
        self.profile, self.version = result["profile"], result["version"]
        self.rows = [row for row in result["rows"] if row[0].state != "same"]
        same = len(result["rows"]) - len(self.rows)
        self.table.setRowCount(len(self.rows))
        for i, (proposal, _crop) in enumerate(self.rows):
            take = QTableWidgetItem(self.state_label(proposal.state))
            take.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            take.setCheckState(Qt.CheckState.Unchecked)  # nothing is taken unless HR ticks it
            self.table.setItem(i, COL_TAKE, take)
            self.table.setItem(i, COL_FIELD, QTableWidgetItem(self.field_label(proposal.read.field)))
            self.table.setItem(i, COL_RECORD, QTableWidgetItem(proposal.current or "—"))
            read = QTableWidgetItem(proposal.read.value)
            if proposal.state == "differs":
                read.setForeground(QBrush(QColor("#c62828")))
            self.table.setItem(i, COL_READ, read)
            source = self.tr("{file} 第 {page} 页（置信度 {c:.0%}）").format(
                file=proposal.file, page=proposal.read.page, c=proposal.read.confidence
            )
            self.table.setItem(i, COL_SOURCE, QTableWidgetItem(source))
        self.table.resizeColumnsToContents()
        parts = [
            self.tr("读出 {n} 项可填入档案，{same} 项与档案一致。勾选要采用的项，再点“写入所选”。").format(
                n=len(self.rows), same=same
            )
        ]
        if not result["files"]:
            parts = [self.tr("没有可读取信息的扫描件（身份证、户口簿、学历、合同等）。")]
        for file, why in result["unreadable"]:
            parts.append(why or self.tr("无法读取：{files}").format(files=file))
        self.summary.setText("\n".join(parts))
        self.confirm_button.setEnabled(bool(self.rows))
        if self.rows:
            self.table.setCurrentCell(0, COL_FIELD)
        self.loaded = True

    def _failed(self, message: str) -> None:
        self.busy_bar.hide()
        self.summary.setText(message or self.tr("读取扫描件失败。"))
        self.loaded = True

    def _show_crop(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            self.crop.clear()
            return
        png = self.rows[row][1]
        image = QImage.fromData(png, "PNG") if png else QImage()
        if image.isNull():
            self.crop.setText(self.tr("（无法显示该处扫描件）"))
            return
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > 360:
            pixmap = pixmap.scaledToWidth(360, Qt.TransformationMode.SmoothTransformation)
        self.crop.setPixmap(pixmap)

    def set_ticked(self, row: int, ticked: bool = True) -> None:
        self.table.item(row, COL_TAKE).setCheckState(
            Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        )

    def ticked(self) -> list[tuple[Any, str]]:
        return [
            (proposal.read, proposal.file)
            for i, (proposal, _crop) in enumerate(self.rows)
            if self.table.item(i, COL_TAKE).checkState() == Qt.CheckState.Checked
        ]

    def confirm(self) -> None:
        from ...materials.inspection.fields import take_fields

        taken = self.ticked()
        if not taken:
            QMessageBox.information(self, self.tr("从扫描件填写"), self.tr("未勾选任何项：档案未改动。"))
            return
        desk, employee_id, version, base = self.desk, self.employee_id, self.version, self.profile
        self.confirm_button.setEnabled(False)
        run_write(
            lambda _task: take_fields(desk, employee_id, taken, expected_version=version, base=base),
            self._written,
            self._write_failed,
        )

    def _written(self, version: int) -> None:
        self.written.emit(version)
        self.accept()

    def _write_failed(self, message: str) -> None:
        self.confirm_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("从扫描件填写"), message or self.tr("写入失败。"))


def sources_for(desk: Any, employee_id: int, kind: str | None = None) -> list[Source]:
    """The employee's attached files that a reader applies to: those of `kind` (the slot in view),
    else every such file."""
    from ...materials.inspection.field_readers import kinds

    readable = set(kinds())
    out = []
    for row in desk.materials.materials(employee_id):
        if row.kind not in readable or (kind and row.kind != kind):
            continue
        path = desk.materials.material_path(row)
        if path is not None:
            out.append(Source(path, row.kind, row.original_name or path.name))
    return out


def open_for(panel: Any) -> ConfirmFieldsDialog | None:
    """从扫描件填写 from the materials panel: the slot in view when it has a reader, else all files. The
    view opens at once, busy; the files are looked up and read on its worker (the vault may have to
    fetch them from the database first)."""
    if panel.employee_id is None:
        return None
    case = getattr(panel, "_case", None)  # the case in view: its version is what the write claims
    if not hasattr(case, "version"):  # the panel's own checklist reading holds no record: read it
        case = None
    dialog = ConfirmFieldsDialog(
        panel.desk, panel.employee_id, None, panel, case=case, kind=panel.current_kind()
    )
    dialog.written.connect(lambda _version: panel._after_write())
    panel.fill_dialog = dialog
    dialog.open()
    return dialog
