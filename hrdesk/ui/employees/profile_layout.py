"""The profile form's layout: the groups the guides use, their fields and labels, the guide notes over
each group."""

from __future__ import annotations

from collections.abc import Generator

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...labels import label as code_label
from ...rules.profile import (
    SAME_EMPLOYER_KEYS,
)
from ..i18n import current_lang
from .date_field import DateField
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


class ProfileLayout:
    """The form's groups and fields, each group headed by the guide sections it answers to, and its
    texts set again on a language switch (mixed into ProfileForm)."""

    def _build_fields(self) -> Generator[None, None, QVBoxLayout]:
        """Every group and field inside a scrolling page, in two halves (it pauses once, so the window
        can make the form in two steps after its first frame); returns the outer layout (buttons go
        under it)."""
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
        # 户籍变更: the household register's content changed; the guides then ask for its change pages.
        self.hukou_changed = QCheckBox()
        self.hired_on = DateField(required=True)
        self.career_started_on = DateField()
        self.contract_ends_on = DateField()
        form = self._group("basic", QT_TRANSLATE_NOOP("ProfileForm", "基本信息"))
        for key, text, widget in [
            ("name", QT_TRANSLATE_NOOP("ProfileForm", "姓名"), self.name),
            ("id_number", QT_TRANSLATE_NOOP("ProfileForm", "身份证号"), self.id_number),
            ("employer", QT_TRANSLATE_NOOP("ProfileForm", "单位"), self.employer),
            ("hukou", QT_TRANSLATE_NOOP("ProfileForm", "户籍"), self.hukou),
            ("hukou_changed", QT_TRANSLATE_NOOP("ProfileForm", "户口本内容有变更"), self.hukou_changed),
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

        yield  # half of the form's making

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
        return outer

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
            self.hukou_changed,
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
        # The red texts beside the fields, in the new language too (only those showing: the form may
        # not hold anyone yet, and its desk may still be opening).
        if any(not label.isHidden() for label in getattr(self, "_errors", {}).values()):
            self.validate()

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
