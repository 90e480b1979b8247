"""The profile form records every fact the rules read: a founder or an IP route can be entered,
saved, read back, and the rules engine sees it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from hrdesk.checks.check import load_profile_file, run_check
from hrdesk.desks.desk import Desk
from hrdesk.ui.employees.profile_form import ProfileForm
from hrdesk.ui.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)


def _form(qtbot, desk: Desk) -> ProfileForm:
    set_language("zh")
    form = ProfileForm(desk, today=TODAY)
    qtbot.addWidget(form)
    return form


def test_founder_ip_and_the_rest_round_trip_through_the_store(qtbot, desk: Desk):
    employee_id = desk.employees.add_profile(
        load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    )
    form = _form(qtbot, desk)
    form.load(employee_id)
    assert form._errors["name"].text() == ""
    # Founder holding 12.5 %, 2nd natural-person shareholder, 12 million of equity financing.
    form.is_founder.setChecked(True)
    form.shareholding_pct.setText("12.5")
    form.shareholder_rank.setValue(2)
    form.equity_financing.setText("1,200万")
    # IP: first inventor of one invention patent, commercialised in Beijing.
    form.invention_patents.setValue(1)
    form.author_rank.setCurrentIndex(form.author_rank.findData(1))
    form.ip_commercialized.setChecked(True)
    form.dispatched.setChecked(True)
    form.same_employer["payroll"].setChecked(False)
    form.foreign_degree.setChecked(True)
    form.graduated_on.setText("2016-07-01")
    form.awards.setPlainText("北京市科学技术奖\n")
    form.annual_income.item(0, 1).setText("480,000元")
    form.lessor_is_owner.setChecked(False)  # rented from a sub-lessor: not a stable residence
    assert form.validate(), form.errors()
    assert form.save() == employee_id

    e = desk.employees.profile(employee_id).employee
    assert e.founder is not None and e.founder.shareholding_pct == 12.5 and e.founder.shareholder_rank == 2
    assert e.founder.equity_financing_cny == 12_000_000
    assert (e.ip.invention_patents, e.ip.author_rank, e.ip.commercialized_in_beijing) == (1, 1, True)
    assert e.dispatched and e.same_employer["payroll"] is False and e.same_employer["tax"] is True
    assert e.education.foreign and e.education.graduated_on == date(2016, 7, 1)
    assert e.awards == ["北京市科学技术奖"]
    assert e.annual_income_cny[form.annual_income.item(0, 0).text()] == 480000
    assert e.housing is not None and e.housing.lessor_is_owner is False

    result = run_check(desk.employees.profile(employee_id), "new", TODAY)
    assert {"founder", "ip", "award"} <= set(result.qualifying_categories)
    codes = {f.code for f in result.findings}
    assert {"DISPATCHED_WORKER", "EMPLOYER_MISMATCH", "NO_STABLE_RESIDENCE"} <= codes

    form.load(employee_id)  # and it all shows again
    assert form.is_founder.isChecked() and form.shareholding_pct.text() == "12.5"
    assert form.equity_financing.text() == "12,000,000" and form.author_rank.currentData() == 1


def test_amounts_as_people_type_them_and_clear_errors(qtbot, desk: Desk, unit_id: int):
    form = _form(qtbot, desk)
    form.new(unit_id)
    form.income.item(0, 1).setText("12,500元")
    assert "income" not in form.errors()
    form.income.item(1, 1).setText("一万二")
    assert form.errors()["income"].endswith(form.income.item(1, 0).text())
    form.is_founder.setChecked(True)
    form.team_tax.setText("abc")
    assert "数字" in form.errors()["team_tax"]
    form.shareholding_pct.setText("120")
    assert "0 到 100" in form.errors()["shareholding_pct"]


def test_groups_cite_the_guide_of_the_units_district(qtbot, desk: Desk, unit_id: int):
    form = _form(qtbot, desk)
    form.new(unit_id)
    notes = {note.group: note.text() for _box, _title, note in form._boxes}
    assert "昌平区指南 二（二）6（5）" in notes["ip"] and "二（二）6（6）" in notes["founder"]
    assert "二（四）1" in notes["employment"]
    set_language("en")
    try:
        form.retranslate()
        notes = {note.group: note.text() for _box, _title, note in form._boxes}
        assert "Changping guide 2(2)6(5)" in notes["ip"]
    finally:
        set_language("zh")


def test_a_changed_household_register_is_entered_in_the_form_and_asks_for_its_change_pages(qtbot, desk: Desk):
    employee_id = desk.employees.add_profile(
        load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    )
    assert desk.employees.profile(employee_id).employee.hukou_changed is False
    form = _form(qtbot, desk)
    form.load(employee_id)
    assert not form.hukou_changed.isChecked()
    qtbot.mouseClick(
        form.hukou_changed, Qt.MouseButton.LeftButton, pos=QPoint(6, form.hukou_changed.height() // 2)
    )
    assert form.hukou_changed.isChecked() and form.is_modified()
    assert form.save() == employee_id
    assert desk.employees.profile(employee_id).employee.hukou_changed is True
    again = _form(qtbot, desk)
    again.load(employee_id)
    assert again.hukou_changed.isChecked()  # read back into the form
    needed = {m.kind for m in run_check(desk.employees.profile(employee_id), "new", TODAY).materials}
    assert "hukou-change-pages" in needed  # the guide's 户籍变更页 is now asked for
