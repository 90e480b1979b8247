"""The eligibility tab: the verdict for the chosen business, what blocks it and what is missing, with
the guide's words for each finding, and the deadlines that follow from the profile."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...employees.status import DUTY_CODES
from ...labels import cite
from ...labels import label as code_label
from ...rules.policy import BUSINESSES
from ..i18n import current_lang
from .record_table import append_row

SEVERITY_COLOURS = {"blocker": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


def business_label(code: str) -> str:
    """A business's name in the window's language, from the one list (labels.toml, cited to the guides)."""
    return code_label("business", code, current_lang())


class EligibilityPanel(QWidget):
    businessChanged = Signal(str)

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_id: int | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.business_label = QLabel()
        self.business = QComboBox()
        top.addWidget(self.business_label)
        top.addWidget(self.business)
        top.addStretch(1)
        layout.addLayout(top)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #c62828; color: white; font-weight: bold; padding: 6px; border-radius: 3px; }"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        self.findings = QTableWidget(0, 3)
        self.findings.verticalHeader().setVisible(False)
        self.findings.horizontalHeader().setStretchLastSection(True)
        self.findings.setWordWrap(True)
        self.findings.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.findings, 2)
        self.deadlines = QTableWidget(0, 2)
        self.deadlines.verticalHeader().setVisible(False)
        self.deadlines.horizontalHeader().setStretchLastSection(True)
        self.deadlines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.deadlines, 1)
        self.business.currentIndexChanged.connect(self._business_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.business_label.setText(self.tr("业务类型："))
        current = self.business.currentData()
        self.business.blockSignals(True)
        self.business.clear()
        for code in BUSINESSES:
            self.business.addItem(business_label(code), code)
        self.business.setCurrentIndex(max(0, self.business.findData(current)))
        self.business.blockSignals(False)
        self.findings.setHorizontalHeaderLabels([self.tr("级别"), self.tr("问题"), self.tr("依据")])
        self.deadlines.setHorizontalHeaderLabels([self.tr("日期"), self.tr("期限")])
        self.refresh()

    def set_business(self, business: str) -> None:
        self.business.setCurrentIndex(max(0, self.business.findData(business)))

    def _business_changed(self) -> None:
        self.businessChanged.emit(self.business.currentData())

    def set_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.case = None
        self.refresh()

    def set_case(self, case: Any) -> None:
        self.employee_id, self.case = case.employee_id, case
        self.business.blockSignals(True)
        self.set_business(case.business)
        self.business.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.findings.setRowCount(0)
        self.deadlines.setRowCount(0)
        case = getattr(self, "case", None)
        if self.employee_id is None or case is None:
            self.verdict.setText("")
            return
        result = case.result
        self._render(result, case.deadlines)

    def _render(self, result: Any, deadlines: Any) -> None:
        overdue = [d for d in deadlines if d.code in DUTY_CODES and d.date < result.on]
        if overdue:  # the most urgent case must not look routine
            first = overdue[0]
            texts = {
                "UNLINK_DUE": self.tr(
                    "原单位解除关联已逾期（{date}）— 请立即联系原单位办理解除，或联系主管部门。"
                ),
                "UNIT_REVIEW_DUE": self.tr("单位审核已超过 7 天（{date}）— 系统会自动退回，请立即审核。"),
            }
            default = self.tr("已过最晚安全提交日（{date}）— 请立即提交，或联系主管部门。")
            self.banner.setText(texts.get(first.code, default).format(date=first.date.isoformat()))
            self.banner.show()
        else:
            self.banner.hide()
        yes, no = self.tr("是"), self.tr("否")
        eligible, ready = self.tr("符合条件"), self.tr("材料齐全")
        categories, threshold = self.tr("符合的申请条件"), self.tr("收入标准")
        # Overdue is never green, however complete the file is: the banner above says what to do.
        colour = (
            "#c62828"
            if overdue
            else "#2e7d32"
            if result.ready
            else "#ef6c00"
            if result.eligible
            else "#c62828"
        )
        # Between the verdict's parts: a wide space in Chinese; in English a thin one read as nothing.
        lang = current_lang()
        gap, comma = ("　", "、") if lang == "zh" else ("  ·  ", ", ")
        met = comma.join(code_label("category", c, lang) for c in result.qualifying_categories) or "—"
        self.verdict.setText(
            f"<b style='color:{colour}'>{eligible}: {yes if result.eligible else no}{gap}"
            f"{ready}: {yes if result.ready else no}</b>{gap}"
            f"{categories}: {met}{gap}"
            f"{threshold}: ≥ {result.thresholds['x1_2']}"
        )
        severity_names = {"blocker": self.tr("阻断"), "warning": self.tr("警告"), "info": self.tr("提示")}
        # Blockers first: what stops the application is read before warnings and notes.
        rank = {"blocker": 0, "warning": 1, "info": 2}
        for f in sorted(result.findings, key=lambda f: rank.get(f.severity, 3)):
            row = self.findings.rowCount()
            self.findings.insertRow(row)
            sev = QTableWidgetItem(severity_names[f.severity])
            sev.setForeground(QBrush(QColor(SEVERITY_COLOURS[f.severity])))
            sev.setToolTip(f.code)
            self.findings.setItem(row, 0, sev)
            self.findings.setItem(row, 1, QTableWidgetItem(f.message))
            self.findings.setItem(row, 2, QTableWidgetItem(cite(f.source, current_lang())))
        self.findings.setColumnWidth(0, 60)
        self.findings.setColumnWidth(1, max(300, self.findings.viewport().width() - 260))
        self.findings.resizeRowsToContents()
        for d in deadlines:
            append_row(self.deadlines, (d.date.isoformat(), d.message))
            if d.code in DUTY_CODES and d.date < result.on:
                for col in range(2):
                    self.deadlines.item(self.deadlines.rowCount() - 1, col).setForeground(
                        QBrush(QColor("#c62828"))
                    )
