"""Between a stored profile and the form's fields: every fact shown in its field, and the fields read
back into a profile to save."""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QTableWidgetItem,
)

from ...rules.dates import months_before, years_before
from ...rules.idnumber import parse_id_number
from ...rules.profile import (
    Employee,
    Employer,
    Founder,
    Freelancer,
    Housing,
    Permit,
    Profile,
)
from ...text.numbers import parse_cny


def _set_combo(box: QComboBox, code: str | None) -> None:
    i = box.findData(code or "")
    box.setCurrentIndex(max(0, i))


class ProfileFields:
    """The profile shown in the fields and read back from them (mixed into ProfileForm)."""

    def _show(self, e: Employee, today: date) -> None:
        self.name.setText(e.name)
        self.id_number.setText(e.id_number)
        _set_combo(self.hukou, e.hukou)
        _set_combo(self.retirement, e.retirement_category)
        self.retired.setChecked(e.retired)
        self.hukou_changed.setChecked(e.hukou_changed)
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

    def to_profile(self) -> Profile:
        base = copy.deepcopy(self._base) if self._base else Profile(Employer(), Employee(), [])
        e = base.employee
        e.name = self.name.text().strip()
        e.id_number = parse_id_number(self.id_number.text()).number
        e.hukou = self.hukou.currentData()
        e.retirement_category = self.retirement.currentData() or None
        e.retired = self.retired.isChecked()
        e.hukou_changed = self.hukou_changed.isChecked()
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
