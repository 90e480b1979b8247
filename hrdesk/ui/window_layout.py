"""The window's layout memory: geometry, toolbar state, the splitter and the list's column widths, kept
in QSettings between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from .screen_fit import FRAME, available, fit, inside_a_screen

if TYPE_CHECKING:
    from .main_window import MainWindow


def restore_layout(w: MainWindow) -> None:
    """The last geometry only where it lies on a screen that exists now and fits it; otherwise a size
    taken from the screen. A window closed maximised opens maximised."""
    geometry = w.settings.value("window/geometry")
    restored = bool(geometry) and w.restoreGeometry(geometry)
    maximised = w.settings.value("window/maximized", False, type=bool) or w.isMaximized()
    if not restored or (not maximised and not inside_a_screen(w.geometry())):
        area = available(w)
        fit(w, min(1400, area.width() - 16), min(860, area.height() - FRAME - 8))
    if maximised:
        w.setWindowState(w.windowState() | Qt.WindowState.WindowMaximized)
    state = w.settings.value("window/state")
    if state:
        w.restoreState(state)
    split = w.settings.value("window/splitter")
    if split:
        w.splitter.restoreState(split)
    else:  # the list wide enough for name, status, next deadline, unit and masked ID at 1366×768
        width = w.width()
        w.splitter.setSizes([min(560, width * 2 // 5), width - min(560, width * 2 // 5)])
    header = w.settings.value("window/list-header")
    if header:
        w.table.horizontalHeader().restoreState(header)
    else:  # name, status, next deadline, unit, ID (masked), permit expiry
        for col, width in enumerate((64, 112, 84, 150, 120, 84)):
            w.table.setColumnWidth(col, width)
    fit_header_texts(w)


def fit_header_texts(w: MainWindow) -> None:
    """Widen a list column whose heading would be cut ("Next deadline" is longer than 下一期限), at the
    start and after a language switch; a column the person made wider stays as it is."""
    header = w.table.horizontalHeader()
    metrics = header.fontMetrics()
    # Both sides' margins and the sort arrow, as the style draws them beside the text.
    room = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 16
    for col in range(w.proxy.columnCount()):
        text = str(w.proxy.headerData(col, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + room
        if not header.isSectionHidden(col) and header.sectionSize(col) < needed:
            header.resizeSection(col, needed)


def save_geometry(w: MainWindow) -> None:
    """The frame and whether it was maximised (restoring a maximised window must not shrink it)."""
    w.settings.setValue("window/geometry", w.saveGeometry())
    w.settings.setValue("window/maximized", w.isMaximized())


def save_layout(w: MainWindow) -> None:
    """On close: everything but the geometry (saved first, also when the window only goes to the tray)."""
    w.settings.setValue("window/state", w.saveState())
    w.settings.setValue("window/splitter", w.splitter.saveState())
    w.settings.setValue("window/list-header", w.table.horizontalHeader().saveState())
