"""The mouse wheel scrolls the form, not the field under the pointer: a combo box, spin box or date
field changes only once it has focus (clicked or tabbed into), so scrolling down a long profile, the
units dialog or Settings never quietly changes a hukou type or a month count on the way.

Installed once on the application (`install`, once the window's first frame is drawn), so every field
of every window and dialog is guarded, the ones added later included; no dialog has to remember to ask
for it. The same filter puts open dialogs in the language a person switches to (`dialog_language`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QDialog, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit and QTimeEdit are spin boxes
_WHEEL, _POLISH, _LANGUAGE = QEvent.Type.Wheel, QEvent.Type.Polish, QEvent.Type.LanguageChange


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scrolling area the field sits in (the form's page, not a list the field edits)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, GUARDED):
            return parent
        parent = parent.parentWidget()
    return None


class AppEvents(QObject):
    """The application's one event filter: the wheel guard and the dialogs' language."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == _WHEEL:
            return isinstance(watched, GUARDED) and self._wheel(watched, event)
        if kind == _POLISH and isinstance(watched, GUARDED):
            # Wheel focus would hand the field focus by the wheel alone, before this filter sees it.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == _LANGUAGE and isinstance(watched, QDialog) and watched.isWindow():
            from .dialog_language import retranslate_dialog

            retranslate_dialog(watched)
        return False

    @staticmethod
    def _wheel(field: QWidget, event: QEvent) -> bool:
        if field.hasFocus():
            return False  # a focused field is the person's: the wheel steps it
        area = scroll_area_of(field)
        if area is not None:
            QCoreApplication.sendEvent(area.verticalScrollBar(), event)
        return True


def install(app: QCoreApplication) -> AppEvents:
    """Install the filter on `app` once (a second call returns the first filter)."""
    existing = app.findChild(AppEvents)
    if existing is not None:
        return existing
    guard = AppEvents(app)
    app.installEventFilter(guard)
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.allWidgets():  # fields polished before the guard (the first frame's)
        if isinstance(widget, GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard
