"""A PDF preview: pages rendered on a worker thread with PyMuPDF, shown as QImages; zoom, fit width,
page navigation; a clear message instead of a preview for encrypted or damaged files.

A file opens fitted to the width of the view (a page cut off on the right hides the signature
blocks); the paging controls follow the document (◀ off on the first page, ▶ off on the last, none
for a one-page file) and the zoom level is shown as a percentage of actual size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
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

from ...pdf.render import RenderedPage, preview_page, preview_thumbnails
from ..workers import run_task

THUMB_DPI = 14
MAX_THUMBS = 60


def _image(page: RenderedPage) -> QImage:
    """The page's samples as a QImage that owns its pixels: made on the worker (QImage is not tied to
    the UI thread), so the window only hands it to the label."""
    return QImage(page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888).copy()


def _thumbnails(path: Path) -> list[QImage]:
    return [_image(p) for p in preview_thumbnails(path, THUMB_DPI, MAX_THUMBS)]


def _page(path: Path, page: int, dpi: int, fit_width: int = 0) -> tuple[QImage, RenderedPage]:
    rendered = preview_page(path, page, dpi, fit_width)
    return _image(rendered), rendered


class PdfPreview(QWidget):
    """Pages of one file: a thumbnail strip on the left (click to go to a page; right-click to move a
    page up or down, which the owner saves as a new file), the page on the right."""

    pageMoveRequested = Signal(int, int)  # from index, to index
    rotateRequested = Signal(int, int)  # page index, degrees (90 clockwise, -90 anticlockwise)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.page = 0
        self.page_count = 0
        self.dpi = 80
        self.fit_on_open = True  # fit the width once the first page of a new file tells its size
        self._fit_pending = False
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
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setStyleSheet("color:#c62828")
        self.status.setWordWrap(True)
        # Turning a page is offered where the owner saves it (the materials panel), not in a form preview.
        self.rotate_left = QPushButton()
        self.rotate_right = QPushButton()
        for b in (self.rotate_left, self.rotate_right):
            b.setVisible(False)
        self.rotate_left.clicked.connect(lambda: self._rotate(-90))
        self.rotate_right.clicked.connect(lambda: self._rotate(90))
        for w in (
            self.prev_button,
            self.page_box,
            self.count_label,
            self.next_button,
            self.zoom_out,
            self.zoom_label,
            self.zoom_in,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        # Fitting and turning on a second row: on one row the English labels need 827 px, more than the
        # preview gets beside the list and the checklist on a 1366-pixel laptop, and the buttons were cut.
        views = QHBoxLayout()
        for w in (self.fit_width_button, self.fit_page_button, self.rotate_left, self.rotate_right):
            views.addWidget(w)
        views.addStretch(1)
        layout.addLayout(views)
        layout.addWidget(self.status)  # a message of its own line: the toolbar stays narrow
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(64, 90))
        self.thumbs.setFixedWidth(88)
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
        self.prev_button.setToolTip(self.tr("上一页"))
        self.next_button.setToolTip(self.tr("下一页"))
        self.zoom_in.setToolTip(self.tr("放大"))
        self.zoom_out.setToolTip(self.tr("缩小"))
        self.zoom_label.setToolTip(self.tr("缩放比例（100% 为实际大小）"))
        self.rotate_left.setText(self.tr("向左旋转"))
        self.rotate_left.setToolTip(self.tr("把这一页逆时针旋转 90°（原文件留在回收站）"))
        self.rotate_right.setText(self.tr("向右旋转"))
        self.rotate_right.setToolTip(self.tr("把这一页顺时针旋转 90°（原文件留在回收站）"))
        if self.path is None:
            self.image.setText(self.tr("选择一份材料以预览"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if self._fit_pending and self._page_points:  # opened before the view had its size
            self._fit_pending = False
            QTimer.singleShot(0, self.fit_width)

    def zoom_percent(self) -> int:
        """The zoom as people read it: 100% shows the page at its printed size on this screen."""
        return round(self.dpi / max(1.0, self.logicalDpiX()) * 100)

    def _update_controls(self) -> None:
        known = self.path is not None and self.page_count > 0
        many = known and self.page_count > 1
        self.prev_button.setEnabled(many and self.page > 0)
        self.next_button.setEnabled(many and self.page < self.page_count - 1)
        self.page_box.setEnabled(many)
        for w in (self.zoom_in, self.zoom_out, self.fit_width_button, self.fit_page_button):
            w.setEnabled(known)
        self.zoom_in.setEnabled(known and self.dpi < 300)
        self.zoom_out.setEnabled(known and self.dpi > 30)
        self.zoom_label.setText(f"{self.zoom_percent()}%" if known else "")
        for b in (self.rotate_left, self.rotate_right):
            b.setEnabled(known and not getattr(self, "_edit_busy", False))

    def set_edit_busy(self, busy: bool) -> None:
        """While the owner saves a turned page: no second turn of a file that is being rewritten."""
        self._edit_busy = busy
        self._update_controls()

    def _fit_width(self) -> int:
        """The pixels a page fitted to the view's width gets (the frame and a margin off)."""
        return max(1, self.scroll.viewport().width() - 12)

    def fit_width(self) -> None:
        if self._page_points:
            self.set_dpi(self._fit_width() / self._page_points[0] * 72)

    def fit_page(self) -> None:
        if self._page_points:
            w, h = self._page_points
            view = self.scroll.viewport()
            self.set_dpi(min((view.width() - 12) / w, (view.height() - 12) / h) * 72)

    def set_editable(self, editable: bool) -> None:
        """Offer turning pages (the owner saves the turned file on its writer)."""
        self._editable = editable
        for b in (self.rotate_left, self.rotate_right):
            b.setVisible(editable)
        self._update_controls()

    def _rotate(self, degrees: int) -> None:
        if self.path is not None and self.page_count:
            self.rotateRequested.emit(self.page, degrees)

    def _thumb_menu(self, pos: object) -> None:
        row = self.thumbs.currentRow()
        if row < 0:
            return
        menu = QMenu(self)
        if getattr(self, "_editable", False):
            menu.addAction(self.tr("向左旋转"), lambda: self.rotateRequested.emit(row, -90))
            menu.addAction(self.tr("向右旋转"), lambda: self.rotateRequested.emit(row, 90))
        if row > 0:
            menu.addAction(self.tr("上移一页"), lambda: self.pageMoveRequested.emit(row, row - 1))
        if row < self.thumbs.count() - 1:
            menu.addAction(self.tr("下移一页"), lambda: self.pageMoveRequested.emit(row, row + 1))
        if not menu.isEmpty():
            menu.exec(self.thumbs.viewport().mapToGlobal(pos))

    def _load_thumbnails(self, path: Path) -> None:
        generation = self._generation
        run_task(
            lambda task: _thumbnails(path),
            lambda pages: self._show_thumbnails(generation, pages),
            lambda _message: self._show_thumbnails(generation, []),  # no strip of the last file's pages
        )

    def _show_thumbnails(self, generation: int, pages: object) -> None:
        if generation != self._generation:
            return
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        for i, image in enumerate(pages):
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
        self.status.setText("")
        self.page_count = 0
        self._update_controls()

    def set_file(self, path: Path | None, page: int = 0) -> None:
        if path is None:
            self.clear()
            return
        self.path = path
        self.page = max(0, page)
        self.page_count = 0
        self._fit_pending = self.fit_on_open
        self._update_controls()
        self.show_page(self.page)
        self._load_thumbnails(path)

    def set_dpi(self, dpi: float) -> None:
        self.dpi = int(min(300, max(30, dpi)))
        self.show_page(self.page)

    def show_page(self, page: int) -> None:
        if self.path is None or page < 0 or (self.page_count and page >= self.page_count):
            return  # past either end: stay on the page shown (never a blank "no page 2")
        self.page = page
        self.status.setText("")
        self._generation += 1
        generation, path, dpi = self._generation, self.path, self.dpi
        # A new file opened fitted to the width: the worker picks the resolution from the page's own
        # size, so the page is drawn once (not at the last file's zoom first, then again fitted).
        fit = self._fit_width() if self._fit_pending and self.isVisible() else 0
        if self.image.pixmap() is None or self.image.pixmap().isNull():
            self.image.setText(self.tr("正在渲染…"))
        run_task(
            lambda task: _page(path, page, dpi, fit),
            lambda result: self._show(generation, *result, fitted=bool(fit)),
            lambda message: self._failed(generation, message),
        )

    def _show(self, generation: int, image: QImage, result: RenderedPage, fitted: bool = False) -> None:
        if generation != self._generation:
            return  # the user moved on while this page rendered
        self.page_count = result.page_count
        self._page_points = result.points
        if fitted:  # drawn fitted to the width: that is the zoom now
            self.dpi = result.dpi
            self._fit_pending = False
        self.image.setPixmap(QPixmap.fromImage(image))
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, result.page_count))
        self.page_box.setValue(self.page + 1)
        self.page_box.blockSignals(False)
        self.count_label.setText(f"/ {result.page_count}")
        self.thumbs.blockSignals(True)
        self.thumbs.setCurrentRow(self.page)
        self.thumbs.blockSignals(False)
        self._update_controls()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        pixmap = self.image.pixmap()
        if self.page_count and pixmap is not None and not pixmap.isNull():
            self.status.setText(message)  # keep the page that was showing; say what went wrong beside it
        else:
            self.image.setPixmap(QPixmap())
            self.image.setText(message or self.tr("无法预览此文件"))
        self._update_controls()
