"""Bulk packs for the listed employees: choose the business and the folder, see who is eligible (the
others with the rules' reasons, included only when ticked), then build with progress and cancel. The
report of what was built, skipped and refused stays on screen (also after a cancel) and can be saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...labels import label
from ...rules.policy import BUSINESSES
from ..i18n import current_lang
from ..workers import run_task

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def open_bulk_packs(desk: Any, employee_ids: list[int], parent: QWidget | None = None) -> None:
    """The window's "bulk packs" action: a modal dialog over the employees listed now."""
    if employee_ids:
        BulkPacksDialog(desk, employee_ids, parent).exec()


class BulkPacksDialog(QDialog):
    def __init__(
        self,
        desk: Any,
        employee_ids: list[int],
        parent: QWidget | None = None,
        today: date | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_ids = list(employee_ids)
        self.today = today or desk.clock.today()
        self.candidates: list[Any] = []
        self.report: Any = None
        self._task: Any = None
        self._generation = 0
        self._said: Callable[[], str] = str  # the summary line, made again in a new language
        self.setWindowTitle(self.tr("批量生成材料包"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("业务：")))
        self.business = QComboBox()
        self.business.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # either language
        self.business.addItem(self.tr("各自当前业务"), None)
        for code in BUSINESSES:
            self.business.addItem(label("business", code, current_lang()), code)
        row.addWidget(self.business)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("保存到：")))
        self.folder = QLineEdit(str(folder) if folder else "")
        row.addWidget(self.folder, 1)
        browse = QPushButton(self.tr("选择…"))
        row.addWidget(browse)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("生成"),
                self.tr("姓名"),
                self.tr("证件号"),
                self.tr("业务"),
                self.tr("条件"),
                self.tr("原因"),
            ]
        )
        self.table.setWordWrap(True)
        split.addWidget(self.table)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("生成后这里列出已生成、未纳入和被拒绝的员工。"))
        split.addWidget(self.report_view)
        split.setSizes([280, 300])
        layout.addWidget(split, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("生成"))
        self.cancel_button = QPushButton(self.tr("取消生成"))
        self.save_button = QPushButton(self.tr("保存报告…"))
        close = QPushButton(self.tr("关闭"))
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.save_button, close):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.cancel_button.setEnabled(False)
        self.save_button.setEnabled(False)
        browse.clicked.connect(self.choose_folder)
        self.business.currentIndexChanged.connect(self.load_candidates)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save_report_dialog)
        close.clicked.connect(self.reject)
        self.load_candidates()

    # --- who -----------------------------------------------------------------------------------------

    def load_candidates(self) -> None:
        """Check every listed employee for the chosen business on a worker thread."""
        from ...packs.upload_pack import bulk_candidates

        desk, ids, business, today, lang = (
            self.desk,
            self.employee_ids,
            self.business.currentData(),
            self.today,
            current_lang(),
        )
        self._generation += 1
        generation = self._generation
        self._checked_in = lang
        self.candidates = []
        self.start_button.setEnabled(False)
        self._say(lambda: self.tr("正在检查 {n} 名员工是否符合条件…").format(n=len(ids)))
        run_task(
            lambda _t: (generation, bulk_candidates(desk, ids, business, today, lang)),
            self._show_candidates,
            self._failed,
        )

    def _show_candidates(self, answer: tuple[int, list[Any]]) -> None:
        generation, candidates = answer
        if generation != self._generation:  # the business changed meanwhile: a newer check is coming
            return
        self.candidates = candidates
        self._draw()
        for col, width in enumerate((44, 90, 150, 150, 90)):
            self.table.setColumnWidth(col, width)
        self._say(self._counts)
        self.start_button.setEnabled(bool(candidates))

    def _draw(self) -> None:
        """The candidates' rows in the language now installed; a tick the person changed is kept."""
        ticked = self.ticked() if self.table.topLevelItemCount() else None
        self.table.clear()
        for c in self.candidates:
            item = QTreeWidgetItem(
                [
                    "",
                    c.name,
                    c.id_masked,
                    label("business", c.business, current_lang()),
                    self.tr("符合") if c.eligible else self.tr("不符合"),
                    "；".join(c.reasons),
                ]
            )
            item.setData(0, ID_ROLE, c.employee_id)
            # Eligible: ticked. Not eligible: left out unless HR ticks it (an explicit choice).
            on = c.eligible if ticked is None else c.employee_id in ticked
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if not c.eligible:
                item.setForeground(4, QBrush(QColor("#c62828")))
                item.setToolTip(5, "\n".join(c.reasons))
            self.table.addTopLevelItem(item)

    def _counts(self) -> str:
        eligible = sum(1 for c in self.candidates if c.eligible)
        text = self.tr("{ok} 名员工符合条件，将生成材料包。").format(ok=eligible)
        if eligible < len(self.candidates):
            text += self.tr("{n} 名不符合条件（原因见表），默认不生成；勾选“生成”可仍然纳入。").format(
                n=len(self.candidates) - eligible
            )
        return text

    def _say(self, text: Callable[[], str]) -> None:
        self._said = text
        self.summary.setText(text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A language switch with the dialog open: its businesses, rows, counts and report in the new
        language too (its fixed labels and buttons are put in it by `dialog_language`)."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.LanguageChange or not hasattr(self, "table"):
            return
        for i in range(1, self.business.count()):
            self.business.setItemText(i, label("business", self.business.itemData(i), current_lang()))
        if self._task is None and self.candidates and self._checked_in != current_lang():
            self.load_candidates()  # the reasons are the rules' words: asked again in the new language
        else:
            self._draw()
            self.summary.setText(self._said())
        if self.report is not None:
            self.report_view.setPlainText(self.report.text(current_lang()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存材料包的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def ticked(self) -> set[int]:
        return {
            self.table.topLevelItem(i).data(0, ID_ROLE)
            for i in range(self.table.topLevelItemCount())
            if self.table.topLevelItem(i).checkState(0) == Qt.CheckState.Checked
        }

    # --- build ---------------------------------------------------------------------------------------

    def start(self) -> None:
        from ...packs.upload_pack import build_bulk

        if not self.folder.text().strip():
            self.choose_folder()
            if not self.folder.text().strip():
                return
        folder = Path(self.folder.text().strip())
        ticked = self.ticked()
        candidates = self.candidates
        include = {c.employee_id for c in candidates if not c.eligible and c.employee_id in ticked}
        exclude = {c.employee_id for c in candidates if c.eligible and c.employee_id not in ticked}
        desk, business, today = self.desk, self.business.currentData(), self.today
        lang = current_lang()  # the refusals' reasons in the person's words

        def work(task: Any) -> Any:
            def progress(done: int, total: int) -> bool:
                task.signals.progress.emit(done, total)
                return not task.cancelled

            return build_bulk(
                desk,
                candidates,
                folder,
                progress,
                business,
                today,
                include=include,
                exclude=exclude,
                lang=lang,
            )

        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.report_view.clear()
        self.progress.setValue(0)
        self._task = run_task(work, self._done, self._failed)
        self._task.signals.progress.connect(lambda d, t: self.progress.setValue(int(100 * d / max(t, 1))))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self._say(lambda: self.tr("正在取消：当前这份材料包不会留下半成品…"))

    def _done(self, report: Any) -> None:
        self.report = report
        self._task = None
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(True)
        self.save_button.setEnabled(True)
        if not report.cancelled:
            self.progress.setValue(100)
        self.report_view.setPlainText(report.text(current_lang()))
        self._say(
            lambda: (
                (self.tr("已取消。") if report.cancelled else self.tr("完成。"))
                + self.tr("已生成 {built} 个，未纳入 {skipped} 名，被拒绝 {refused} 名。").format(
                    built=len(report.built), skipped=len(report.skipped), refused=len(report.refused)
                )
            )
        )

    def _failed(self, message: str) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(bool(self.candidates))
        if message:
            QMessageBox.warning(self, self.tr("批量生成材料包"), message)

    # --- report --------------------------------------------------------------------------------------

    def save_report(self, path: Path) -> None:
        """Write the report where the user chose, on a worker (a network folder can take seconds);
        the line under the table says when it is saved or why not."""
        from ...pdf.files import atomic_write_bytes

        data = self.report.text(current_lang()).encode("utf-8")
        self._saving = True
        self.save_button.setEnabled(False)

        def saved(_result: object) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            self._say(lambda: self.tr("报告已保存：{path}").format(path=path))

        def failed(message: str) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("保存报告"), f"{path}: {message}")

        run_task(lambda _task: atomic_write_bytes(path, data), saved, failed)

    def is_saving(self) -> bool:
        return getattr(self, "_saving", False)

    def save_report_dialog(self) -> None:
        if self.report is None:
            return
        default = str(Path(self.folder.text() or ".") / f"批量材料包报告-{self.today.isoformat()}.txt")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存报告"), default, self.tr("文本文件 (*.txt)"))
        if path:
            self.save_report(Path(path))

    def reject(self) -> None:
        if self._task is not None:  # closing while building: stop it, the report still comes
            self._task.cancel()
        super().reject()
