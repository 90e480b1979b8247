"""What the materials panel changes in the records — attach, replace, turn or move a page, move to the
trash and back, dates and verification, the trash dialog — each on the desk's one writer thread, with
the busy line after 300 ms; the panel draws the slot again when the window hands it the new case.
Nothing here asks the database or rewrites a file on the UI thread: a material about to be edited is
read on a worker first, and the page edits run in the render worker process (`pdf/pages.py`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..workers import run_task, run_write

ACCEPTED = {".pdf", ".jpg", ".jpeg", ".png"}


class MaterialWrites:
    """Mixed into MaterialsPanel: uses its tree, preview, reason pane, busy line and desk."""

    desk: Any
    employee_id: int | None
    business: str
    _removed: list[int]
    _keep_page: int
    _select_after: int | None  # a file just added: selected when the tree is drawn with it

    # --- the writer ----------------------------------------------------------------------------------

    def _write(self, work: Callable[[Any], Any], message: str) -> None:
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

    def _after_write(self) -> None:
        """This panel changed the records: the case it was given is stale. The window rebuilds the case
        on a worker and hands it back (set_case); a panel on its own reads its checklist again itself.
        Nothing is checked on the UI thread."""
        self._case = None
        self.preview.set_edit_busy(False)
        self.changed.emit()
        if self.receivers(SIGNAL("changed()")) == 0:
            self.refresh()

    # --- pages ---------------------------------------------------------------------------------------

    def rotate_page(self, page: int, degrees: int) -> None:
        """Turn one page of the file in view (90: clockwise, -90: anticlockwise). The file is rewritten
        and scanned again on the writer thread; the file as first added stays in the trash, once."""
        from ...pdf.pages import turned

        self._keep_page = page
        self._rewrite(lambda path: turned(path, page, degrees))

    def move_page(self, source: int, target: int) -> None:
        """Put page `source` at `target`; saved like a rotation."""
        from ...pdf.pages import moved

        self._keep_page = target
        self._rewrite(lambda path: moved(path, source, target))

    def _rewrite(self, edit: Callable[[Path], bytes]) -> None:
        material_id = self.current_material_id()
        path = self.preview.path
        if material_id is None or path is None:
            return
        desk = self.desk

        def work(_task: Any) -> None:
            desk.materials.replace_material_file(material_id, edit(path))

        self.preview.set_edit_busy(True)
        self._write(work, self.tr("正在保存并检查扫描件…"))

    # --- files in and out ----------------------------------------------------------------------------

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

        def work(task: Any) -> list[int]:
            added = []
            for i, path in enumerate(good):
                task.report(i, len(good))
                added.append(desk.materials.add_page(employee_id, kind, path).id)  # stored, then scanned
            return added

        self._start_attach(work)

    def _start_attach(self, work: Callable[[Any], list[int]]) -> None:
        """Attaching stores and scans each file (seconds per scan): say so at once, with the count. The
        OCR workers start meanwhile, so the reading that follows finds their models loaded."""
        self._begin_busy(self.tr("正在检查扫描件…"))
        self.busy.show_now()
        self.warm_reading()
        task = run_write(work, self._attached, self._attach_failed)  # the one writer thread
        task.signals.progress.connect(self.busy.progress)

    def _attached(self, added: list[int]) -> None:
        """Stored and scanned: the file just added comes into view, its line selected, so what its scan
        found (a damaged or refused file, a greyscale scan) is read in the reason pane under the list,
        with the file's name, and its page or refusal in the preview, not only in a column of the tree."""
        self._end_busy()
        if added:
            self._select_after = added[-1]
        self._after_write()
        from ...materials.inspection.reading import inspection_available

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

        def work(task: Any) -> list[int]:
            task.report(0, len(good))
            if material_id is not None:
                added = [desk.materials.replace_material(material_id, good[0]).id]
            else:
                added = [desk.materials.replace_slot(employee_id, kind, good[0]).id]
            for i, path in enumerate(good[1:], start=1):
                task.report(i, len(good))
                added.append(desk.materials.add_page(employee_id, kind, path).id)
            return added

        self._start_attach(work)

    def _accepted(self, paths: list[str]) -> list[Path]:
        bad = [Path(p).name for p in paths if Path(p).suffix.lower() not in ACCEPTED]
        if bad:
            QMessageBox.warning(
                self, self.tr("添加文件"), self.tr("只能添加 PDF、JPG、PNG 文件：") + "、".join(bad)
            )
        return [Path(p) for p in paths if Path(p).suffix.lower() in ACCEPTED]

    # --- the trash -----------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Trash the file with focus (Delete in the tree, the button, the menu); a slot or a group is
        never deleted as a whole from here, and nothing else is."""
        item = self.tree.currentItem()
        material_id = self.current_material_id()
        if material_id is None:
            if item is not None and item.childCount() and self.current_kind():
                self.reason.setText(self.tr("请选中要移到回收站的文件（材料下面的文件行）。"))
            return
        desk = self.desk
        self._removed.append(material_id)
        self._write(lambda _t: desk.materials.remove_material(material_id), self.tr("正在移到回收站…"))

    def undo_remove(self) -> None:
        if self._removed:
            desk, material_id = self.desk, self._removed.pop()
            self._write(lambda _t: desk.materials.restore_material(material_id), self.tr("正在恢复…"))

    def open_history(self) -> None:
        """The current slot's earlier files (superseded or removed), to restore one."""
        kind = self.current_kind()
        if kind and self.employee_id is not None:
            self.open_trash((self.employee_id, kind))

    def open_trash(self, slot: tuple[int, str] | None = None) -> None:
        """The trash (or one slot's history); what it restores or empties is stored on the writer and
        the panel draws the new case as each write is stored."""
        from .trash_view import TrashDialog

        dialog = TrashDialog(self.desk, self, slot if isinstance(slot, tuple) else None)
        dialog.employeesRestored.connect(self.employeesRestored)
        dialog.changed.connect(self._after_write)
        self.trash_dialog = dialog  # the open dialog (tests press its buttons)
        dialog.exec()
        self.trash_dialog = None

    # --- dates and verification ----------------------------------------------------------------------

    def _with_material(self, then: Callable[[Any], None]) -> None:
        """Read the selected material (its dates and version) on a worker, then `then(material)`."""
        material_id = self.current_material_id()
        if material_id is None:
            return
        desk = self.desk
        run_task(lambda _t: desk.materials.material(material_id), then, self._write_failed)

    def edit_dates(self) -> None:
        self._with_material(self.ask_dates)

    def ask_dates(self, material: Any) -> None:
        from PySide6.QtWidgets import QInputDialog

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
        desk = self.desk

        def verify(material: Any) -> None:
            values = {"verified_by": desk.uow.actor, "verified_at": desk.clock.now().astimezone()}
            self.save_material(material, values)

        self._with_material(verify)
