"""The form checked as the person types: ID numbers, dates, amounts and months, each error shown
beside its field; nothing is saved until the whole form is valid."""

from __future__ import annotations

from ...rules.idnumber import IdNumberError, parse_id_number
from ...rules.names import NameRejected, check_name
from ...text.numbers import AmountError, parse_cny
from ..i18n import current_lang


class ProfileChecks:
    """Field errors and the save button's state (mixed into ProfileForm)."""

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

    # A new, untouched form says nothing yet: red "必填" under every field before the person has typed
    # a letter reads as a scolding. The first edit, or 保存, shows every error.
    _quiet = False

    def _edited(self, *_: object) -> None:
        self._quiet = False
        self.validate()

    def check_all(self) -> bool:
        """Validate with every error shown (保存)."""
        self._quiet = False
        return self.validate()

    def validate(self) -> bool:
        self._founder_toggled()
        errors = self.errors()
        for key, label in self._errors.items():
            message = None if self._quiet else errors.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
        ok = not errors
        self.save_button.setEnabled(ok)
        self.validityChanged.emit(ok)
        return ok


def _id_reason(code: str) -> str:
    """Reasons the form has no text of its own for (a birth date in the future or before 1900), in the
    rules' words from messages.toml."""
    from ...checks.check import bundled_policies
    from ...rules.engine import Messages

    return Messages(bundled_policies().messages, current_lang())(f"id.{code}")
