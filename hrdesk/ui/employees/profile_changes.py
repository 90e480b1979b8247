"""Whether the form holds edits not saved yet: the window asks before it drops them (switching
employee, closing, quitting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class ProfileChanges:
    """Unsaved edits: a snapshot of every field, compared as the person types (mixed into ProfileForm)."""

    def _fields(self) -> list[QWidget]:
        """Every input of the form, found once (not listed by hand), so a new field is guarded too."""
        if not hasattr(self, "_field_list"):
            from PySide6.QtWidgets import QAbstractSpinBox, QPlainTextEdit

            kinds = (QLineEdit, QComboBox, QTableWidget, QCheckBox, QAbstractSpinBox, QPlainTextEdit)
            self._field_list = [
                w
                for w in self.findChildren(QWidget)
                if isinstance(w, kinds) and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))
            ]
        return self._field_list

    @staticmethod
    def _value(w: QWidget) -> Any:
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QComboBox):
            return w.currentIndex()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QTableWidget):
            return [
                [w.item(r, c).text() if w.item(r, c) else "" for c in range(w.columnCount())]
                for r in range(w.rowCount())
            ]
        if hasattr(w, "toPlainText"):
            return w.toPlainText()
        return w.value()  # spin boxes

    def _snapshot(self) -> list[Any]:
        return [self._value(w) for w in self._fields()]

    def _watch_changes(self) -> None:
        self._clean: list[Any] = self._snapshot()
        self._was_modified = False
        for w in self._fields():
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._changed)
            elif isinstance(w, QCheckBox):
                w.toggled.connect(self._changed)
            elif isinstance(w, QTableWidget):
                w.itemChanged.connect(self._changed)
            elif hasattr(w, "toPlainText"):
                w.textChanged.connect(self._changed)
            else:
                w.editingFinished.connect(self._changed)
                w.valueChanged.connect(self._changed)
        self.saved.connect(lambda _id: self.mark_clean())

    def _changed(self, *_args: Any) -> None:
        modified = self.is_modified()
        if modified != getattr(self, "_was_modified", False):
            self._was_modified = modified
            self.modifiedChanged.emit(modified)

    def is_modified(self) -> bool:
        return hasattr(self, "_clean") and self._snapshot() != self._clean

    def mark_clean(self) -> None:
        """What the form shows now is what is stored (after loading or saving)."""
        if hasattr(self, "_clean"):
            self._clean = self._snapshot()
            self._changed()

    def discard(self) -> None:
        """Put every field back as it was loaded."""
        if not hasattr(self, "_clean"):
            return
        for w, value in zip(self._fields(), self._clean, strict=True):
            if isinstance(w, QLineEdit):
                w.setText(value)
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(value)
            elif isinstance(w, QCheckBox):
                w.setChecked(value)
            elif isinstance(w, QTableWidget):
                w.setRowCount(len(value))
                for r, row in enumerate(value):
                    for c, text in enumerate(row):
                        if w.item(r, c) is None:
                            w.setItem(r, c, QTableWidgetItem(text))
                        else:
                            w.item(r, c).setText(text)
            elif hasattr(w, "toPlainText"):
                w.setPlainText(value)
            else:
                w.setValue(value)
        self.validate()
        self._changed()
