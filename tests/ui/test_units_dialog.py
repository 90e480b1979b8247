"""Units and agents: a new unit asserts nothing, agents are added, edited and removed, and the agent
rules of the guides are checked (insured by the unit; Yanqing: not processing their own application)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.rules.profile import Employer
from hrdesk.ui.i18n import set_language
from hrdesk.ui.units.units_dialog import AgentDialog, UnitsDialog

ROOT = Path(__file__).resolve().parents[2]


def _dialog(qtbot, desk: Desk) -> UnitsDialog:
    set_language("zh")
    dialog = UnitsDialog(desk)
    qtbot.addWidget(dialog)
    return dialog


class Answers:
    """Answers the dialog's questions as a person would fill the agent form: the real form, filled and
    OK'd (its own checks run), then read back through the real asker's path."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.forms: list[dict] = []
        self.confirmations: list[str] = []

    def agent(self, parent, agent=None):
        entry = self.forms.pop(0)
        dialog = AgentDialog(agent, parent=parent)
        self.qtbot.addWidget(dialog)
        dialog.name.setText(entry["name"])
        dialog.id_number.setText(entry.get("id_number", ""))
        dialog.insured.setChecked(entry.get("insured", True))
        dialog._accept()
        assert dialog.result() == AgentDialog.DialogCode.Accepted, dialog.error.text()
        return {**dialog.values(), "active": dialog.active.isChecked()}

    def confirm(self, parent, title, text) -> bool:
        self.confirmations.append(text)
        return True


def _press(button) -> None:
    """A left click on the button, as `clicked(bool)` delivers it."""
    assert button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_unit_is_not_assumed_in_good_standing_or_permitted(qtbot, desk: Desk):
    dialog = _dialog(qtbot, desk)
    assert dialog.unit_id is None  # empty database: the dialog opens on a new unit
    assert not dialog.good_standing.isChecked() and not dialog.permission.isChecked()
    assert not dialog.add_agent_button.isEnabled()  # agents need a saved unit
    dialog.name.setText("北京新单位有限公司")
    dialog.capital.setText("500万")
    QTimer.singleShot(
        0, lambda: [w.accept() for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    )
    dialog.save()
    unit = desk.units.employer(dialog.unit_id)
    assert unit.good_standing is False and unit.permission_granted is False
    assert unit.registered_capital_cny == 5_000_000
    dialog.new_unit()
    assert not dialog.good_standing.isChecked()


def test_agents_added_edited_removed_and_rules_checked_in_yanqing(qtbot, desk: Desk):
    employee_id = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
    profile = desk.employees.profile(employee_id)
    unit_id = desk.employees.employee(employee_id).employer_id
    dialog = _dialog(qtbot, desk)
    dialog.load(unit_id)
    assert "尚未登记业务经办人" in dialog.agent_problems.text()

    # The only agent is the applicant herself: Yanqing needs a second agent for her application.
    answers = dialog.asker = Answers(qtbot)
    dialog.show()
    answers.forms.append({"name": "经办甲", "id_number": profile.employee.id_number})
    _press(dialog.add_agent_button)
    first = desk.units.agents(unit_id)[0].id
    assert [a.name for a in desk.units.agents(unit_id)] == ["经办甲"]
    assert (
        "另增加 1 名经办人" in dialog.agent_problems.text() and "延庆区指南" in dialog.agent_problems.text()
    )
    # A second agent, not insured by the unit: the own-application problem stays, a new one appears.
    answers.forms.append({"name": "经办乙", "insured": False})
    _press(dialog.add_agent_button)
    assert "须在本单位缴纳社保" in dialog.agent_problems.text()
    assert "另增加 1 名经办人" in dialog.agent_problems.text()
    # Edit the second agent: insured now, and both problems are gone.
    dialog.agents.setCurrentRow(1)
    answers.forms.append({"name": "经办乙", "insured": True})
    _press(dialog.edit_agent_button)
    assert desk.units.agent_problems(unit_id) == []
    assert dialog.agent_problems.isHidden()
    # Remove the first agent.
    dialog.agents.setCurrentRow(0)
    assert dialog._current_agent().id == first
    _press(dialog.remove_agent_button)
    assert answers.confirmations == ["删除经办人“经办甲”？"]
    assert [a.name for a in desk.units.agents(unit_id)] == ["经办乙"]


def test_changping_has_no_second_agent_rule_but_checks_insurance(desk: Desk):
    unit_id = desk.units.save_employer(Employer(name="昌平单位", district="changping"))
    desk.units.save_agent(unit_id, "经办丙", insured_by_unit=False)
    assert [p.code for p in desk.units.agent_problems(unit_id)] == ["AGENT_NOT_INSURED"]
    assert desk.units.agent_problems(unit_id)[0].source.startswith("changping-2026 三(六)")


def test_unit_errors_are_coded_and_read_in_either_language(desk: Desk):
    import pytest

    from hrdesk.units.service import UnitError

    employee_id = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
    unit_id = desk.employees.employee(employee_id).employer_id
    with pytest.raises(UnitError) as caught:
        desk.units.delete_employer(unit_id)
    assert caught.value.key == "unit.has-employees"
    assert "员工" in caught.value.message("zh") and "employees" in caught.value.message("en")
    with pytest.raises(ValueError):  # still a ValueError for callers that catch those
        desk.units.save_employer(Employer(name="x", district="mars"))
