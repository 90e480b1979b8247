"""Every real-office roster in the corpus gives its expected outcome: stored with the right value, or
refused with a message that says how to fix it and nothing stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hrdesk.desks.desk import Desk
from hrdesk.rosters.batch_store import employees_by_id_number
from hrdesk.rosters.importing import ImportRejected, apply, preview, roster_values

from .corpus import CASES, Case


@pytest.fixture
def desk(data_dir: Path):
    with Desk.open(data_dir) as r:
        yield r


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case: Case, desk: Desk, tmp_path: Path):
    path = case.build(tmp_path)
    plan = preview(desk, path, sheet=case.sheet)
    notices = [n.code for n in plan.notices]
    if case.notice:
        assert case.notice in notices, notices
    if case.refused:
        codes = [e.code for e in plan.errors]
        assert case.refused in codes, codes
        with pytest.raises(ImportRejected):
            apply(desk, plan)
        assert desk.employees.summaries() == []
        for issue in plan.errors:
            zh, en = issue.text("zh"), issue.text("en")
            assert zh != en and "roster." not in zh and "roster." not in en  # both languages, no raw code
            assert not re.search(r"\d{17}[\dX]", zh)  # an ID number never reaches a message
        return
    assert plan.ok, [e.text() for e in plan.errors]
    apply(desk, plan)
    stored = employees_by_id_number(desk.uow.engine, case.stored)
    assert len(desk.employees.summaries()) == len(case.stored)
    for number, expected in case.stored.items():
        assert len(stored[number]) == 1
        profile = desk.employees.profile(stored[number][0])
        values = roster_values(profile)
        for key, value in expected.items():
            actual = profile.employee.monthly_income_cny if key == "income" else values[key]
            assert actual == value, (key, actual, value)


def test_same_roster_twice_gives_one_record_per_person(desk: Desk, tmp_path: Path):
    path = CASES[0].build(tmp_path)
    apply(desk, preview(desk, path))
    again = preview(desk, path)
    assert (again.count("new"), again.count("unchanged"), again.ok) == (0, 2, True)
    assert again.summary("en").startswith("0 new, 0 changed, 2 unchanged")
    apply(desk, again)
    assert len(desk.employees.summaries()) == 2


def test_changed_rows_are_shown_field_by_field(desk: Desk, tmp_path: Path):
    from .corpus import HEAD, ID_A, ID_B, row, write_csv

    apply(desk, preview(desk, write_csv(tmp_path / "a.csv", [HEAD, row("张三", ID_A), row("李四", ID_B)])))
    changed = write_csv(
        tmp_path / "b.csv", [HEAD, row("张三", ID_A, hired="2024-04-01", degree="硕士"), row("李四", ID_B)]
    )
    plan = preview(desk, changed)
    (row_a,) = [r for r in plan.rows if r.kind == "changed"]
    assert {(c.column, c.old, c.new) for c in row_a.changes} == {
        ("入职日期", "2024-03-01", "2024-04-01"),
        ("最高学位", "学士", "硕士"),
    }
    assert plan.count("unchanged") == 1
    apply(desk, plan)
    profile = desk.employees.profile(row_a.employee_id)
    assert (
        profile.employee.hired_on.isoformat() == "2024-04-01"
        and profile.employee.education.degree == "master"
    )


def test_keep_good_rows_is_an_explicit_choice(desk: Desk, tmp_path: Path):
    path = CASES[8].build(tmp_path)  # one good row, one with 24/3/1
    plan = preview(desk, path)
    with pytest.raises(ImportRejected):
        apply(desk, plan)
    assert desk.employees.summaries() == []
    result = apply(desk, plan, keep_good_rows=True)
    assert (len(result.new_ids), result.skipped_rows) == (1, 1)
    assert [s.name for s in desk.employees.summaries()] == ["张三"]
