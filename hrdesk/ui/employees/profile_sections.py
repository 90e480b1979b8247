"""Fields of the profile form that hold more than one value: money, counts, amounts per year,
lists typed one per line, and the guide note each group of fields carries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableWidget, QTableWidgetItem

from ...labels import choices, cite
from ...rules.policy import Policy
from ...text.numbers import AmountError, parse_cny


class MoneyField(QLineEdit):
    """An amount in CNY typed the way people write it (12,500 · 12500元 · 1.25万)."""

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText("0")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> float | None:
        try:
            return parse_cny(self.text())
        except AmountError:
            return None

    def set_value(self, value: float | None) -> None:
        self.setText("" if not value else f"{value:,.0f}" if value == int(value) else f"{value:,.2f}")

    def error(self) -> str | None:
        try:
            parse_cny(self.text())
        except AmountError as exc:
            return {
                "amount.negative": self.tr("金额不能为负数"),
                "amount.not-a-number": self.tr("请填写数字金额，如 12500、12,500 或 1.25万"),
            }[exc.code]
        return None


class YearAmounts(QTableWidget):
    """One amount per calendar year (annual income, freelancer tax): the years the rules look at."""

    edited = Signal()

    def __init__(self, rows: int = 3) -> None:
        super().__init__(rows, 2)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMinimumHeight(30 * (rows + 1) + 4)
        self.setMaximumHeight(30 * (rows + 1) + 8)
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def show_years(self, years: list[str], amounts: dict[str, float]) -> None:
        self.blockSignals(True)
        self.setRowCount(len(years))
        for row, year in enumerate(years):
            key = QTableWidgetItem(year)
            key.setFlags(key.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 0, key)
            amount = amounts.get(year)
            self.setItem(row, 1, QTableWidgetItem("" if amount is None else f"{amount:,.0f}"))
        self.blockSignals(False)

    def bad_rows(self) -> list[str]:
        bad = []
        for row in range(self.rowCount()):
            item = self.item(row, 1)
            try:
                parse_cny(item.text() if item else "")
            except AmountError:
                bad.append(self.item(row, 0).text())
        return bad

    def apply_to(self, amounts: dict[str, float]) -> None:
        """Write the shown years into `amounts`, keeping years the table does not show."""
        for row in range(self.rowCount()):
            year = self.item(row, 0).text()
            item = self.item(row, 1)
            value = parse_cny(item.text() if item else "")
            if value is None:
                amounts.pop(year, None)
            else:
                amounts[year] = value


class LinesField(QPlainTextEdit):
    """A list typed one item per line (awards, talent programmes). Items that came in as records
    (dicts from a profile JSON) are kept as they were when their line is unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.setMaximumHeight(64)
        self.setTabChangesFocus(True)
        self._items: list[Any] = []

    @staticmethod
    def _line(item: Any) -> str:
        if isinstance(item, dict):
            return str(item.get("name") or item.get("title") or ", ".join(str(v) for v in item.values()))
        return str(item)

    def set_items(self, items: list[Any]) -> None:
        self._items = list(items)
        self.setPlainText("\n".join(self._line(i) for i in items))

    def items(self) -> list[Any]:
        old = {self._line(i): i for i in self._items}
        lines = [line.strip() for line in self.toPlainText().splitlines() if line.strip()]
        return [old.get(line, line) for line in lines]


def code_combo(group: str, lang: str, empty: str | None = None) -> QComboBox:
    """A drop-down of the codes of a labels group; `empty` adds a first entry meaning "none"."""
    box = QComboBox()
    box.setProperty("label_group", group)
    box.setProperty("has_empty", empty is not None)
    if empty is not None:
        box.addItem(empty, "")
    for code, text in choices(group, lang):
        box.addItem(text, code)
    return box


def relabel_combo(box: QComboBox, lang: str, empty: str | None = None) -> None:
    offset = 1 if box.property("has_empty") else 0
    if offset and empty is not None:
        box.setItemText(0, empty)
    for i, (_code, text) in enumerate(choices(box.property("label_group"), lang)):
        box.setItemText(i + offset, text)


# Which rules each group of the form feeds: (section of the policy file, key) or ("category", code).
GROUP_SOURCES: dict[str, list[tuple[str, str]]] = {
    "basic": [
        ("applicant", "hukou_source"),
        ("applicant", "retirement_source"),
        ("applicant", "tenure_source"),
        ("applicant", "experience_source"),
    ],
    "employment": [
        ("applicant", "dispatched_source"),
        ("applicant", "same_employer_source"),
        ("applicant", "criminal_record_source"),
    ],
    "education": [("category", "degree"), ("category", "title"), ("category-foreign", "degree")],
    "honours": [("category", "award"), ("category", "talent-program")],
    "ip": [("category", "ip")],
    "founder": [("category", "founder")],
    "freelancer": [("category", "freelancer")],
    "income": [
        ("applicant", "income_source"),
        ("category", "innovation-income"),
        ("category", "service-income"),
    ],
    "housing": [("applicant", "residence_source")],
    "permit": [("timing", "permit_source"), ("timing", "unlink_source")],
}


def group_sources(policy: Policy, group: str) -> list[str]:
    out: list[str] = []
    for section, key in GROUP_SOURCES[group]:
        if section.startswith("category"):
            for rule in policy.categories:
                if rule["code"] == key:
                    source = rule.get("foreign_source" if section == "category-foreign" else "source")
                    if source:
                        out.append(source)
        else:
            source = policy.data.get(section, {}).get(key)
            if source:
                out.append(source)
    return list(dict.fromkeys(out))


class GuideNote(QLabel):
    """The guide sections a group of fields answers to, for the selected unit's district."""

    def __init__(self, group: str) -> None:
        super().__init__()
        self.group = group
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", "guide-note")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def show_for(self, policy: Policy | None, lang: str, prefix: str) -> None:
        sources = group_sources(policy, self.group) if policy else []
        self.setText(prefix + cite(", ".join(sources), lang))
        self.setVisible(bool(sources))
