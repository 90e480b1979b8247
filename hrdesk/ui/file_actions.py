"""What the window's file, form and tool actions open: import and export, backup, forms and packs, the
calendar export, units, settings, language and about. Each asks the person, then hands the work on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from .start_folder import remember_folder, start_folder, start_path
from .workers import run_task

if TYPE_CHECKING:
    from .main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def import_file(self) -> None:
        from ..rosters.importing import message_text
        from .i18n import current_lang
        from .rosters.import_dialog import ImportDialog

        path, _ = QFileDialog.getOpenFileName(
            self.w,
            self.tr("导入名单"),
            start_folder("rosters"),
            message_text("roster.ui.file-filter", {}, current_lang()),
        )
        if not path:
            return
        remember_folder("rosters", path)
        # Not modal: a long import writes batch by batch through the one writer thread, and the person
        # goes on saving other people meanwhile (their saves go in between two batches).
        dialog = ImportDialog(self.w.desk, Path(path), self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def closed(_code: int) -> None:
            if dialog.import_result is not None:
                self.w.reload()
                self.w.refresh_stale_statuses()

        dialog.finished.connect(closed)
        dialog.show()

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.tr("导出名单"),
            start_path("exports", "hrdesk-名单.xlsx"),
            self.tr("Excel (*.xlsx);;档案 JSON (*.json)"),
        )
        if not path:
            return
        remember_folder("exports", path)
        from ..rosters.api import export_json, export_xlsx

        target = Path(path)
        desk = self.w.desk
        today = self.w.clock.today()
        upcoming = [
            (d.employee_id, d.code, d.date, d.message)
            for d in self.w.deadline_items
            if 0 <= (d.date - today).days <= 90
        ]

        def work(_task: Any) -> None:
            # Thousands of people are read and written here: on a worker, never the window's thread.
            if target.suffix.lower() == ".json":
                export_json(desk, target)
            else:
                export_xlsx(desk, target, upcoming)

        self.w.statusBar().showMessage(self.tr("正在导出名单…"))
        run_task(
            work,
            lambda _r: QMessageBox.information(
                self.w, self.tr("导出名单"), self.tr("已导出到 {path}").format(path=target)
            ),
            lambda m: QMessageBox.warning(self.w, self.tr("导出名单"), m),
        )

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.tr("备份"),
            start_path("backups", f"hrdesk-备份-{self.w.clock.today().isoformat()}.zip"),
            self.tr("备份文件 (*.zip)"),
        )
        if not path:
            return
        remember_folder("backups", path)
        from ..desks.backup import create_backup

        data_dir, clock = self.w.data_dir, self.w.clock
        run_task(
            lambda task: create_backup(data_dir, Path(path), clock=clock),
            lambda _r: QMessageBox.information(self.w, self.tr("备份"), self.tr("备份完成。")),
            lambda m: QMessageBox.warning(self.w, self.tr("备份"), m),
        )

    def print_form(self) -> None:
        employee_id = self.w.chosen_employee_id()
        if employee_id is None:
            QMessageBox.information(self.w, self.tr("打印表格"), self.tr("请先选择一名员工。"))
            return
        forms = {
            self.tr("诚信声明（个人）"): "integrity-individual",
            self.tr("诚信声明（单位）"): "integrity-unit",
            self.tr("房屋借住声明"): "housing-borrowing",
            self.tr("材料清单"): "checklist",
        }
        choice, ok = QInputDialog.getItem(
            self.w, self.tr("打印表格"), self.tr("选择表格："), list(forms), 0, False
        )
        if not ok:
            return
        from .forms.form_preview import FormPreviewDialog

        business = self.w.detail.eligibility.business.currentData() or "new"
        FormPreviewDialog(self.w.desk, employee_id, forms[choice], business, self.w).exec()

    def make_pack(self) -> None:
        employee_id = self.w.chosen_employee_id()
        if employee_id is None:
            QMessageBox.information(self.w, self.tr("生成材料包"), self.tr("请先选择一名员工。"))
            return
        folder = QFileDialog.getExistingDirectory(
            self.w, self.tr("选择保存材料包的文件夹"), start_folder("packs")
        )
        if not folder:
            return
        remember_folder("packs", folder)
        from ..packs.upload_pack import PackRefused, build_pack_for_stored
        from ..pdf.files import safe_filename
        from .i18n import current_lang

        business = self.w.detail.eligibility.business.currentData() or "new"
        on = self.w.clock.today().isoformat()
        lang = current_lang()
        progress = QProgressDialog(self.tr("正在生成材料包…"), self.tr("取消"), 0, 100, self.w)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        desk = self.w.desk

        def work(task: Any, force: bool = False) -> Any:
            # The name is read here, on the worker, with the pack: no query on the UI thread.
            name = desk.employees.employee(employee_id).name
            target = Path(folder) / safe_filename(f"{name}-{business}-{on}")
            try:
                return build_pack_for_stored(
                    desk, employee_id, business, target, force, lambda d, t: task.report(d, t), lang=lang
                )
            except PackRefused as exc:
                return exc  # not an error: the user decides whether to pack anyway

        def done(result: Any) -> None:
            progress.close()
            if isinstance(result, PackRefused):
                answer = QMessageBox.question(
                    self.w,
                    self.tr("生成材料包"),
                    self.tr(
                        "材料不齐全或有缺陷：\n{problems}\n\n仍要生成吗？材料清单会注明这些问题。"
                    ).format(problems="\n".join(result.problems[:20])),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    run_task(lambda t: work(t, True), done, failed)
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))

        def failed(message: str) -> None:
            progress.close()
            if message:  # empty = cancelled: nothing was written
                QMessageBox.warning(self.w, self.tr("生成材料包"), message)

        task = run_task(work, done, failed)
        task.signals.progress.connect(lambda d, t: progress.setValue(int(100 * d / max(t, 1))))
        progress.canceled.connect(task.cancel)

    def make_bulk_packs(self) -> None:
        from .packs.bulk_packs import open_bulk_packs  # the dialog, its worker and its report live there

        open_bulk_packs(self.w.desk, self.w.visible_employee_ids(), self.w)

    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w, self.tr("导出日历"), start_path("exports", "hrdesk-期限.ics"), self.tr("日历 (*.ics)")
        )
        if not path:
            return
        remember_folder("exports", path)
        from ..deadlines.ics import export_ics
        from .i18n import current_lang

        # What the calendar shows (its filters, from today on, overdue duties kept); events of deadlines
        # that went away are cancelled in the user's calendar (the export remembers what it sent).
        today = self.w.clock.today()
        shown = [d for d in self.w.calendar.visible_items() if d.date >= today or d.overdue(today)]
        n = export_ics(
            Path(path),
            shown,
            self.w.data_dir,
            now=self.w.clock.now(),
            still_exist=[d.key for d in self.w.deadline_items],
            lang=current_lang(),
        )
        QMessageBox.information(self.w, self.tr("导出日历"), self.tr("已导出 {n} 项期限。").format(n=n))

    def edit_units(self) -> None:
        from .units.units_dialog import UnitsDialog

        UnitsDialog(self.w.desk, self.w).exec()
        self.w.reload(self.w.current_employee_id())

    def open_settings(self) -> None:
        from .desks.settings_dialog import SettingsDialog

        tray = self.w.tray is not None and self.w.tray.available
        dialog = SettingsDialog(self.w.desk, self.w.data_dir, self.w, self.w.clock.today(), tray)
        accepted = dialog.exec()
        wages = dict(dialog.pending_wages) if accepted else {}  # Cancel: the figures entered are dropped
        self.apply_scan_settings()
        today = self.w.clock.today()
        source = self.tr("用户录入")

        def save(r: Any) -> list[int]:
            for year, (monthly, effective) in wages.items():
                r.rule_data.save_wage_figure(year, monthly, effective, source, on=today)
            return []

        def saved(_r: Any) -> None:
            self.w.refresh_stale_statuses()  # new wage figures or holidays mark every status for a recompute
            self.w.reload(self.w.current_employee_id())

        if wages:
            self.w.run_op(save, [], saved)
        else:
            saved(None)

    def apply_scan_settings(self) -> None:
        from ..materials.service import scan_settings_from

        self.w.desk.materials.scan_settings = scan_settings_from(
            {
                "min_dpi": self.w.settings.value("scan/min_dpi", 150),
                "max_file_mb": self.w.settings.value("scan/max_file_mb", 10),
            }
        )

    def toggle_language(self) -> None:
        from .i18n import current_lang, set_language

        lang = "en" if current_lang() == "zh" else "zh"
        set_language(lang)
        self.w.settings.setValue("language", lang)

    def about(self) -> None:
        from .about_dialog import show_about

        show_about(self.w, self.w.data_dir)

    def reminder_action(self, action: str, deadline: Any) -> None:
        """Snooze or dismiss a deadline's reminders from the calendar (the tray keeps the state)."""
        if self.w.tray is None:
            return
        if action == "dismiss":
            self.w.tray.dismiss_deadline(deadline)
            text = self.tr("不再提醒：{name} {what}")
        else:
            self.w.tray.snooze_deadline(deadline, 1 if action == "snooze-day" else 7)
            text = self.tr("提醒已推迟：{name} {what}")
        self.w.statusBar().showMessage(text.format(name=deadline.employee_name, what=deadline.message), 6000)
