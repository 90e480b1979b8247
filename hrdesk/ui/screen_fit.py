"""Windows and dialogs sized from the screen they open on (a 1280×720 or 1366×768 laptop, 125 % or 150 %
scaling), never from constants that only fit a large monitor: every frame inside the screen's available
area, its buttons reachable."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = 32  # room for the title bar and borders the window manager adds around the client area
TITLE = 22  # the smallest title bar seen (a frame whose client area starts higher is cut off)


def available(widget: QWidget | None = None) -> QRect:
    """The usable area (without the taskbar) of the widget's screen, else its parent's, else the primary."""
    screen = None
    while widget is not None and screen is None:
        screen = widget.screen() if widget.isWindow() or widget.parentWidget() is None else None
        widget = widget.parentWidget()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget: QWidget, width: int, height: int, anchor: QWidget | None = None) -> None:
    """Resize to the wanted size or the screen's available area, whichever is smaller, and place the
    frame inside that area (centred on `anchor`, the parent window, where there is one)."""
    area = available(anchor or widget.parentWidget() or widget)
    w = max(200, min(width, area.width() - 2 * 8))
    h = max(160, min(height, area.height() - FRAME - 8))
    widget.resize(w, h)
    centre = anchor or widget.parentWidget()
    cx, cy = (
        (centre.frameGeometry().center().x(), centre.frameGeometry().center().y())
        if centre
        else (
            area.center().x(),
            area.center().y(),
        )
    )
    x = min(max(area.left(), cx - w // 2), area.right() - w)
    y = min(max(area.top(), cy - (h + FRAME) // 2), area.bottom() - h - FRAME)
    widget.move(x, y)


def inside_a_screen(client: QRect) -> bool:
    """Whether a restored window, with its title bar and borders around `client` (its geometry), lies
    whole on a screen that exists now (a laptop unplugged from its monitor restores onto a screen that
    is gone, or one too small for it)."""
    return any(
        s.availableGeometry().adjusted(4, TITLE, -4, -4).contains(client) for s in QGuiApplication.screens()
    )
