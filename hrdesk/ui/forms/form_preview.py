"""Preview a form for one employee, then print it, save it as a PDF, or open it in the system PDF
viewer. The form is made on a worker (seconds: fonts, the check behind the checklist) while the dialog
says so; printing hands the printer the form's own vector pages at the printer's resolution."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from ...mupdf_lock import MUPDF
from ...pdf.files import safe_filename
from ..materials.pdf_preview import PdfPreview
from ..scratch import discard, scratch_dir
from ..workers import run_task

MAX_PRINT_DPI = 600  # a finer printer gets 600-dpi pages: small print is sharp, the spool stays bounded


class FormPreviewDialog(QDialog):
    """`choose_save_path` and `choose_printer` are the questions the dialog asks (a file name; a
    printer, or None for cancel); a test hands in its own answers instead of the system dialogs."""

    def __init__(
        self,
        desk: Any,
        employee_id: int,
        form_id: str,
        business: str,
        parent: Any = None,
        choose_save_path: Callable[[QDialog, str], str] | None = None,
        choose_printer: Callable[[QDialog], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("表格预览"))
        self.choose_save_path = choose_save_path or _ask_save_path
        self.choose_printer = choose_printer or _ask_printer
        screen = self.screen().availableGeometry() if self.screen() else None
        # A form is A4 upright: as tall as the screen allows (1366×768 laptops too), fitted to width.
        self.resize(
            min(760, screen.width() - 40) if screen else 760,
            min(900, screen.height() - 60) if screen else 700,
        )
        self.path: Path | None = None
        self.suggested_name = ""
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("正在生成表格…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.preview = PdfPreview()
        self.preview.fit_on_open = True
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.open_button = QPushButton(self.tr("用系统阅读器打开"))
        self.close_button = QPushButton(self.tr("关闭"))
        for b in (self.print_button, self.save_button, self.open_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(False)  # until the form is made
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.close_button.clicked.connect(self.accept)
        self._printing = False
        self._shown_outside = False  # handed to the system's viewer: kept until the app exits
        self.finished.connect(self._discard_form)

        def work(_task: Any) -> tuple[Path, str]:
            # Imported here, on the worker: the form layer loads ReportLab and its fonts (most of a
            # second the first time), which on the UI thread froze the window as the dialog opened.
            from ...forms.documents import make_form

            profile = desk.employees.profile(employee_id)
            pdf = make_form(form_id, profile, business, data_dir=desk.data_dir, today=desk.clock.today())
            name = safe_filename(f"{form_id}-{profile.employee.name}.pdf")
            path = scratch_dir("hrdesk-form-") / name
            path.write_bytes(pdf)
            return path, name

        run_task(work, self._made, self._failed)

    def ready(self) -> bool:
        return self.path is not None

    def _made(self, result: tuple[Path, str]) -> None:
        self.path, self.suggested_name = result
        self.status.hide()
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(True)
        self.preview.set_file(self.path)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("无法生成表格：") + message)

    def _discard_form(self) -> None:
        """The dialog closed: its form (a person's name and ID number) leaves /tmp, on a worker. A form
        still being made, or open in the system's viewer, goes when the app exits (`scratch`)."""
        if self.path is not None and not self._shown_outside and not self._printing:
            folder = self.path.parent
            run_task(lambda _task: discard(folder))

    def open_in_viewer(self) -> None:
        if self.path is not None:
            self._shown_outside = True
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def save_pdf(self) -> None:
        """The form itself (vector text, the fonts embedded), where the user chooses."""
        if self.path is None:
            return
        target = self.choose_save_path(self, self.suggested_name)
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("另存为 PDF"), self.tr("无法保存：") + str(exc))
            return
        self.status.setText(self.tr("已保存：{path}").format(path=target))
        self.status.show()

    def print_pdf(self) -> None:
        if self.path is None or self._printing:
            return
        printer = self.choose_printer(self)
        if printer is None:
            return
        path = self.path
        self._printing = True
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("正在发送到打印机…"))
        self.status.show()

        def done(pages: int) -> None:
            self._printing = False
            self.print_button.setEnabled(True)
            self.status.setText(self.tr("已发送到打印机：{n} 页").format(n=pages))

        def failed(message: str) -> None:
            self._printing = False
            self.print_button.setEnabled(True)
            self.status.setText(self.tr("打印失败：") + message)

        # QPainter may paint on a QPrinter outside the UI thread: the window stays usable meanwhile.
        run_task(lambda _task: print_pdf(path, printer), done, failed)


def _ask_save_path(parent: QDialog, suggested: str) -> str:
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("FormPreviewDialog", "另存为 PDF")
    kinds = QCoreApplication.translate("FormPreviewDialog", "PDF 文件 (*.pdf)")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return path


def _ask_printer(parent: QDialog) -> Any:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_pdf(path: Path, printer: Any) -> int:
    """Print a PDF as its own pages: to a PDF file the vector document is copied as it is; to a printer
    each page is drawn at the printer's resolution (not a fixed 300 dpi), one page in memory at a time."""
    import pymupdf
    from PySide6.QtPrintSupport import QPrinter

    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        shutil.copyfile(path, printer.outputFileName())
        with MUPDF, pymupdf.open(path) as doc:
            return doc.page_count
    return draw_pages(path, printer, max(72, min(MAX_PRINT_DPI, printer.resolution())))


def draw_pages(path: Path, device: Any, dpi: int) -> int:
    """Each page drawn at `dpi` onto a paged device (a printer), one page in memory at a time."""
    import pymupdf

    painter = QPainter()
    if not painter.begin(device):
        raise OSError("printer not ready")
    pages = 0
    try:
        with MUPDF, pymupdf.open(path) as doc:
            for i, page in enumerate(doc):
                if i:
                    device.newPage()
                pix = page.get_pixmap(dpi=dpi, alpha=False, colorspace=pymupdf.csGRAY)
                image = QImage(
                    pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_Grayscale8
                )
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
                pages += 1
    finally:
        painter.end()
    return pages
