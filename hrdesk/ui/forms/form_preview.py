"""Preview a form for one employee, then print it (pages rendered by PyMuPDF onto a QPrinter) or open
it in the system PDF viewer."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from ...forms.documents import make_form
from ...mupdf_lock import MUPDF
from ...pdf.files import safe_filename
from ..materials.pdf_preview import PdfPreview


class FormPreviewDialog(QDialog):
    def __init__(self, desk: Any, employee_id: int, form_id: str, business: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("表格预览"))
        screen = self.screen().availableGeometry() if self.screen() else None
        # A form is A4 upright: as tall as the screen allows (1366×768 laptops too), fitted to width.
        self.resize(760, min(900, screen.height() - 60) if screen else 700)
        profile = desk.employees.profile(employee_id)
        pdf = make_form(form_id, profile, business, data_dir=desk.data_dir)
        folder = Path(tempfile.mkdtemp(prefix="hrdesk-form-"))
        self.path = folder / safe_filename(f"{form_id}-{profile.employee.name}.pdf")
        self.path.write_bytes(pdf)
        layout = QVBoxLayout(self)
        self.preview = PdfPreview()
        self.preview.fit_on_open = True
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.open_button = QPushButton(self.tr("用系统阅读器打开"))
        self.close_button = QPushButton(self.tr("关闭"))
        for b in (self.print_button, self.open_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_pdf)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))))
        self.close_button.clicked.connect(self.accept)
        self.preview.set_file(self.path)

    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.path, printer)


def print_pdf(path: Path, printer: Any, dpi: int = 300) -> int:
    """Render each page at printer resolution with PyMuPDF and paint it onto the printer."""
    import pymupdf

    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    with MUPDF, pymupdf.open(path) as doc:
        for i, page in enumerate(doc):
            if i:
                printer.newPage()
            pix = page.get_pixmap(dpi=dpi, alpha=False)
            image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
            pages += 1
    painter.end()
    return pages
