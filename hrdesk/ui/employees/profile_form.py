"""The employee profile form: every fact the rules read, grouped the way the guides group them
(each group shows the guide sections it answers to), validated as you type (ID check digit, dates,
amounts), errors shown beside the field, and nothing saved until the whole form is valid.

Choices use the shared labels table (`resources/labels.toml`), so a label copied from here into a
roster reads back as the same code."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...labels import label as code_label
from ...rules.dates import months_before, years_before
from ...rules.idnumber import IdNumberError, parse_id_number
from ...rules.names import NameRejected, check_name
from ...rules.profile import (
    SAME_EMPLOYER_KEYS,
    Employee,
    Employer,
    Founder,
    Freelancer,
    Housing,
    Permit,
    Profile,
)
from ...text.numbers import AmountError, parse_cny
from ..i18n import current_lang
from .profile_sections import GuideNote, LinesField, MoneyField, YearAmounts, code_combo, relabel_combo

# Combos: attribute → (labels group, text of the leading "none" entry or None).
_COMBOS = {
    "hukou": ("hukou", None),
    "retirement": ("retirement", QT_TRANSLATE_NOOP("ProfileForm", "按身份证推算")),
    "degree": ("degree", None),
    "title_level": ("title", None),
    "marital": ("marital", None),
    "housing_kind": ("housing", QT_TRANSLATE_NOOP("ProfileForm", "（未登记）")),
    "permit_status": ("permit", QT_TRANSLATE_NOOP("ProfileForm", "（未持证）")),
}


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


class ProfileForm(QWidget):
    saved = Signal(int)
    validityChanged = Signal(bool)
    modifiedChanged = Signal(bool)  # noqa: N815

    def __init__(self, desk: Any, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._today = today
        self.employee_id: int | None = None
        self._base: Profile | None = None
        self._version: int | None = None  # the employee's version this form is based on
        self._units: dict[int, Any] = {}  # the unit list shown, with the facts a save names
        self._errors: dict[str, QLabel] = {}
        self._labels: list[tuple[QLabel, str]] = []
        self._boxes: list[tuple[QGroupBox, str, GuideNote]] = []
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.scroll = scroll
        self._layout = QVBoxLayout(body)
        lang = current_lang()
        for attr, (group, empty) in _COMBOS.items():
            setattr(self, attr, code_combo(group, lang, self.tr(empty) if empty else None))

        # --- 基本信息 ---
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.employer = QComboBox()
        self.retired = QCheckBox()
        self.hired_on = DateField(required=True)
        self.career_started_on = DateField()
        self.contract_ends_on = DateField()
        form = self._group("basic", QT_TRANSLATE_NOOP("ProfileForm", "基本信息"))
        for key, text, widget in [
            ("name", QT_TRANSLATE_NOOP("ProfileForm", "姓名"), self.name),
            ("id_number", QT_TRANSLATE_NOOP("ProfileForm", "身份证号"), self.id_number),
            ("employer", QT_TRANSLATE_NOOP("ProfileForm", "单位"), self.employer),
            ("hukou", QT_TRANSLATE_NOOP("ProfileForm", "户籍"), self.hukou),
            ("retirement", QT_TRANSLATE_NOOP("ProfileForm", "退休年龄类别"), self.retirement),
            ("retired", QT_TRANSLATE_NOOP("ProfileForm", "已办理退休"), self.retired),
            ("hired_on", QT_TRANSLATE_NOOP("ProfileForm", "入职日期"), self.hired_on),
            ("career_started_on", QT_TRANSLATE_NOOP("ProfileForm", "参加工作日期"), self.career_started_on),
            ("marital", QT_TRANSLATE_NOOP("ProfileForm", "婚姻状况"), self.marital),
            ("contract_ends_on", QT_TRANSLATE_NOOP("ProfileForm", "劳动合同终止日期"), self.contract_ends_on),
        ]:
            self._row(form, key, text, widget)

        # --- 劳动关系 ---
        self.dispatched = QCheckBox()
        self.same_employer = {key: QCheckBox() for key in SAME_EMPLOYER_KEYS}
        self.criminal_record = QCheckBox()
        form = self._group("employment", QT_TRANSLATE_NOOP("ProfileForm", "劳动关系"))
        self._row(form, "dispatched", QT_TRANSLATE_NOOP("ProfileForm", "劳务派遣人员"), self.dispatched)
        same = QWidget()
        same_box = QVBoxLayout(same)
        same_box.setContentsMargins(0, 0, 0, 0)
        for box in self.same_employer.values():
            same_box.addWidget(box)
        self._row(form, "same_employer", QT_TRANSLATE_NOOP("ProfileForm", "申请单位同时是"), same)
        self._row(
            form, "criminal_record", QT_TRANSLATE_NOOP("ProfileForm", "有犯罪记录"), self.criminal_record
        )

        # --- 学历与职称 ---
        self.foreign_degree = QCheckBox()
        self.graduated_on = DateField()
        form = self._group("education", QT_TRANSLATE_NOOP("ProfileForm", "学历与职称"))
        self._row(form, "degree", QT_TRANSLATE_NOOP("ProfileForm", "最高学位"), self.degree)
        self._row(
            form,
            "foreign_degree",
            QT_TRANSLATE_NOOP("ProfileForm", "境外学位（留服认证）"),
            self.foreign_degree,
        )
        self._row(form, "graduated_on", QT_TRANSLATE_NOOP("ProfileForm", "毕业日期"), self.graduated_on)
        self._row(form, "title", QT_TRANSLATE_NOOP("ProfileForm", "职称"), self.title_level)

        # --- 奖项与人才计划 ---
        self.awards = LinesField()
        self.talent_programs = LinesField()
        form = self._group("honours", QT_TRANSLATE_NOOP("ProfileForm", "奖项与人才计划"))
        self._row(
            form, "awards", QT_TRANSLATE_NOOP("ProfileForm", "国家级、市级奖项（每行一项）"), self.awards
        )
        self._row(
            form,
            "talent_programs",
            QT_TRANSLATE_NOOP("ProfileForm", "入选人才计划（每行一项）"),
            self.talent_programs,
        )

        # --- 知识产权 ---
        self.invention_patents, self.other_patents, self.software_copyrights = (QSpinBox() for _ in range(3))
        for box in (self.invention_patents, self.other_patents, self.software_copyrights):
            box.setRange(0, 9999)
        self.author_rank = QComboBox()
        self.ip_commercialized = QCheckBox()
        form = self._group("ip", QT_TRANSLATE_NOOP("ProfileForm", "知识产权"))
        self._row(
            form,
            "invention_patents",
            QT_TRANSLATE_NOOP("ProfileForm", "发明专利（件）"),
            self.invention_patents,
        )
        self._row(
            form, "other_patents", QT_TRANSLATE_NOOP("ProfileForm", "其他专利（件）"), self.other_patents
        )
        self._row(
            form,
            "software_copyrights",
            QT_TRANSLATE_NOOP("ProfileForm", "软件著作权（件）"),
            self.software_copyrights,
        )
        self._row(form, "author_rank", QT_TRANSLATE_NOOP("ProfileForm", "本人排名"), self.author_rank)
        self._row(
            form,
            "ip_commercialized",
            QT_TRANSLATE_NOOP("ProfileForm", "已在京转化应用"),
            self.ip_commercialized,
        )

        # --- 创业团队 ---
        self.is_founder = QCheckBox()
        self.shareholding_pct = QLineEdit()
        self.shareholder_rank = QSpinBox()
        self.shareholder_rank.setRange(0, 999)
        self.self_investment = MoneyField()
        self.equity_financing = MoneyField()
        self.team_tax = MoneyField()
        form = self._group("founder", QT_TRANSLATE_NOOP("ProfileForm", "创业团队核心成员"))
        self._row(form, "is_founder", QT_TRANSLATE_NOOP("ProfileForm", "是创业团队核心成员"), self.is_founder)
        self._row(
            form, "shareholding_pct", QT_TRANSLATE_NOOP("ProfileForm", "持股比例（%）"), self.shareholding_pct
        )
        self._row(
            form,
            "shareholder_rank",
            QT_TRANSLATE_NOOP("ProfileForm", "自然人股东排名"),
            self.shareholder_rank,
        )
        self._row(
            form,
            "self_investment",
            QT_TRANSLATE_NOOP("ProfileForm", "近3年自有资金投入（元）"),
            self.self_investment,
        )
        self._row(
            form,
            "equity_financing",
            QT_TRANSLATE_NOOP("ProfileForm", "股权融资（元）"),
            self.equity_financing,
        )
        self._row(form, "team_tax", QT_TRANSLATE_NOOP("ProfileForm", "近3年年均纳税（元）"), self.team_tax)

        # --- 自由职业 ---
        self.is_freelancer = QCheckBox()
        self.freelancer_tax = YearAmounts()
        self.notable_contribution = QCheckBox()
        form = self._group("freelancer", QT_TRANSLATE_NOOP("ProfileForm", "自由职业者、个体工商户"))
        self._row(
            form,
            "is_freelancer",
            QT_TRANSLATE_NOOP("ProfileForm", "是自由职业者或个体工商户"),
            self.is_freelancer,
        )
        self._row(
            form, "freelancer_tax", QT_TRANSLATE_NOOP("ProfileForm", "每年纳税额（元）"), self.freelancer_tax
        )
        self._row(
            form,
            "notable_contribution",
            QT_TRANSLATE_NOOP("ProfileForm", "有突出贡献"),
            self.notable_contribution,
        )

        # --- 收入 ---
        self.income = QTableWidget(6, 2)
        self.income.verticalHeader().setVisible(False)
        self.income.horizontalHeader().setStretchLastSection(True)
        self.income.setMinimumHeight(7 * 30 + 6)  # six months and the header, no scrolling
        self.annual_income = YearAmounts()
        form = self._group("income", QT_TRANSLATE_NOOP("ProfileForm", "收入"))
        self._row(form, "income", QT_TRANSLATE_NOOP("ProfileForm", "近6个月申报收入（元）"), self.income)
        self._row(
            form, "annual_income", QT_TRANSLATE_NOOP("ProfileForm", "年度收入（元）"), self.annual_income
        )

        # --- 在京住所 ---
        self.housing_until = DateField()
        self.housing_address = QLineEdit()
        form = self._group("housing", QT_TRANSLATE_NOOP("ProfileForm", "在京住所"))
        self._row(form, "housing_kind", QT_TRANSLATE_NOOP("ProfileForm", "住所类型"), self.housing_kind)
        self._row(
            form, "housing_until", QT_TRANSLATE_NOOP("ProfileForm", "住所证明有效期至"), self.housing_until
        )
        self._row(form, "housing_address", QT_TRANSLATE_NOOP("ProfileForm", "住址"), self.housing_address)
        self.housing_residential = QCheckBox()
        self.lessor_is_owner = QCheckBox()
        self.owner_name = QLineEdit()
        self.owner_id_number = QLineEdit()
        self.owner_id_number.setMaxLength(18)
        self.owner_relationship = QLineEdit()
        for key, text, widget in (
            (
                "housing_residential",
                QT_TRANSLATE_NOOP("ProfileForm", "住宅用途（非办公、商业）"),
                self.housing_residential,
            ),
            ("lessor_is_owner", QT_TRANSLATE_NOOP("ProfileForm", "出租人即产权人"), self.lessor_is_owner),
            ("owner_name", QT_TRANSLATE_NOOP("ProfileForm", "产权人姓名"), self.owner_name),
            ("owner_id_number", QT_TRANSLATE_NOOP("ProfileForm", "产权人身份证号"), self.owner_id_number),
            ("owner_relationship", QT_TRANSLATE_NOOP("ProfileForm", "与产权人关系"), self.owner_relationship),
        ):
            self._row(form, key, text, widget)

        # --- 工作居住证 ---
        self.permit_number = QLineEdit()
        self.permit_issued = DateField()
        self.permit_expires = DateField()
        self.left_on = DateField()
        form = self._group("permit", QT_TRANSLATE_NOOP("ProfileForm", "工作居住证"))
        self._row(form, "permit_status", QT_TRANSLATE_NOOP("ProfileForm", "证件状态"), self.permit_status)
        self._row(form, "permit_number", QT_TRANSLATE_NOOP("ProfileForm", "证件编号"), self.permit_number)
        self._row(form, "permit_issued", QT_TRANSLATE_NOOP("ProfileForm", "签发日期"), self.permit_issued)
        self._row(form, "permit_expires", QT_TRANSLATE_NOOP("ProfileForm", "有效期至"), self.permit_expires)
        self._row(form, "left_on", QT_TRANSLATE_NOOP("ProfileForm", "离开原单位日期"), self.left_on)
        self._layout.addStretch(1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        # Ctrl+S (⌘S) saves where the form has focus, like 保存.
        save_key = QShortcut(QKeySequence.StandardKey.Save, self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(lambda: self.save() if self.save_button.isEnabled() else None)
        self.revert_button.clicked.connect(lambda: self.load(self.employee_id))

        for w in self.findChildren(QLineEdit):
            w.textChanged.connect(self.validate)
        for w in self.findChildren(QCheckBox):
            w.toggled.connect(self.validate)
        for w in (self.awards, self.talent_programs):
            w.textChanged.connect(self.validate)
        for box in (self.employer, self.permit_status, self.housing_kind):
            box.currentIndexChanged.connect(self.validate)
        self.employer.currentIndexChanged.connect(self._show_guide_notes)
        self.income.itemChanged.connect(lambda _item: self.validate())
        for table in (self.annual_income, self.freelancer_tax):
            table.edited.connect(self.validate)
        self.retranslate()
        self._watch_changes()

    def today(self) -> date:
        return self._today or self.desk.clock.today()

    def _group(self, key: str, title: str) -> QFormLayout:
        box = QGroupBox()
        box.setObjectName(f"group_{key}")
        outer = QVBoxLayout(box)
        note = GuideNote(key)
        outer.addWidget(note)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        self._boxes.append((box, title, note))
        self._layout.addWidget(box)
        return form

    def _row(self, form: QFormLayout, key: str, text: str, widget: QWidget) -> None:
        label = QLabel()
        label.setWordWrap(True)
        self._labels.append((label, text))
        error = QLabel()
        error.setStyleSheet("color:#c62828")
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
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
        lang = current_lang()
        for label, text in self._labels:
            label.setText(self.tr(text))
        for box, title, _note in self._boxes:
            box.setTitle(self.tr(title))
        self.income.setHorizontalHeaderLabels([self.tr("税款所属期"), self.tr("申报收入")])
        self.annual_income.setHorizontalHeaderLabels([self.tr("年度"), self.tr("收入")])
        self.freelancer_tax.setHorizontalHeaderLabels([self.tr("年度"), self.tr("纳税额")])
        for key, box in self.same_employer.items():
            box.setText(code_label("same_employer", key, lang))
        for box in (
            self.retired,
            self.dispatched,
            self.criminal_record,
            self.foreign_degree,
            self.housing_residential,
        ):
            box.setText(self.tr("是"))
        for box in (
            self.ip_commercialized,
            self.notable_contribution,
            self.is_founder,
            self.is_freelancer,
            self.lessor_is_owner,
        ):
            box.setText(self.tr("是"))
        self.shareholder_rank.setSpecialValueText(self.tr("未填写"))
        rank = self.author_rank.currentData()
        self.author_rank.clear()
        for text, value in (
            (self.tr("无"), None),
            (self.tr("第一发明人（作者）"), 1),
            (self.tr("第二发明人（作者）"), 2),
            (self.tr("第三及以后"), 3),
        ):
            self.author_rank.addItem(text, value)
        self.author_rank.setCurrentIndex(max(0, self.author_rank.findData(rank)))
        self.save_button.setText(self.tr("保存"))
        self.revert_button.setText(self.tr("撤销修改"))
        for attr, (_group, empty) in _COMBOS.items():
            relabel_combo(getattr(self, attr), lang, self.tr(empty) if empty else None)
        self._show_guide_notes()

    def _show_guide_notes(self) -> None:
        policy = None
        unit_id = self.employer.currentData()
        if unit_id is not None:
            from ...checks.check import policies

            try:
                policy = policies(getattr(self.desk, "data_dir", None)).for_district(
                    self._units[unit_id].district
                )
            except (KeyError, ValueError):
                policy = None
        lang = current_lang()
        for _box, _title, note in self._boxes:
            note.show_for(policy, lang, self.tr("依据："))

    # --- loading ------------------------------------------------------------------------------------

    def _fill_employers(self, selected: int | None, units: Any = None) -> None:
        """`units`: the case's unit list (read on a worker); the form keeps it, so saving takes the
        unit's name, credit code and district from here, not from the database on the UI thread."""
        self.employer.blockSignals(True)
        self.employer.clear()
        self._units = {u.id: u for u in (units if units else self.desk.units.employers())}
        for unit in self._units.values():
            self.employer.addItem(unit.name, unit.id)
        if selected is not None:
            self.employer.setCurrentIndex(max(0, self.employer.findData(selected)))
        self.employer.blockSignals(False)
        self._show_guide_notes()

    def new(self, employer_id: int | None = None) -> None:
        self.employee_id = None
        self._base, self._version = None, None
        self._fill_employers(employer_id)
        self._show(Employee(), self.today())

    def load_case(self, case: Any) -> None:
        """Show an employee's case (built off the UI thread) without loading the profile again."""
        self.employee_id = case.employee_id
        self._base = case.profile
        self._version = case.version
        self._fill_employers(case.employer_id, case.units)
        self._show(case.profile.employee, case.on)

    def load(self, employee_id: int | None) -> None:
        if employee_id is None:
            self.new()
            return
        self.employee_id = employee_id
        self._version = self.desk.employees.employee(employee_id).version  # before the profile: never newer
        self._base = self.desk.employees.profile(employee_id)
        self._fill_employers(self.desk.employees.employee(employee_id).employer_id)
        self._show(self._base.employee, self.today())

    def _show(self, e: Employee, today: date) -> None:
        self.name.setText(e.name)
        self.id_number.setText(e.id_number)
        _set_combo(self.hukou, e.hukou)
        _set_combo(self.retirement, e.retirement_category)
        self.retired.setChecked(e.retired)
        self.hired_on.set_value(e.hired_on)
        self.career_started_on.set_value(e.career_started_on)
        _set_combo(self.marital, e.marital_status)
        self.contract_ends_on.set_value(e.contract_ends_on)
        self.dispatched.setChecked(e.dispatched)
        for key, box in self.same_employer.items():
            box.setChecked(e.same_employer.get(key, True))
        self.criminal_record.setChecked(e.criminal_record)
        _set_combo(self.degree, e.education.degree)
        self.foreign_degree.setChecked(e.education.foreign)
        self.graduated_on.set_value(e.education.graduated_on)
        _set_combo(self.title_level, e.title)
        self.awards.set_items(e.awards)
        self.talent_programs.set_items(e.talent_programs)
        self.invention_patents.setValue(e.ip.invention_patents)
        self.other_patents.setValue(e.ip.other_patents)
        self.software_copyrights.setValue(e.ip.software_copyrights)
        rank = None if e.ip.author_rank is None else min(e.ip.author_rank, 3)
        self.author_rank.setCurrentIndex(max(0, self.author_rank.findData(rank)))
        self.ip_commercialized.setChecked(e.ip.commercialized_in_beijing)
        f = e.founder
        self.is_founder.setChecked(f is not None)
        self.shareholding_pct.setText(f"{f.shareholding_pct:g}" if f and f.shareholding_pct else "")
        self.shareholder_rank.setValue((f.shareholder_rank or 0) if f else 0)
        self.self_investment.set_value(f.self_investment_3y_cny if f else None)
        self.equity_financing.set_value(f.equity_financing_cny if f else None)
        self.team_tax.set_value(f.team_avg_annual_tax_3y_cny if f else None)
        years = years_before(today, 3)
        self.is_freelancer.setChecked(e.freelancer is not None)
        self.freelancer_tax.show_years(years, e.freelancer.annual_tax_cny if e.freelancer else {})
        self.notable_contribution.setChecked(bool(e.freelancer and e.freelancer.notable_contribution))
        self.annual_income.show_years(years, e.annual_income_cny)
        _set_combo(self.housing_kind, e.housing.kind if e.housing else "")
        self.housing_until.set_value(e.housing.valid_until if e.housing else None)
        self.housing_address.setText(e.housing.address if e.housing else "")
        self.housing_residential.setChecked(e.housing.residential if e.housing else True)
        self.lessor_is_owner.setChecked(e.housing.lessor_is_owner if e.housing else True)
        self.owner_name.setText(e.housing.owner_name if e.housing else "")
        self.owner_id_number.setText(e.housing.owner_id_number if e.housing else "")
        self.owner_relationship.setText(e.housing.relationship if e.housing else "")
        _set_combo(self.permit_status, e.permit.status if e.permit else "")
        self.permit_number.setText(e.permit.number if e.permit else "")
        self.permit_issued.set_value(e.permit.issued_on if e.permit else None)
        self.permit_expires.set_value(e.permit.expires_on if e.permit else None)
        self.left_on.set_value(e.left_previous_employer_on)
        self.income.blockSignals(True)
        for row, month in enumerate(months_before(today, 6)):
            self.income.setItem(row, 0, QTableWidgetItem(month))
            amount = e.monthly_income_cny.get(month)
            self.income.setItem(row, 1, QTableWidgetItem("" if amount is None else f"{amount:,.0f}"))
        self.income.blockSignals(False)
        self._founder_toggled()
        self.validate()
        self.mark_clean()

    # --- unsaved changes (the window's guard) --------------------------------------------------------

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

    def _founder_toggled(self) -> None:
        for w in (
            self.shareholding_pct,
            self.shareholder_rank,
            self.self_investment,
            self.equity_financing,
            self.team_tax,
        ):
            w.setEnabled(self.is_founder.isChecked())
        for w in (self.freelancer_tax, self.notable_contribution):
            w.setEnabled(self.is_freelancer.isChecked())

    # --- validation ---------------------------------------------------------------------------------

    def _bad_months(self) -> list[str]:
        bad = []
        for row in range(self.income.rowCount()):
            item = self.income.item(row, 1)
            try:
                parse_cny(item.text() if item else "")
            except AmountError:
                bad.append(self.income.item(row, 0).text())
        return bad

    def errors(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if not self.name.text().strip():
            out["name"] = self.tr("必填")
        else:
            try:  # length, one line, no bidi or other invisible controls (rules/names.py)
                check_name(self.name.text().strip(), "person", current_lang())
            except NameRejected as exc:
                out["name"] = str(exc)
        try:
            parse_id_number(self.id_number.text())
        except IdNumberError as exc:
            out["id_number"] = {
                "not-18-digits": self.tr("应为18位：17位数字加1位数字或X"),
                "check-digit": self.tr("校验位不符，请核对号码（多为录入错误）"),
                "birth-date": self.tr("号码中的出生日期不存在"),
            }.get(str(exc)) or _id_reason(str(exc))
        if self.employer.currentData() is None:
            out["employer"] = self.tr("请先在“单位”中添加单位")
        for key, field in (
            ("hired_on", self.hired_on),
            ("career_started_on", self.career_started_on),
            ("contract_ends_on", self.contract_ends_on),
            ("graduated_on", self.graduated_on),
            ("housing_until", self.housing_until),
            ("permit_issued", self.permit_issued),
            ("permit_expires", self.permit_expires),
            ("left_on", self.left_on),
        ):
            message = field.error()
            if message:
                out[key] = message
        today = self.today()
        if "hired_on" not in out and self.hired_on.value() and self.hired_on.value() > today:
            out["hired_on"] = self.tr("入职日期不能晚于今天")
        if "graduated_on" not in out and self.graduated_on.value() and self.graduated_on.value() > today:
            out["graduated_on"] = self.tr("毕业日期不能晚于今天")
        if self.owner_id_number.text().strip():
            try:
                parse_id_number(self.owner_id_number.text())
            except IdNumberError:
                out["owner_id_number"] = self.tr("产权人身份证号无效，请核对（可留空）")
        if self.permit_status.currentData() and not self.permit_expires.text().strip():
            out.setdefault("permit_expires", self.tr("持证时须填写有效期"))
        if self.is_founder.isChecked():
            for key, field in (
                ("self_investment", self.self_investment),
                ("equity_financing", self.equity_financing),
                ("team_tax", self.team_tax),
            ):
                message = field.error()
                if message:
                    out[key] = message
            pct = self.shareholding_pct.text().strip().removesuffix("%").strip()
            try:
                if not 0 <= float(pct or 0) <= 100:
                    raise ValueError
            except ValueError:
                out["shareholding_pct"] = self.tr("持股比例应为 0 到 100 之间的数字，如 12.5")
        bad_months = self._bad_months()
        if bad_months:
            out["income"] = self.tr("以下月份的金额不是有效数字：") + "、".join(bad_months)
        for key, table in (("annual_income", self.annual_income), ("freelancer_tax", self.freelancer_tax)):
            bad_years = table.bad_rows()
            if bad_years:
                out[key] = self.tr("以下年度的金额不是有效数字：") + "、".join(bad_years)
        return out

    def validate(self) -> bool:
        self._founder_toggled()
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
        e.retirement_category = self.retirement.currentData() or None
        e.retired = self.retired.isChecked()
        e.hired_on = self.hired_on.value()
        e.career_started_on = self.career_started_on.value()
        e.marital_status = self.marital.currentData()
        e.contract_ends_on = self.contract_ends_on.value()
        e.dispatched = self.dispatched.isChecked()
        e.same_employer = {key: box.isChecked() for key, box in self.same_employer.items()}
        e.criminal_record = self.criminal_record.isChecked()
        e.education.degree = self.degree.currentData()
        e.education.foreign = self.foreign_degree.isChecked()
        e.education.graduated_on = self.graduated_on.value()
        e.title = self.title_level.currentData()
        e.awards = self.awards.items()
        e.talent_programs = self.talent_programs.items()
        e.ip.invention_patents = self.invention_patents.value()
        e.ip.other_patents = self.other_patents.value()
        e.ip.software_copyrights = self.software_copyrights.value()
        rank = self.author_rank.currentData()
        if rank != (None if e.ip.author_rank is None else min(e.ip.author_rank, 3)):
            e.ip.author_rank = rank  # "3 and after" keeps a stored 4 as it was
        e.ip.commercialized_in_beijing = self.ip_commercialized.isChecked()
        if self.is_founder.isChecked():
            e.founder = Founder(
                shareholding_pct=float(self.shareholding_pct.text().strip().removesuffix("%").strip() or 0),
                shareholder_rank=self.shareholder_rank.value() or None,
                self_investment_3y_cny=self.self_investment.value() or 0,
                equity_financing_cny=self.equity_financing.value() or 0,
                team_avg_annual_tax_3y_cny=self.team_tax.value() or 0,
            )
        else:
            e.founder = None
        if self.is_freelancer.isChecked():
            freelancer = e.freelancer or Freelancer()
            self.freelancer_tax.apply_to(freelancer.annual_tax_cny)
            freelancer.notable_contribution = self.notable_contribution.isChecked()
            e.freelancer = freelancer
        else:
            e.freelancer = None
        self.annual_income.apply_to(e.annual_income_cny)
        kind = self.housing_kind.currentData()
        if kind:
            housing = e.housing or Housing(kind=kind)
            housing.kind, housing.valid_until = kind, self.housing_until.value()
            housing.address = self.housing_address.text().strip()
            housing.residential = self.housing_residential.isChecked()
            housing.lessor_is_owner = self.lessor_is_owner.isChecked()
            housing.owner_name = self.owner_name.text().strip()
            owner_id = self.owner_id_number.text().strip()
            housing.owner_id_number = parse_id_number(owner_id).number if owner_id else ""
            housing.relationship = self.owner_relationship.text().strip()
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
            value = parse_cny(item.text() if item else "")
            if value is None:
                e.monthly_income_cny.pop(month, None)
            else:
                e.monthly_income_cny[month] = value
        unit = self._units[self.employer.currentData()]
        base.employer = Employer(name=unit.name, credit_code=unit.credit_code, district=unit.district)
        return base

    def _save_over(self, profile: Profile, employer_id: int) -> int | None:
        """Save an existing employee against the version this form loaded. When another desk saved in
        between, ask: merge field by field (both sides' changes kept; where both changed one field, this
        form's value), overwrite with this form, or reload theirs (this form's edits dropped).
        Returns the version saved (None: reloaded, nothing saved)."""
        from PySide6.QtWidgets import QMessageBox

        from ...employees.profile_merge import StaleVersion

        version = self._version
        try:
            return self.desk.employees.update_profile(
                self.employee_id, profile, employer_id=employer_id, expected_version=version, base=self._base
            )
        except StaleVersion:
            pass
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("另一台电脑已修改"))
        box.setText(self.tr("在您打开这份档案之后，另一位同事保存了修改。"))
        box.setInformativeText(
            self.tr(
                "合并：保留双方的修改（同一项都改过时以您的为准）。覆盖：以您的版本为准。重新载入：放弃您的修改。"
            )
        )
        merge = box.addButton(self.tr("合并"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(self.tr("覆盖"), QMessageBox.ButtonRole.DestructiveRole)
        reload = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(merge)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return self.desk.employees.update_profile(
                self.employee_id, profile, employer_id=employer_id, base=self._base
            )
        if clicked is overwrite:
            return self.desk.employees.update_profile(self.employee_id, profile, employer_id=employer_id)
        assert clicked is reload
        self.saved.emit(self.employee_id)  # the window reloads the case from the database
        return None

    def saved_as(self, profile: Profile, version: int) -> None:
        """After this form's own save: the next save is based on what the form shows at the version
        just written, so a quick second save is not taken for another desk's change, and only the
        edits made after it are written (a merge's other-desk fields are not written back)."""
        self._base, self._version = copy.deepcopy(profile), version

    def save(self) -> int | None:
        if not self.validate():
            return None
        profile = self.to_profile()
        employer_id = self.employer.currentData()
        if self.employee_id is None:
            profile.materials = []
            self.employee_id = self.desk.employees.add_profile(profile)
            version = self.desk.employees.update_profile(self.employee_id, profile, employer_id=employer_id)
        else:
            version = self._save_over(profile, employer_id)
            if version is None:
                return None
        self.saved_as(profile, version)
        self.saved.emit(self.employee_id)
        return self.employee_id


def _id_reason(code: str) -> str:
    """Reasons the form has no text of its own for (a birth date in the future or before 1900), in the
    rules' words from messages.toml."""
    from ...checks.check import bundled_policies
    from ...rules.engine import Messages

    return Messages(bundled_policies().messages, current_lang())(f"id.{code}")
