"""Units (employers) and their business agents (经办人): district, tax figures, quota, permission,
and the agents added, edited and removed here, with the guides' agent rules checked as you go."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...catalogue import text as catalogue_text
from ...labels import cite
from ...rules.idnumber import IdNumberError, parse_id_number
from ...rules.names import check_name
from ...rules.profile import Employer
from ...text.numbers import AmountError, parse_cny
from ...units.service import RecordGone, StaleVersion, UnitError
from ..conflicts import OVERWRITE, RELOAD, ask_reload_or_overwrite
from ..employees.date_field import DateField
from ..employees.profile_sections import code_combo, relabel_combo
from ..i18n import current_lang
from ..screen_fit import fit

ROLE_ID = Qt.ItemDataRole.UserRole


class AgentDialog(QDialog):
    """One agent: name, ID number (optional; used to spot an agent applying at their own unit),
    phone, insured by the unit, still active."""

    def __init__(self, agent: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("经办人"))
        form = QFormLayout(self)
        self.name = QLineEdit(getattr(agent, "name", ""))
        self.id_number = QLineEdit(getattr(agent, "id_number", ""))
        self.id_number.setMaxLength(18)
        self.phone = QLineEdit(getattr(agent, "phone", ""))
        self.insured = QCheckBox(self.tr("在本单位缴纳社保"))
        self.insured.setChecked(getattr(agent, "insured_by_unit", True))
        self.active = QCheckBox(self.tr("在岗（可办理业务）"))
        self.active.setChecked(getattr(agent, "active", True))
        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("身份证号"), self.id_number)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow("", self.insured)
        form.addRow("", self.active)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form.addRow(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("姓名必填"))
            return
        if self.id_number.text().strip():
            try:
                parse_id_number(self.id_number.text())
            except IdNumberError:
                self.error.setText(self.tr("身份证号无效，请核对（可留空）"))
                return
        self.accept()

    def values(self) -> dict[str, Any]:
        number = self.id_number.text().strip()
        return {
            "name": self.name.text().strip(),
            "id_number": parse_id_number(number).number if number else "",
            "phone": self.phone.text().strip(),
            "insured_by_unit": self.insured.isChecked(),
        }


class Asker:
    """How the units dialog asks the person: the agent form and the removal question. A test sets its
    own asker on the dialog to answer without a modal loop; the buttons' slots take no arguments."""

    def agent(self, parent: QDialog, agent: Any = None) -> dict[str, Any] | None:
        """The agent's fields as entered, or None when the person cancelled. `active` is included."""
        dialog = AgentDialog(agent, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {**dialog.values(), "active": dialog.active.isChecked()}

    def confirm(self, parent: QDialog, title: str, text: str) -> bool:
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


class UnitsDialog(QDialog):
    def __init__(self, desk: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.asker = Asker()
        self.setWindowTitle(self.tr("单位与经办人"))
        lang = current_lang()
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        left.addWidget(self.list)
        self.add_button = QPushButton(self.tr("新建单位"))
        left.addWidget(self.add_button)
        layout.addLayout(left, 1)
        # The unit's form and its agents scroll; 保存 and 关闭 stay visible on a 720-pixel screen.
        right_side = QVBoxLayout()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        right = QVBoxLayout(inner)
        scroll.setWidget(inner)
        right_side.addWidget(scroll, 1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit()
        self.credit_code = QLineEdit()
        self.district = code_combo("district", lang)
        from ...checks.check import policies

        known = set(policies(getattr(desk, "data_dir", None)).policies)
        for i in reversed(range(self.district.count())):
            if self.district.itemData(i) not in known:
                self.district.removeItem(i)
        self.entity_type = code_combo("entity_type", lang)
        self.registered_on = DateField()
        self.capital = QLineEdit()
        self.tax_registered_on = DateField()
        self.tax_last = QLineEdit()
        self.tax_this = QLineEdit()
        self.innovation = code_combo("innovation_entity", lang, "—")
        self.service = code_combo("service_entity", lang, "—")
        self.good_standing = QCheckBox(self.tr("信用良好，无违法违规记录"))
        self.permission = QCheckBox(self.tr("已开通业务办理权限"))
        self.restricted = QCheckBox(self.tr("经营范围列入禁止和限制目录"))
        self.quota = QSpinBox()
        self.quota.setRange(-1, 9999)
        self.quota.setSpecialValueText(self.tr("未记录"))
        year = self.desk.clock.today().year
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
        self._form, self._tax_years = form, (year - 1, year)
        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        right.addWidget(self.error)

        self.agents_box = QGroupBox(self.tr("业务经办人"))
        agents_layout = QVBoxLayout(self.agents_box)
        self.agents = QListWidget()
        self.agents.setMaximumHeight(110)
        agents_layout.addWidget(self.agents)
        agent_buttons = QHBoxLayout()
        self.add_agent_button = QPushButton(self.tr("添加经办人"))
        self.edit_agent_button = QPushButton(self.tr("编辑"))
        self.remove_agent_button = QPushButton(self.tr("删除"))
        for b in (self.add_agent_button, self.edit_agent_button, self.remove_agent_button):
            agent_buttons.addWidget(b)
        agent_buttons.addStretch(1)
        agents_layout.addLayout(agent_buttons)
        self.agent_problems = QLabel()
        self.agent_problems.setWordWrap(True)
        self.agent_problems.setStyleSheet("color:#ef6c00")
        agents_layout.addWidget(self.agent_problems)
        right.addWidget(self.agents_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        right_side.addWidget(buttons)
        layout.addLayout(right_side, 2)
        fit(self, 900, inner.sizeHint().height() + buttons.sizeHint().height() + 40)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.add_button.clicked.connect(self.new_unit)
        self.add_agent_button.clicked.connect(self.add_agent)
        self.edit_agent_button.clicked.connect(self.edit_agent)
        self.remove_agent_button.clicked.connect(self.remove_agent)
        self.agents.itemDoubleClicked.connect(lambda _item: self.edit_agent())
        self.agents.currentItemChanged.connect(lambda *_: self._agent_buttons())
        self.list.currentItemChanged.connect(
            lambda item, _prev: self.load(item.data(ROLE_ID) if item else None)
        )
        self.unit_id: int | None = None
        self._version: int | None = None
        # Asked when another desk saved the same unit or agent first (a test answers it instead).
        self.ask_conflict = ask_reload_or_overwrite
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for unit in self.desk.units.employers():
            item = QListWidgetItem(unit.name)
            item.setData(ROLE_ID, unit.id)
            self.list.addItem(item)
            if unit.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        elif self.list.currentItem() is not None:
            self.load(self.list.currentItem().data(ROLE_ID))
        elif not self.list.count():
            self.new_unit()

    def new_unit(self) -> None:
        """A new unit starts with nothing asserted: good standing and permission are facts HR must
        confirm (ticking them by default would let an unchecked unit pass the rules)."""
        self.unit_id = None
        self._version = None
        self.list.clearSelection()
        self._show(
            Employer(district=self.district.itemData(0), good_standing=False, permission_granted=False)
        )
        self._show_agents()

    def load(self, unit_id: int | None) -> None:
        if unit_id is None:
            return
        self.unit_id = unit_id
        self._version = self.desk.units.employer(
            unit_id
        ).version  # what a save names (another desk's save: refused)
        self._show(self.desk.units.employer_facts(unit_id))
        self._show_agents()

    # --- agents -------------------------------------------------------------------------------------

    def _show_agents(self) -> None:
        if self.unit_id is None:
            self._agents_read: tuple[list[Any], list[Any]] = ([], [])
        else:
            self._agents_read = (
                list(self.desk.units.agents(self.unit_id)),
                list(self.desk.units.agent_problems(self.unit_id)),
            )
        self._draw_agents()

    def _draw_agents(self) -> None:
        """The agents as last read, in the dialog's language (a language switch draws them again from
        what was read, without asking the database)."""
        self.agents.clear()
        lang = current_lang()
        agents, problems = getattr(self, "_agents_read", ([], []))
        flagged = {p.agent_id for p in problems}
        if self.unit_id is not None:
            for agent in agents:
                parts = [agent.name]
                if agent.phone:
                    parts.append(agent.phone)
                if not agent.insured_by_unit:
                    parts.append(self.tr("未在本单位参保"))
                if not agent.active:
                    parts.append(self.tr("已停用"))
                item = QListWidgetItem(("⚠ " if agent.id in flagged else "") + "　".join(parts))
                item.setData(ROLE_ID, agent.id)
                self.agents.addItem(item)
        self.agent_problems.setText(
            "\n".join(catalogue_text(f"agent.{p.code}", lang, source=cite(p.source, lang)) for p in problems)
        )
        self.agent_problems.setVisible(bool(problems))
        self._agent_buttons()

    def _agent_buttons(self) -> None:
        saved = self.unit_id is not None
        self.add_agent_button.setEnabled(saved)
        self.add_agent_button.setToolTip("" if saved else self.tr("请先保存单位"))
        chosen = self.agents.currentItem() is not None
        self.edit_agent_button.setEnabled(chosen)
        self.remove_agent_button.setEnabled(chosen)

    def _current_agent(self) -> Any:
        item = self.agents.currentItem()
        if item is None or self.unit_id is None:
            return None
        agent_id = item.data(ROLE_ID)
        return next((a for a in self.desk.units.agents(self.unit_id) if a.id == agent_id), None)

    def add_agent(self) -> int | None:
        if self.unit_id is None:
            return None
        values = self.asker.agent(self)
        if values is None:
            return None
        values.pop("active", None)
        agent_id = self.desk.units.save_agent(self.unit_id, **values)
        self._show_agents()
        return agent_id

    def edit_agent(self) -> None:
        agent = self._current_agent()
        if agent is None:
            return
        values = self.asker.agent(self, agent)
        if values is None:
            return
        active = values.pop("active", agent.active)
        try:
            self.desk.units.save_agent(
                self.unit_id, agent_id=agent.id, expected_version=agent.version, **values
            )
            if active != agent.active:
                self.desk.units.set_agent_active(agent.id, active, agent.version + 1)
        except StaleVersion:
            if self.ask_conflict(self, self.tr("这位经办人")) == OVERWRITE:
                self.desk.units.save_agent(self.unit_id, agent_id=agent.id, **values)
                self.desk.units.set_agent_active(agent.id, active)
        except RecordGone as exc:
            self.error.setText(str(exc))
        self._show_agents()

    def remove_agent(self) -> None:
        agent = self._current_agent()
        if agent is None:
            return
        title, question = self.tr("删除经办人"), self.tr("删除经办人“{name}”？").format(name=agent.name)
        if not self.asker.confirm(self, title, question):
            return
        try:
            self.desk.units.delete_agent(agent.id, agent.version)
        except StaleVersion:
            self.error.setText(self.tr("另一台电脑刚修改了这位经办人，请查看后再删除。"))
        self._show_agents()

    # --- the unit -----------------------------------------------------------------------------------

    def _show(self, u: Employer) -> None:
        year = self.desk.clock.today().year
        self.name.setText(u.name)
        self.credit_code.setText(u.credit_code)
        self.district.setCurrentIndex(max(0, self.district.findData(u.district)))
        self.entity_type.setCurrentIndex(max(0, self.entity_type.findData(u.entity_type)))
        self.registered_on.set_value(u.registered_on)
        self.capital.setText("" if u.registered_capital_cny is None else f"{u.registered_capital_cny:,.0f}")
        self.tax_registered_on.set_value(u.tax_registered_on)
        for y, field in ((year - 1, self.tax_last), (year, self.tax_this)):
            amount = u.tax_paid_cny.get(str(y))
            field.setText(f"{amount:,.0f}" if amount else "")
        self.innovation.setCurrentIndex(max(0, self.innovation.findData(u.innovation_entity or "")))
        self.service.setCurrentIndex(max(0, self.service.findData(u.service_entity or "")))
        self.quota.setValue(-1 if u.new_quota_remaining is None else u.new_quota_remaining)
        self.good_standing.setChecked(u.good_standing)
        self.permission.setChecked(u.permission_granted)
        self.restricted.setChecked(u.restricted_industry)
        self.error.setText("")

    def _number(self, field: QLineEdit, label: str) -> float | None:
        try:
            return parse_cny(field.text())
        except AmountError as exc:
            if exc.code == "amount.negative":
                raise ValueError(self.tr("{label}不能为负数").format(label=label)) from None
            raise ValueError(
                self.tr("{label}应为数字金额，如 350000、350,000 或 35万").format(label=label)
            ) from None

    def save(self) -> None:
        year = self.desk.clock.today().year
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
                innovation_entity=self.innovation.currentData() or None,
                service_entity=self.service.currentData() or None,
                restricted_industry=self.restricted.isChecked(),
                good_standing=self.good_standing.isChecked(),
                permission_granted=self.permission.isChecked(),
                new_quota_remaining=None if self.quota.value() < 0 else self.quota.value(),
            )
            if self.unit_id is not None:
                old = self.desk.units.employer_facts(self.unit_id)
                unit.tax_paid_cny = {**old.tax_paid_cny, **tax}
                unit.filing_notice_on = old.filing_notice_on  # not edited here: kept, never cleared
            try:
                self.unit_id = self.desk.units.save_employer(unit, self.unit_id, self._version)
            except StaleVersion:
                choice = self.ask_conflict(self, self.tr("这个单位"))
                if choice == OVERWRITE:
                    self.unit_id = self.desk.units.save_employer(unit, self.unit_id, None)
                else:
                    if choice == RELOAD:
                        self.load(self.unit_id)
                    return
        except RecordGone as exc:
            self.error.setText(str(exc))
            return
        except UnitError as exc:
            self.error.setText(exc.message(current_lang()))
            return
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.reload(select=self.unit_id)
        QMessageBox.information(self, self.tr("单位"), self.tr("已保存。"))

    def changeEvent(self, event: Any) -> None:  # labels from the shared table follow the language
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            lang = current_lang()
            for box in (self.district, self.entity_type):
                relabel_combo(box, lang)
            for box in (self.innovation, self.service):
                relabel_combo(box, lang, "—")
            if self.unit_id is not None:
                self._draw_agents()
            for y, field in zip(self._tax_years, (self.tax_last, self.tax_this), strict=True):
                label = self._form.labelForField(field)
                if label is not None:
                    label.setText(self.tr("{y} 年纳税额（元，不含个税）").format(y=y))
        super().changeEvent(event)
