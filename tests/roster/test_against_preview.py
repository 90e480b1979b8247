"""A roster import applies what its preview showed, against what the preview read: a person another
desk saved (or added) between the preview and the apply is a conflict, skipped and listed, never
overwritten; unchanged rows are not written; a unit is found by its credit code whatever its name.
On SQLite and on the real PostgreSQL server (the `desk` fixture runs both)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hrdesk.desks.desk import Desk
from hrdesk.rosters.importing import apply, preview
from hrdesk.store import models as m

from .corpus import ID_A, ID_B, ID_C, xlsx

HEAD = ["姓名", "身份证号", "单位名称", "统一社会信用代码", "所在区", "入职日期", "最高学位"]
CODE = "91110114MA01ABCD1X"
OTHER_CODE = "91110108MA02WXYZ3K"


def _row(name: str, number: str, hired: str = "2024-03-01", unit: str = "北京示例科技有限公司", code=CODE):
    return [name, number, unit, code, "昌平区", hired, "学士"]


def _roster(path: Path, rows: list[list]) -> Path:
    return xlsx(path, [("员工名单", [HEAD, *rows])])


def _other_desk(desk: Desk) -> Desk:
    """A second desk on the same database (another computer of the office)."""
    url = None if desk.uow.engine.dialect.name == "sqlite" else desk.uow.engine.url.render_as_string(False)
    return Desk.open(desk.data_dir, url, lock=False)


def _by_number(desk: Desk) -> dict[str, int]:
    return {desk.employees.profile(i).employee.id_number: i for i in desk.employees.employee_ids()}


def _versions(desk: Desk) -> dict[int, tuple[int, object]]:
    with desk.uow.engine.connect() as conn:
        t = m.Employee.__table__
        return {r.id: (r.version, r.updated_at) for r in conn.execute(t.select())}


def test_a_save_by_another_desk_after_the_preview_is_a_conflict_not_overwritten(desk, tmp_path):
    first = _roster(tmp_path / "a.xlsx", [_row("张三", ID_A), _row("李四", ID_B)])
    apply(desk, preview(desk, first))
    ids = _by_number(desk)
    again = _roster(tmp_path / "b.xlsx", [_row("张三", ID_A, "2024-04-01"), _row("李四", ID_B, "2024-05-01")])
    plan = preview(desk, again)
    assert plan.count("changed") == 2

    with _other_desk(desk) as other:  # desk B renames 张三 while desk A looks at its preview
        profile = other.employees.profile(ids[ID_A])
        profile.employee.name = "张叁"
        other.employees.update_profile(ids[ID_A], profile)

    result = apply(desk, plan)
    assert [r.employee_id for r in result.conflicts] == [ids[ID_A]]
    assert result.updated_ids == [ids[ID_B]]
    kept = desk.employees.profile(ids[ID_A]).employee
    assert (kept.name, kept.hired_on) == ("张叁", date(2024, 3, 1))  # desk B's save stands, untouched
    assert desk.employees.profile(ids[ID_B]).employee.hired_on == date(2024, 5, 1)


def test_a_person_deleted_by_another_desk_after_the_preview_is_a_conflict(desk, tmp_path):
    apply(desk, preview(desk, _roster(tmp_path / "a.xlsx", [_row("张三", ID_A)])))
    employee_id = _by_number(desk)[ID_A]
    plan = preview(desk, _roster(tmp_path / "b.xlsx", [_row("张三", ID_A, "2024-04-01")]))
    with _other_desk(desk) as other:
        other.employees.delete_employee(employee_id)
    result = apply(desk, plan)
    assert [r.employee_id for r in result.conflicts] == [employee_id]
    assert desk.employees.employee_ids() == []  # not brought back by the import


def test_a_person_added_by_another_desk_after_the_preview_is_kept(desk, tmp_path):
    """A JSON export from another system, previewed while another desk typed in the same person."""
    data = json.loads(
        (Path(__file__).parents[2] / "examples" / "changping-new-ready.json").read_text("utf-8")
    )
    data["materials"] = []
    data["employee"]["id_number"] = ID_C
    file = tmp_path / "people.json"
    file.write_text(json.dumps({"profiles": [data]}, ensure_ascii=False), encoding="utf-8")
    plan = preview(desk, file)
    assert plan.count("new") == 1
    with _other_desk(desk) as other:
        apply(other, preview(other, _roster(tmp_path / "c.xlsx", [_row("王五", ID_C)])))
    result = apply(desk, plan)
    assert len(result.conflicts) == 1 and result.new_ids == []
    (only,) = desk.employees.employee_ids()
    assert desk.employees.profile(only).employee.name == "王五"


def test_unchanged_rows_are_not_written(desk, tmp_path):
    file = _roster(tmp_path / "a.xlsx", [_row("张三", ID_A), _row("李四", ID_B)])
    apply(desk, preview(desk, file))
    before = _versions(desk)
    plan = preview(desk, file)
    assert plan.count("unchanged") == 2
    result = apply(desk, plan)
    assert result.updated_ids == [] and result.new_ids == [] and result.conflicts == []
    assert _versions(desk) == before  # no version moved, no row touched


def test_json_reimport_of_the_same_people_writes_nothing(desk, tmp_path):
    data = json.loads(
        (Path(__file__).parents[2] / "examples" / "changping-new-ready.json").read_text("utf-8")
    )
    data["materials"] = []
    people = []
    for number in (ID_A, ID_B):
        d = json.loads(json.dumps(data))
        d["employee"]["id_number"] = number
        d["employee"]["monthly_income_cny"] = {f"2025-{k:02d}": 20000 for k in range(1, 13)}
        people.append(d)
    file = tmp_path / "people.json"
    file.write_text(json.dumps({"profiles": people}, ensure_ascii=False), encoding="utf-8")
    first = apply(desk, preview(desk, file))
    assert len(first.new_ids) == 2
    stored = desk.employees.profile(first.new_ids[0]).employee
    assert len(stored.monthly_income_cny) == 12 and len(stored.children) == len(data["employee"]["children"])
    before = _versions(desk)
    plan = preview(desk, file)
    assert plan.count("unchanged") == 2
    apply(desk, plan)
    assert _versions(desk) == before


def test_a_unit_is_found_by_its_credit_code_whatever_its_name(desk, tmp_path):
    apply(
        desk, preview(desk, _roster(tmp_path / "a.xlsx", [_row("张三", ID_A, unit="北京旧名科技有限公司")]))
    )
    (unit_before,) = {u.id for u in desk.units.employers()}
    renamed = _roster(tmp_path / "b.xlsx", [_row("张三", ID_A, unit="北京新名科技有限公司")])
    plan = preview(desk, renamed)
    assert plan.count("unchanged") == 1  # the unit's name is the unit's fact, not a change of the person
    before = _versions(desk)
    apply(desk, plan)
    assert _versions(desk) == before
    assert {u.id for u in desk.units.employers()} == {unit_before}


def test_a_unit_of_the_same_name_with_another_credit_code_is_another_unit(desk, tmp_path):
    """Every re-import once moved every person of such a unit back and forth; now the second import
    finds each person where the first put them."""
    apply(desk, preview(desk, _roster(tmp_path / "a.xlsx", [_row("张三", ID_A)])))
    other = _roster(
        tmp_path / "b.xlsx", [_row("李四", ID_B, code=OTHER_CODE), _row("王五", ID_C, code=OTHER_CODE)]
    )
    apply(desk, preview(desk, other))
    ids = _by_number(desk)
    assert desk.employees.profile(ids[ID_B]).employer.credit_code == OTHER_CODE
    assert desk.employees.profile(ids[ID_A]).employer.credit_code == CODE
    before = _versions(desk)
    plan = preview(desk, other)
    assert plan.count("unchanged") == 2 and plan.count("changed") == 0
    apply(desk, plan)
    assert _versions(desk) == before
