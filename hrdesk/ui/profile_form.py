"""The employee profile form: every field validated as you type (ID check digit, dates, income
months), errors shown beside the field, and nothing saved until the whole form is valid."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..rules.dates import months_before
from ..rules.idnumber import IdNumberError, parse_id_number
from ..rules.profile import Employee, Employer, Housing, Permit, Profile

CHOICES = {
    "hukou": [
        ("other-province", QT_TRANSLATE_NOOP("Choices", "外省市")),
        ("beijing", QT_TRANSLATE_NOOP("Choices", "北京市户籍")),
        ("beijing-temporary", QT_TRANSLATE_NOOP("Choices", "北京市临时户籍")),
        ("beijing-collective", QT_TRANSLATE_NOOP("Choices", "本市集体户口")),
        ("school-temporary", QT_TRANSLATE_NOOP("Choices", "学校临时户口")),
    ],
    "degree": [
        ("none", QT_TRANSLATE_NOOP("Choices", "无")),
        ("bachelor", QT_TRANSLATE_NOOP("Choices", "学士")),
        ("master", QT_TRANSLATE_NOOP("Choices", "硕士")),
        ("doctor", QT_TRANSLATE_NOOP("Choices", "博士")),
    ],
    "title": [
        ("none", QT_TRANSLATE_NOOP("Choices", "无")),
        ("intermediate", QT_TRANSLATE_NOOP("Choices", "中级")),
        ("senior", QT_TRANSLATE_NOOP("Choices", "高级")),
    ],
    "marital": [
        ("unmarried", QT_TRANSLATE_NOOP("Choices", "未婚")),
        ("married", QT_TRANSLATE_NOOP("Choices", "已婚")),
        ("divorced", QT_TRANSLATE_NOOP("Choices", "离异")),
        ("widowed", QT_TRANSLATE_NOOP("Choices", "丧偶")),
    ],
    "housing": [
        ("", QT_TRANSLATE_NOOP("Choices", "（未登记）")),
        ("residence-permit", QT_TRANSLATE_NOOP("Choices", "北京市居住证")),
        ("owned", QT_TRANSLATE_NOOP("Choices", "自有房产")),
        ("spouse-owned", QT_TRANSLATE_NOOP("Choices", "配偶房产")),
        ("borrowed", QT_TRANSLATE_NOOP("Choices", "借住亲友房产")),
        ("rented", QT_TRANSLATE_NOOP("Choices", "租赁房产")),
        ("public-rental", QT_TRANSLATE_NOOP("Choices", "公租房")),
        ("employer-housing", QT_TRANSLATE_NOOP("Choices", "单位公房")),
    ],
    "permit": [
        ("", QT_TRANSLATE_NOOP("Choices", "（未持证）")),
        ("active", QT_TRANSLATE_NOOP("Choices", "有效")),
        ("suspended", QT_TRANSLATE_NOOP("Choices", "挂起")),
        ("expired", QT_TRANSLATE_NOOP("Choices", "已失效")),
    ],
}


def _combo(kind: str) -> QComboBox:
    box = QComboBox()
    box.setProperty("choices", kind)
    for code, label in CHOICES[kind]:
        box.addItem(QCoreApplication.translate("Choices", label), code)
    return box


def retranslate_combo(box: QComboBox) -> None:
    kind = box.property("choices")
    for i, (_code, label) in enumerate(CHOICES[kind]):
        box.setItemText(i, QCoreApplication.translate("Choices", label))


def _set_combo(box: QComboBox, code: str | None) -> None:
    i = box.findData(code or "")
    box.setCurrentIndex(max(0, i))


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
        return date.fromisoformat(text) if text else None

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


class ProfileForm(QWidget):
    saved = Signal(int)
    validityChanged = Signal(bool)
    modifiedChanged = Signal(bool)  # noqa: N815

    def __init__(self, records: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.employee_id: int | None = None
        self._base: Profile | None = None
        self._errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)

        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.employer = QComboBox()
        self.hukou = _combo("hukou")
        self.hired_on = DateField(required=True)
        self.career_started_on = DateField()
        self.degree = _combo("degree")
        self.title_level = _combo("title")
        self.marital = _combo("marital")
        self.housing_kind = _combo("housing")
        self.housing_until = DateField()
        self.housing_address = QLineEdit()
        self.contract_ends_on = DateField()
        self.permit_status = _combo("permit")
        self.permit_number = QLineEdit()
        self.permit_issued = DateField()
        self.permit_expires = DateField()
        self.left_on = DateField()

        self.basic_box = QGroupBox()
        basic = QFormLayout(self.basic_box)
        self._labels: list[tuple[QLabel, str]] = []
        for key, text, widget in [
            ("name", QT_TRANSLATE_NOOP("ProfileForm", "姓名"), self.name),
            ("id_number", QT_TRANSLATE_NOOP("ProfileForm", "身份证号"), self.id_number),
            ("employer", QT_TRANSLATE_NOOP("ProfileForm", "单位"), self.employer),
            ("hukou", QT_TRANSLATE_NOOP("ProfileForm", "户籍"), self.hukou),
            ("hired_on", QT_TRANSLATE_NOOP("ProfileForm", "入职日期"), self.hired_on),
            ("career_started_on", QT_TRANSLATE_NOOP("ProfileForm", "参加工作日期"), self.career_started_on),
            ("degree", QT_TRANSLATE_NOOP("ProfileForm", "最高学位"), self.degree),
            ("title", QT_TRANSLATE_NOOP("ProfileForm", "职称"), self.title_level),
            ("marital", QT_TRANSLATE_NOOP("ProfileForm", "婚姻状况"), self.marital),
            ("contract_ends_on", QT_TRANSLATE_NOOP("ProfileForm", "劳动合同终止日期"), self.contract_ends_on),
        ]:
            self._row(basic, key, text, widget)
        layout.addWidget(self.basic_box)

        self.housing_box = QGroupBox()
        housing = QFormLayout(self.housing_box)
        self._row(housing, "housing_kind", QT_TRANSLATE_NOOP("ProfileForm", "住所类型"), self.housing_kind)
        self._row(
            housing, "housing_until", QT_TRANSLATE_NOOP("ProfileForm", "住所证明有效期至"), self.housing_until
        )
        self._row(housing, "housing_address", QT_TRANSLATE_NOOP("ProfileForm", "住址"), self.housing_address)
        layout.addWidget(self.housing_box)

        self.permit_box = QGroupBox()
        permit = QFormLayout(self.permit_box)
        self._row(permit, "permit_status", QT_TRANSLATE_NOOP("ProfileForm", "证件状态"), self.permit_status)
        self._row(permit, "permit_number", QT_TRANSLATE_NOOP("ProfileForm", "证件编号"), self.permit_number)
        self._row(permit, "permit_issued", QT_TRANSLATE_NOOP("ProfileForm", "签发日期"), self.permit_issued)
        self._row(permit, "permit_expires", QT_TRANSLATE_NOOP("ProfileForm", "有效期至"), self.permit_expires)
        self._row(permit, "left_on", QT_TRANSLATE_NOOP("ProfileForm", "离开原单位日期"), self.left_on)
        layout.addWidget(self.permit_box)

        self.income_box = QGroupBox()
        income_layout = QVBoxLayout(self.income_box)
        self.income = QTableWidget(6, 2)
        self.income.verticalHeader().setVisible(False)
        self.income.setMinimumHeight(200)
        income_layout.addWidget(self.income)
        self._errors["income"] = QLabel()
        self._errors["income"].setStyleSheet("color:#c62828")
        income_layout.addWidget(self._errors["income"])
        layout.addWidget(self.income_box)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.load(self.employee_id))

        for w in (
            self.name,
            self.id_number,
            self.hired_on,
            self.career_started_on,
            self.housing_until,
            self.contract_ends_on,
            self.permit_issued,
            self.permit_expires,
            self.left_on,
            self.permit_number,
            self.housing_address,
        ):
            w.textChanged.connect(self.validate)
        for box in (self.employer, self.permit_status, self.housing_kind):
            box.currentIndexChanged.connect(self.validate)
        self.income.itemChanged.connect(lambda _item: self.validate())
        self.retranslate()
        self._watch_changes()

    def _row(self, form: QFormLayout, key: str, text: str, widget: QWidget) -> None:
        label = QLabel()
        self._labels.append((label, text))
        error = QLabel()
        error.setStyleSheet("color:#c62828")
        error.setObjectName(f"error_{key}")
        self._errors[key] = error
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        error.hide()
        form.addRow(label, cell)

    def retranslate(self) -> None:
        for label, text in self._labels:
            label.setText(self.tr(text))
        self.basic_box.setTitle(self.tr("基本信息"))
        self.housing_box.setTitle(self.tr("在京住所"))
        self.permit_box.setTitle(self.tr("工作居住证"))
        self.income_box.setTitle(self.tr("近6个月申报收入（元）"))
        self.income.setHorizontalHeaderLabels([self.tr("税款所属期"), self.tr("申报收入")])
        self.save_button.setText(self.tr("保存"))
        self.revert_button.setText(self.tr("撤销修改"))
        for box in (
            self.hukou,
            self.degree,
            self.title_level,
            self.marital,
            self.housing_kind,
            self.permit_status,
        ):
            retranslate_combo(box)

    # --- loading ------------------------------------------------------------------------------------

    def _fill_employers(self, selected: int | None) -> None:
        self.employer.blockSignals(True)
        self.employer.clear()
        for unit in self.records.employers():
            self.employer.addItem(unit.name, unit.id)
        if selected is not None:
            self.employer.setCurrentIndex(max(0, self.employer.findData(selected)))
        self.employer.blockSignals(False)

    def new(self, employer_id: int | None = None) -> None:
        self.employee_id = None
        self._base = None
        self._fill_employers(employer_id)
        self._show(Employee(), date.today())

    def load_case(self, case: Any) -> None:
        """Show an employee's case (built off the UI thread) without loading the profile again."""
        self.employee_id = case.employee_id
        self._base = case.profile
        self._fill_employers(case.employer_id)
        self._show(case.profile.employee, case.on)

    def load(self, employee_id: int | None) -> None:
        if employee_id is None:
            self.new()
            return
        self.employee_id = employee_id
        self._base = self.records.profile(employee_id)
        self._fill_employers(self.records.employee(employee_id).employer_id)
        self._show(self._base.employee, date.today())

    def _show(self, e: Employee, today: date) -> None:
        self.name.setText(e.name)
        self.id_number.setText(e.id_number)
        _set_combo(self.hukou, e.hukou)
        self.hired_on.set_value(e.hired_on)
        self.career_started_on.set_value(e.career_started_on)
        _set_combo(self.degree, e.education.degree)
        _set_combo(self.title_level, e.title)
        _set_combo(self.marital, e.marital_status)
        self.contract_ends_on.set_value(e.contract_ends_on)
        _set_combo(self.housing_kind, e.housing.kind if e.housing else "")
        self.housing_until.set_value(e.housing.valid_until if e.housing else None)
        self.housing_address.setText(e.housing.address if e.housing else "")
        _set_combo(self.permit_status, e.permit.status if e.permit else "")
        self.permit_number.setText(e.permit.number if e.permit else "")
        self.permit_issued.set_value(e.permit.issued_on if e.permit else None)
        self.permit_expires.set_value(e.permit.expires_on if e.permit else None)
        self.left_on.set_value(e.left_previous_employer_on)
        self.income.blockSignals(True)
        for row, month in enumerate(months_before(today, 6)):
            key = QTableWidgetItem(month)
            self.income.setItem(row, 0, key)
            amount = e.monthly_income_cny.get(month)
            self.income.setItem(row, 1, QTableWidgetItem("" if amount is None else f"{amount:.0f}"))
        self.income.blockSignals(False)
        self.validate()
        self.mark_clean()

    # --- unsaved changes (the window's guard) --------------------------------------------------------

    def _fields(self) -> list[QWidget]:
        """Every input of the form, found once (not listed by hand), so a new field is guarded too."""
        if not hasattr(self, "_field_list"):
            kinds = (QLineEdit, QComboBox, QTableWidget)
            self._field_list = [w for w in self.findChildren(QWidget) if isinstance(w, kinds)]
        return self._field_list

    def _snapshot(self) -> list[Any]:
        out: list[Any] = []
        for w in self._fields():
            if isinstance(w, QLineEdit):
                out.append(w.text())
            elif isinstance(w, QComboBox):
                out.append(w.currentIndex())
            else:
                out.append(
                    [
                        [w.item(r, c).text() if w.item(r, c) else "" for c in range(w.columnCount())]
                        for r in range(w.rowCount())
                    ]
                )
        return out

    def _watch_changes(self) -> None:
        self._clean: list[Any] = self._snapshot()
        self._was_modified = False
        for w in self._fields():
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._changed)
            else:
                w.itemChanged.connect(self._changed)
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
            else:
                for r, row in enumerate(value):
                    for c, text in enumerate(row):
                        if w.item(r, c) is None:
                            w.setItem(r, c, QTableWidgetItem(text))
                        else:
                            w.item(r, c).setText(text)
        self.validate()
        self._changed()

    # --- validation ---------------------------------------------------------------------------------

    def errors(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if not self.name.text().strip():
            out["name"] = self.tr("必填")
        try:
            parse_id_number(self.id_number.text())
        except IdNumberError as exc:
            out["id_number"] = {
                "not-18-digits": self.tr("应为18位：17位数字加1位数字或X"),
                "check-digit": self.tr("校验位不符，请核对号码（多为录入错误）"),
                "birth-date": self.tr("号码中的出生日期不存在"),
            }[str(exc)]
        if self.employer.currentData() is None:
            out["employer"] = self.tr("请先在“单位”中添加单位")
        for key, field in (
            ("hired_on", self.hired_on),
            ("career_started_on", self.career_started_on),
            ("contract_ends_on", self.contract_ends_on),
            ("housing_until", self.housing_until),
            ("permit_issued", self.permit_issued),
            ("permit_expires", self.permit_expires),
            ("left_on", self.left_on),
        ):
            message = field.error()
            if message:
                out[key] = message
        if "hired_on" not in out and self.hired_on.value() and self.hired_on.value() > date.today():
            out["hired_on"] = self.tr("入职日期不能晚于今天")
        if self.permit_status.currentData() and not self.permit_expires.text().strip():
            out.setdefault("permit_expires", self.tr("持证时须填写有效期"))
        bad_months = []
        for row in range(self.income.rowCount()):
            item = self.income.item(row, 1)
            text = item.text().strip().replace(",", "") if item else ""
            if text:
                try:
                    if float(text) < 0:
                        raise ValueError
                except ValueError:
                    bad_months.append(self.income.item(row, 0).text())
        if bad_months:
            out["income"] = self.tr("以下月份的金额不是有效数字：") + "、".join(bad_months)
        return out

    def validate(self) -> bool:
        errors = self.errors()
        for key, label in self._errors.items():
            message = errors.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
        ok = not errors
        self.save_button.setEnabled(ok)
        self.validityChanged.emit(ok)
        return ok

    # --- saving -------------------------------------------------------------------------------------

    def to_profile(self) -> Profile:
        base = copy.deepcopy(self._base) if self._base else Profile(Employer(), Employee(), [])
        e = base.employee
        e.name = self.name.text().strip()
        e.id_number = parse_id_number(self.id_number.text()).number
        e.hukou = self.hukou.currentData()
        e.hired_on = self.hired_on.value()
        e.career_started_on = self.career_started_on.value()
        e.education.degree = self.degree.currentData()
        e.title = self.title_level.currentData()
        e.marital_status = self.marital.currentData()
        e.contract_ends_on = self.contract_ends_on.value()
        kind = self.housing_kind.currentData()
        if kind:
            housing = e.housing or Housing(kind=kind)
            housing.kind, housing.valid_until = kind, self.housing_until.value()
            housing.address = self.housing_address.text().strip()
            e.housing = housing
        else:
            e.housing = None
        status = self.permit_status.currentData()
        e.permit = (
            Permit(
                self.permit_number.text().strip(),
                self.permit_issued.value(),
                self.permit_expires.value(),
                status,
            )
            if status
            else None
        )
        e.left_previous_employer_on = self.left_on.value()
        for row in range(self.income.rowCount()):
            month = self.income.item(row, 0).text()
            item = self.income.item(row, 1)
            text = item.text().strip().replace(",", "") if item else ""
            if text:
                e.monthly_income_cny[month] = float(text)
            else:
                e.monthly_income_cny.pop(month, None)
        unit = self.records.employer(self.employer.currentData())
        base.employer = Employer(name=unit.name, credit_code=unit.credit_code, district=unit.district)
        return base

    def save(self) -> int | None:
        if not self.validate():
            return None
        profile = self.to_profile()
        employer_id = self.employer.currentData()
        if self.employee_id is None:
            profile.materials = []
            self.employee_id = self.records.add_profile(profile)
            self.records.update_profile(self.employee_id, profile, employer_id=employer_id)
        else:
            self.records.update_profile(self.employee_id, profile, employer_id=employer_id)
        self._base = self.records.profile(self.employee_id)
        self.saved.emit(self.employee_id)
        return self.employee_id
