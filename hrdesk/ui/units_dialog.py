"""Units (employers) and their agents: district, tax figures, quota, permission."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..rules.names import check_name
from ..rules.profile import ENTITY_TYPES, INNOVATION_ENTITIES, SERVICE_ENTITIES, Employer
from .i18n import current_lang
from .profile_form import DateField


class UnitsDialog(QDialog):
    def __init__(self, records: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.records = records
        self.setWindowTitle(self.tr("单位与经办人"))
        self.resize(820, 560)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        left.addWidget(self.list)
        self.add_button = QPushButton(self.tr("新建单位"))
        left.addWidget(self.add_button)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        self.credit_code = QLineEdit()
        self.district = QComboBox()
        for code, policy in sorted(
            __import__("hrdesk.services.check", fromlist=["policies"]).policies().policies.items()
        ):
            self.district.addItem(policy.name_zh, code)
        self.entity_type = QComboBox()
        for code in ENTITY_TYPES:
            self.entity_type.addItem(code, code)
        self.registered_on = DateField()
        self.capital = QLineEdit()
        self.tax_registered_on = DateField()
        self.tax_last = QLineEdit()
        self.tax_this = QLineEdit()
        self.innovation = QComboBox()
        self.innovation.addItem("—", None)
        for code in INNOVATION_ENTITIES:
            self.innovation.addItem(code, code)
        self.service = QComboBox()
        self.service.addItem("—", None)
        for code in SERVICE_ENTITIES:
            self.service.addItem(code, code)
        self.good_standing = QCheckBox(self.tr("信用良好，无违法违规记录"))
        self.permission = QCheckBox(self.tr("已开通业务办理权限"))
        self.restricted = QCheckBox(self.tr("经营范围列入禁止和限制目录"))
        self.quota = QSpinBox()
        self.quota.setRange(-1, 9999)
        self.quota.setSpecialValueText(self.tr("未记录"))
        year = date.today().year
        for label, widget in (
            (self.tr("单位名称"), self.name),
            (self.tr("统一社会信用代码"), self.credit_code),
            (self.tr("所在区"), self.district),
            (self.tr("单位类型"), self.entity_type),
            (self.tr("登记注册日期"), self.registered_on),
            (self.tr("注册资本（元）"), self.capital),
            (self.tr("本区纳税起始日期"), self.tax_registered_on),
            (self.tr("{y} 年纳税额（元，不含个税）").format(y=year - 1), self.tax_last),
            (self.tr("{y} 年纳税额（元，不含个税）").format(y=year), self.tax_this),
            (self.tr("科技创新主体"), self.innovation),
            (self.tr("科技创新服务主体"), self.service),
            (self.tr("剩余新办指标"), self.quota),
            ("", self.good_standing),
            ("", self.permission),
            ("", self.restricted),
        ):
            form.addRow(label, widget)
        right.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828")
        right.addWidget(self.error)
        self.agents_label = QLabel()
        right.addWidget(self.agents_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        right.addWidget(buttons)
        layout.addLayout(right, 2)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.add_button.clicked.connect(self.new_unit)
        self.list.currentItemChanged.connect(lambda item, _prev: self.load(item.data(256) if item else None))
        self.unit_id: int | None = None
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        for unit in self.records.employers():
            item = QListWidgetItem(unit.name)
            item.setData(256, unit.id)
            self.list.addItem(item)
            if unit.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        elif not self.list.count():
            self.new_unit()

    def new_unit(self) -> None:
        self.unit_id = None
        self.list.clearSelection()
        self._show(Employer(district=self.district.itemData(0)))

    def load(self, unit_id: int | None) -> None:
        if unit_id is None:
            return
        self.unit_id = unit_id
        self._show(self.records.employer_facts(unit_id))
        agents = self.records.agents(unit_id)
        self.agents_label.setText(
            self.tr("经办人：") + ("、".join(a.name for a in agents) or self.tr("未登记"))
        )

    def _show(self, u: Employer) -> None:
        year = date.today().year
        self.name.setText(u.name)
        self.credit_code.setText(u.credit_code)
        self.district.setCurrentIndex(max(0, self.district.findData(u.district)))
        self.entity_type.setCurrentIndex(max(0, self.entity_type.findData(u.entity_type)))
        self.registered_on.set_value(u.registered_on)
        self.capital.setText("" if u.registered_capital_cny is None else f"{u.registered_capital_cny:.0f}")
        self.tax_registered_on.set_value(u.tax_registered_on)
        self.tax_last.setText(
            str(int(u.tax_paid_cny.get(str(year - 1), 0))) if u.tax_paid_cny.get(str(year - 1)) else ""
        )
        self.tax_this.setText(
            str(int(u.tax_paid_cny.get(str(year), 0))) if u.tax_paid_cny.get(str(year)) else ""
        )
        self.innovation.setCurrentIndex(max(0, self.innovation.findData(u.innovation_entity)))
        self.service.setCurrentIndex(max(0, self.service.findData(u.service_entity)))
        self.quota.setValue(-1 if u.new_quota_remaining is None else u.new_quota_remaining)
        self.good_standing.setChecked(u.good_standing)
        self.permission.setChecked(u.permission_granted)
        self.restricted.setChecked(u.restricted_industry)
        self.error.setText("")

    def _number(self, field: QLineEdit, label: str) -> float | None:
        text = field.text().strip().replace(",", "")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            raise ValueError(self.tr("{label}应为数字").format(label=label)) from None
        if value < 0:
            raise ValueError(self.tr("{label}不能为负数").format(label=label))
        return value

    def save(self) -> None:
        year = date.today().year
        try:
            if not self.name.text().strip():
                raise ValueError(self.tr("单位名称必填"))
            check_name(self.name.text().strip(), "unit", current_lang())  # NameRejected is a ValueError
            for field in (self.registered_on, self.tax_registered_on):
                if field.error():
                    raise ValueError(field.error())
            tax = {}
            for y, field in ((year - 1, self.tax_last), (year, self.tax_this)):
                value = self._number(field, self.tr("纳税额"))
                if value is not None:
                    tax[str(y)] = value
            unit = Employer(
                name=self.name.text().strip(),
                credit_code=self.credit_code.text().strip(),
                district=self.district.currentData(),
                entity_type=self.entity_type.currentData(),
                registered_on=self.registered_on.value(),
                registered_capital_cny=self._number(self.capital, self.tr("注册资本")),
                tax_registered_on=self.tax_registered_on.value(),
                tax_paid_cny=tax,
                innovation_entity=self.innovation.currentData(),
                service_entity=self.service.currentData(),
                restricted_industry=self.restricted.isChecked(),
                good_standing=self.good_standing.isChecked(),
                permission_granted=self.permission.isChecked(),
                new_quota_remaining=None if self.quota.value() < 0 else self.quota.value(),
            )
            if self.unit_id is not None:
                old = self.records.employer_facts(self.unit_id)
                unit.tax_paid_cny = {**old.tax_paid_cny, **tax}
            self.unit_id = self.records.save_employer(unit, self.unit_id)
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.reload(select=self.unit_id)
        QMessageBox.information(self, self.tr("单位"), self.tr("已保存。"))
