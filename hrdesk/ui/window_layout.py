"""The window's layout memory: geometry, toolbar state, the splitter and the list's column widths, kept
in QSettings between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow


def restore_layout(w: MainWindow) -> None:
    geometry = w.settings.value("window/geometry")
    if geometry:
        w.restoreGeometry(geometry)
    else:
        w.resize(1400, 860)
    state = w.settings.value("window/state")
    if state:
        w.restoreState(state)
    split = w.settings.value("window/splitter")
    if split:
        w.splitter.restoreState(split)
    else:  # the list wide enough for name, status, next deadline, unit and masked ID at 1366×768
        w.splitter.setSizes([560, 800])
    header = w.settings.value("window/list-header")
    if header:
        w.table.horizontalHeader().restoreState(header)
    else:  # name, status, next deadline, unit, ID (masked), permit expiry
        for col, width in enumerate((64, 112, 84, 150, 120, 84)):
            w.table.setColumnWidth(col, width)


def save_layout(w: MainWindow) -> None:
    """On close: everything but the geometry (saved first, also when the window only goes to the tray)."""
    w.settings.setValue("window/state", w.saveState())
    w.settings.setValue("window/splitter", w.splitter.saveState())
    w.settings.setValue("window/list-header", w.table.horizontalHeader().saveState())
