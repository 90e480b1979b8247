"""The mouse wheel scrolls the form, not the field under the pointer: a combo box, spin box or date
field changes only once it has focus (clicked or tabbed into), so scrolling down a long profile never
quietly changes a hukou type or a month count on the way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelToScroll(QObject):
    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def install(self) -> None:
        """On every field now in the area (call again after rows are added; installing twice is harmless)."""
        body = getattr(self.area, "widget", lambda: None)() or self.area.viewport()
        for kind in GUARDED:
            for field in body.findChildren(kind):
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone never gives focus
                field.removeEventFilter(self)
                field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            QCoreApplication.sendEvent(self.area.verticalScrollBar(), event)
            return True
        return False
