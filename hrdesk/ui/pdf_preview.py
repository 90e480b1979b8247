"""A PDF preview: pages rendered on a worker thread with PyMuPDF, shown as QImages; zoom, fit width,
page navigation; a clear message instead of a preview for encrypted or damaged files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..pdf.render import RenderError, render_page
from .workers import run_task

THUMB_DPI = 14
MAX_THUMBS = 60


def _thumbnails(path: Path) -> list[object]:
    first = render_page(path, 0, dpi=THUMB_DPI)
    return [first] + [
        render_page(path, i, dpi=THUMB_DPI) for i in range(1, min(first.page_count, MAX_THUMBS))
    ]


class PdfPreview(QWidget):
    """Pages of one file: a thumbnail strip on the left (click to go to a page; right-click to move a
    page up or down, which the owner saves as a new file), the page on the right."""

    pageMoveRequested = Signal(int, int)  # from index, to index

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
        for w in (
            self.prev_button,
            self.page_box,
            self.count_label,
            self.next_button,
            self.zoom_out,
            self.zoom_in,
            self.fit_width_button,
            self.fit_page_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(90, 128))
        self.thumbs.setFixedWidth(118)
        self.thumbs.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.thumbs.currentRowChanged.connect(
            lambda row: row >= 0 and row != self.page and self.show_page(row)
        )
        self.thumbs.customContextMenuRequested.connect(self._thumb_menu)
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setWordWrap(True)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        pages = QHBoxLayout()
        pages.addWidget(self.thumbs)
        pages.addWidget(self.scroll, 1)
        layout.addLayout(pages, 1)
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

    def _thumb_menu(self, pos: object) -> None:
        row = self.thumbs.currentRow()
        if row < 0:
            return
        menu = QMenu(self)
        if row > 0:
            menu.addAction(self.tr("上移一页"), lambda: self.pageMoveRequested.emit(row, row - 1))
        if row < self.thumbs.count() - 1:
            menu.addAction(self.tr("下移一页"), lambda: self.pageMoveRequested.emit(row, row + 1))
        if not menu.isEmpty():
            menu.exec(self.thumbs.viewport().mapToGlobal(pos))

    def _load_thumbnails(self, path: Path) -> None:
        generation = self._generation
        run_task(lambda task: _thumbnails(path), lambda pages: self._show_thumbnails(generation, pages))

    def _show_thumbnails(self, generation: int, pages: object) -> None:
        if generation != self._generation:
            return
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        for i, page in enumerate(pages):
            image = QImage(
                page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888
            ).copy()
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), str(i + 1))
            self.thumbs.addItem(item)
        self.thumbs.setCurrentRow(self.page)
        self.thumbs.blockSignals(False)

    def clear(self, message: str = "") -> None:
        self.thumbs.clear()
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
        self.page_count = 0
        self.show_page(0)
        self._load_thumbnails(path)

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
        run_task(
            lambda task: render_page(path, page, dpi),
            lambda result: self._show(generation, result),
            lambda message: self._failed(generation, message),
        )

    def _show(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # the user moved on while this page rendered
        image = QImage(
            result.samples, result.width, result.height, result.stride, QImage.Format.Format_RGB888
        ).copy()
        self.image.setPixmap(QPixmap.fromImage(image))
        self.page_count = result.page_count
        self._page_points = (result.width * 72 / self.dpi, result.height * 72 / self.dpi)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, result.page_count))
        self.page_box.setValue(self.page + 1)
        self.page_box.blockSignals(False)
        self.count_label.setText(f"/ {result.page_count}")
        self.thumbs.blockSignals(True)
        self.thumbs.setCurrentRow(self.page)
        self.thumbs.blockSignals(False)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.image.setPixmap(QPixmap())
            self.image.setText(message or RenderError.__doc__ or "")
