"""Two desks on one database (SQLite file or PostgreSQL), each write path refused when the other desk
saved first, through the services and the real dialogs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from hrdesk.desks.desk import Desk
from hrdesk.rules.profile import Child
from hrdesk.store.versions import RecordGone, StaleVersion
from tests.conftest import drop_postgres_schema, fresh_postgres_schema
from tests.shared_db import desk_work


@pytest.fixture(params=["sqlite", "postgresql"])
def two_desks(request: pytest.FixtureRequest, tmp_path: Path):
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    else:
        server = request.getfixturevalue("postgres_server")
        schema, url = fresh_postgres_schema(server)
    with Desk.open(tmp_path / "a", url) as a, Desk.open(tmp_path / "b", url) as b:
        yield a, b
    if schema:
        drop_postgres_schema(request.getfixturevalue("postgres_server"), schema)


def test_editing_a_person_another_desk_deleted_says_they_are_in_the_trash(two_desks):
    a, b = two_desks
    employee_id = a.employees.add_profile(desk_work.example_profile())
    loaded, version = b.employees.profile(employee_id), b.employees.employee(employee_id).version
    a.employees.delete_employee(employee_id)
    mine = replace(loaded, employee=replace(loaded.employee, name="王五"))
    with pytest.raises(RecordGone) as gone:
        b.employees.update_profile(employee_id, mine, expected_version=version, base=loaded)
    assert str(gone.value) == "该员工已被另一台电脑删除，可在回收站中恢复。"
    assert (
        gone.value.message("en")
        == "This employee was deleted on another computer; it can be restored from the trash."
    )
    with pytest.raises(KeyError):  # still a KeyError for callers that treat "not found" alike
        b.employees.update_profile(employee_id, mine)


def test_a_stale_children_table_never_removes_the_wrong_child(two_desks):
    a, b = two_desks
    employee_id = a.employees.add_profile(desk_work.example_profile())
    a.employees.add_child(employee_id, Child("甲", date(2018, 1, 1)))
    a.employees.add_child(employee_id, Child("乙", date(2019, 1, 1)))
    shown_b = b.employees.children(employee_id)  # desk B's table
    first, second = (c for c in shown_b if c.child.name in ("甲", "乙"))
    a.employees.remove_child(employee_id, first.id, first.version)  # desk A removes 甲
    with pytest.raises(RecordGone):  # desk B, on its stale table, also picks 甲
        b.employees.remove_child(employee_id, first.id, first.version)
    names = [c.child.name for c in a.employees.children(employee_id)]
    assert "乙" in names and "甲" not in names
    # A profile save that leaves the children as they are keeps their ids.
    ids = [c.id for c in a.employees.children(employee_id)]
    profile = a.employees.profile(employee_id)
    a.employees.update_profile(
        employee_id, replace(profile, employee=replace(profile.employee, name="张三改"))
    )
    assert [c.id for c in a.employees.children(employee_id)] == ids
    assert second.id in ids


def test_material_dates_from_two_desks_both_stand_unless_they_touch_the_same_date(two_desks):
    a, b = two_desks
    employee_id = a.employees.add_profile(desk_work.example_profile())
    mat_a = a.materials.materials(employee_id)[0]
    mat_b = b.materials.material(mat_a.id)
    a.materials.update_material(mat_a.id, mat_a.version, mat_a, valid_until=date(2031, 1, 1))
    b.materials.update_material(mat_b.id, mat_b.version, mat_b, issued_on=date(2025, 5, 5))  # other field
    stored = a.materials.material(mat_a.id)
    assert (stored.issued_on, stored.valid_until) == (date(2025, 5, 5), date(2031, 1, 1))
    with pytest.raises(StaleVersion):  # the same field: refused
        b.materials.update_material(mat_b.id, mat_b.version, mat_b, valid_until=date(2040, 1, 1))
    assert a.materials.material(mat_a.id).valid_until == date(2031, 1, 1)


def test_units_agents_applications_and_trash_refuse_a_stale_write(two_desks):
    from hrdesk.store.convert import employer_to_rules

    a, b = two_desks
    employee_id = a.employees.add_profile(desk_work.example_profile())
    unit_id = a.employees.employee(employee_id).employer_id
    unit_b = b.units.employer(unit_id)
    facts = employer_to_rules(a.units.employer(unit_id))
    facts.registered_capital_cny = 8_000_000
    a.units.save_employer(facts, unit_id, unit_b.version)
    mine = employer_to_rules(unit_b)
    mine.registered_capital_cny = 1
    with pytest.raises(StaleVersion):
        b.units.save_employer(mine, unit_id, unit_b.version)
    assert a.units.employer(unit_id).registered_capital_cny == 8_000_000

    agent_id = a.units.save_agent(unit_id, "赵经办", phone="1")
    [agent_b] = b.units.agents(unit_id)
    a.units.save_agent(unit_id, "赵经办", phone="2", agent_id=agent_id, expected_version=agent_b.version)
    with pytest.raises(StaleVersion):
        b.units.save_agent(unit_id, "赵经办", phone="3", agent_id=agent_id, expected_version=agent_b.version)
    with pytest.raises(StaleVersion):
        b.units.delete_agent(agent_id, agent_b.version)
    assert [x.phone for x in a.units.agents(unit_id)] == ["2"]

    app_id = a.applications.open_application(employee_id, "new")
    [app_b] = b.applications.applications(employee_id)
    a.applications.set_application_status(app_id, "returned", note="材料不全", expected_version=app_b.version)
    with pytest.raises(StaleVersion):
        b.applications.set_application_status(app_id, "submitted", expected_version=app_b.version)
    assert a.applications.applications(employee_id)[0].status == "returned"

    trash_id = a.employees.delete_employee(employee_id)
    seen = b.trash.trash_items()
    late = a.employees.add_profile(desk_work.person(5))
    late_trash = a.employees.delete_employee(late)  # deleted after desk B looked at the trash
    a.trash.restore_employee(trash_id)
    with pytest.raises(RecordGone, match="已被另一台电脑恢复"):
        b.trash.restore_employee(trash_id)
    b.trash.empty_trash(seen)
    assert [i.id for i in a.trash.trash_items() if i.kind == "employee"] == [late_trash]


def test_units_dialog_asks_and_reloads_when_another_desk_saved_the_unit(qtbot, two_desks, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from hrdesk.store.convert import employer_to_rules
    from hrdesk.ui.conflicts import OVERWRITE, RELOAD
    from hrdesk.ui.units.units_dialog import UnitsDialog

    a, b = two_desks
    employee_id = a.employees.add_profile(desk_work.example_profile())
    unit_id = a.employees.employee(employee_id).employer_id
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)  # 已保存。
    dialog = UnitsDialog(b)
    qtbot.addWidget(dialog)
    dialog.load(unit_id)
    facts = employer_to_rules(a.units.employer(unit_id))
    facts.registered_capital_cny = 7_000_000
    a.units.save_employer(facts, unit_id)  # desk A saves while desk B's dialog is open
    asked: list[str] = []
    dialog.ask_conflict = lambda _parent, what: asked.append(what) or RELOAD
    dialog.capital.setText("123")
    dialog.save()
    assert asked and a.units.employer(unit_id).registered_capital_cny == 7_000_000  # not reverted
    assert dialog.capital.text().replace(",", "") == "7000000"  # reloaded: desk A's figure on screen
    dialog.ask_conflict = lambda _parent, what: asked.append(what) or OVERWRITE
    dialog.capital.setText("123")
    dialog.save()  # after the reload it holds the current version: no question
    assert len(asked) == 1 and a.units.employer(unit_id).registered_capital_cny == 123
