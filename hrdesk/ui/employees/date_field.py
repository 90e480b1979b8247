"""A date typed as YYYY-MM-DD, the way HR staff copy dates from papers (the profile form, the units
dialog and Settings use it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QLineEdit,
)


class DateField(QLineEdit):
    """An optional date typed as YYYY-MM-DD (HR staff copy dates from papers; a calendar popup per
    field slows them down)."""

    def __init__(self, required: bool = False) -> None:
        super().__init__()
        self.required = required
        self.setPlaceholderText("YYYY-MM-DD")
        self.setMaxLength(10)

    def value(self) -> date | None:
        text = self.text().strip()
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def error(self) -> str | None:
        text = self.text().strip()
        if not text:
            return self.tr("必填") if self.required else None
        try:
            if len(text) != 10:
                raise ValueError
            date.fromisoformat(text)
        except ValueError:
            return self.tr("日期格式应为 2026-01-31，且须是真实日期")
        return None
