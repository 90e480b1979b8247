"""A wage figure entered in Settings without an effective date counts from the day it is entered
item 9): "未公布全口径城镇单位就业人员平均工资前，参照上一年度执行" (changping-2026 二(二)5 注)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hrdesk.checks.check import policies
from hrdesk.desks.desk import Desk


def test_an_undated_figure_takes_the_entry_day(data_dir: Path):
    with Desk.open(data_dir) as desk:
        desk.rule_data.save_wage_figure(2025, 13000, None, "用户录入", on=date(2026, 7, 24))
        assert desk.rule_data.wage_figures()[-1].effective_on == date(2026, 7, 24)
    ps = policies(data_dir)
    changping = ps.for_district("changping")
    assert ps.wage_figure(changping, date(2026, 7, 23)).year == 2024  # not back to 1 January
    assert ps.wage_figure(changping, date(2026, 7, 24)).monthly == 13000


def test_a_dated_figure_keeps_its_date(data_dir: Path):
    with Desk.open(data_dir) as desk:
        desk.rule_data.save_wage_figure(2025, 13000, date(2026, 7, 20), "用户录入", on=date(2026, 9, 1))
        assert desk.rule_data.wage_figures()[-1].effective_on == date(2026, 7, 20)


def test_the_stored_figure_is_read_while_a_write_is_under_way(data_dir: Path):
    """An import computes its new people's statuses inside its write transaction: the rules must read
    the figure the user entered, not wait for SQLite's write lock and fall back to the bundled ones."""
    from hrdesk.checks.rule_data import forget_stored_settings

    with Desk.open(data_dir) as desk:
        desk.rule_data.save_wage_figure(2025, 13000, date(2026, 7, 20), "用户录入", on=date(2026, 9, 1))
        forget_stored_settings()
        with desk.uow.session() as s:
            s.connection()  # the write transaction has begun and holds the lock, as an import's batch does
            ps = policies(data_dir)
        assert ps.wage_figure(ps.for_district("changping"), date(2026, 7, 24)).monthly == 13000
