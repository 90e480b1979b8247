"""A PDF preview: pages rendered on a worker thread with PyMuPDF, shown as QImages; zoom, fit width,
page navigation; a clear message instead of a preview for encrypted or damaged files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from ..pdf.render import RenderError, render_page
from .workers import run_task


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.page = 0
        self.page_count = 0
        self.dpi = 80
        self._generation = 0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.count_label = QLabel()
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.fit_width_button = QPushButton()
        self.fit_page_button = QPushButton()
        for w in (self.prev_button, self.page_box, self.count_label, self.next_button, self.zoom_out, self.zoom_in,
                  self.fit_width_button, self.fit_page_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setWordWrap(True)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_box.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.zoom_in.clicked.connect(lambda: self.set_dpi(self.dpi * 1.25))
        self.zoom_out.clicked.connect(lambda: self.set_dpi(self.dpi / 1.25))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self._page_points: tuple[float, float] | None = None
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.show_page(self.page - 1))
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.fit_width_button.setText(self.tr("适合宽度"))
        self.fit_page_button.setText(self.tr("整页"))

    def fit_width(self) -> None:
        if self._page_points:
            self.set_dpi((self.scroll.viewport().width() - 12) / self._page_points[0] * 72)

    def fit_page(self) -> None:
        if self._page_points:
            w, h = self._page_points
            view = self.scroll.viewport()
            self.set_dpi(min((view.width() - 12) / w, (view.height() - 12) / h) * 72)

    def clear(self, message: str = "") -> None:
        self.path = None
        self.image.setPixmap(QPixmap())
        self.image.setText(message or self.tr("选择一份材料以预览"))
        self.count_label.setText("")

    def set_file(self, path: Path | None) -> None:
        if path is None:
            self.clear()
            return
        self.path = path
        self.page = 0
        self.show_page(0)

    def set_dpi(self, dpi: float) -> None:
        self.dpi = int(min(300, max(30, dpi)))
        self.show_page(self.page)

    def show_page(self, page: int) -> None:
        if self.path is None or page < 0 or (self.page_count and page >= self.page_count):
            return
        self.page = page
        self._generation += 1
        generation, path, dpi = self._generation, self.path, self.dpi
        self.image.setText(self.tr("正在渲染…"))
        run_task(lambda task: render_page(path, page, dpi),
                 lambda result: self._show(generation, result),
                 lambda message: self._failed(generation, message))

    def _show(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # the user moved on while this page rendered
        image = QImage(result.samples, result.width, result.height, result.stride, QImage.Format.Format_RGB888).copy()
        self.image.setPixmap(QPixmap.fromImage(image))
        self.page_count = result.page_count
        self._page_points = (result.width * 72 / self.dpi, result.height * 72 / self.dpi)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, result.page_count))
        self.page_box.setValue(self.page + 1)
        self.page_box.blockSignals(False)
        self.count_label.setText(f"/ {result.page_count}")

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.image.setPixmap(QPixmap())
            self.image.setText(message or RenderError.__doc__ or "")
