"""Reading an employee's scans like a reviewer (OCR on worker processes, readings cached by file
content): started by 识别扫描件 or after an attach, its findings shown beside each file and in full in
the reason pane; the findings are stored on the writer thread."""

from __future__ import annotations

from typing import Any

from ...labels import join_notes, with_page
from ..i18n import current_lang
from ..workers import run_task, run_write
from .reason_pane import readable


class ScanReading:
    """Mixed into MaterialsPanel: uses its desk, reason pane, inspect button and refresh."""

    desk: Any
    employee_id: int | None
    business: str
    inspections: dict[int, Any]
    _inspected_for: int | None

    def reading_of(self, row: Any) -> tuple[str, str, str] | None:
        """What reading file `row` found: (column text, reason in full, worst severity), or None when
        it was not read. The reading's list is the file's one list (image checks included): the row's
        defects are its blockers, so they are not shown twice."""
        if self._inspected_for != self.employee_id:
            return None
        inspection = self.inspections.get(row.id)
        if inspection is None:
            return None
        lang = current_lang()
        findings = [f for f in inspection.findings if f.severity in ("blocker", "warning")]
        if not findings:
            return self.tr("识别：未发现问题"), "", "none"
        texts = [readable(with_page(f.page, f.text(lang), self.tr("第 {page} 页")), lang) for f in findings]
        worst = "blocker" if any(f.severity == "blocker" for f in findings) else "warning"
        return join_notes(texts, lang), "\n".join(texts), worst

    def warm_reading(self) -> None:
        """Start the OCR workers (their models take a second or two to load) without waiting for them: a
        file being attached is read right after, by the findings and by 从扫描件填写."""
        from ...materials.inspection.reading import inspection_available, warm_up

        if inspection_available():
            run_task(lambda _task: warm_up(wait=False))

    def inspect_scans(self) -> None:
        """Read this employee's scans in the background (new files only: readings are cached)."""
        from PySide6.QtWidgets import QMessageBox

        from ...materials.inspection.inspect import inspect_employee
        from ...materials.inspection.reading import inspection_available

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
