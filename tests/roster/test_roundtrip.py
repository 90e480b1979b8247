"""Template, export and re-import; formulas neutralised; the unique ID number and its migration; the
command line's dry run."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import inspect

from hrdesk.desks.desk import Desk
from hrdesk.rosters.api import export_xlsx, write_template
from hrdesk.rosters.batch_store import UNIQUE_INDEX, duplicate_id_numbers, ensure_unique_index
from hrdesk.rosters.export import write_bad_rows
from hrdesk.rosters.importing import apply, preview
from hrdesk.rosters.values import CellProblem, clean_text, date_from_cell, id_from_cell
from hrdesk.rules.profile import Employee, Employer, Profile
from hrdesk.store.db import make_engine, migrate

from .corpus import HEAD, ID_A, ID_B, ID_C, row, write_csv


@pytest.fixture
def desk(data_dir: Path):
    with Desk.open(data_dir) as r:
        yield r


def _profile(name: str, number: str) -> Profile:
    return Profile(
        Employer(name="北京示例科技有限公司", district="changping"),
        Employee(
            name=name, id_number=number, hired_on=date(2024, 3, 1), monthly_income_cny={"2026-05": 20000.0}
        ),
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (45352, date(2024, 3, 1)),
        ("45352", date(2024, 3, 1)),
        ("2024/3/1", date(2024, 3, 1)),
        ("２０２４年３月１日", date(2024, 3, 1)),
        ("2024-03-01 00:00:00", date(2024, 3, 1)),
        (20240301, date(2024, 3, 1)),
    ],
)
def test_dates_accepted(raw, expected):
    assert date_from_cell(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("24/3/1", "roster.date-two-digit-year"),
        ("3/1/24", "roster.date-two-digit-year"),
        ("3/1/2024", "roster.date-ambiguous"),
        ("1899-12-31", "roster.date-before-1900"),
        ("2024-02-30", "roster.date-not-exist"),
        ("2024", "roster.date-invalid"),
    ],
)
def test_dates_refused(raw, code):
    with pytest.raises(CellProblem) as problem:
        date_from_cell(raw)
    assert problem.value.code == code


def test_text_and_ids_are_normalised():
    assert clean_text("张\u3000三\u200b ") == "张三" and clean_text("John  Smith") == "John Smith"
    assert id_from_cell(" " + ID_A[:6] + "\u200b" + ID_A[6:]) == ID_A
    for bad in (float(ID_A[:17]), "1.30102E+17"):
        with pytest.raises(CellProblem) as problem:
            id_from_cell(bad)
        assert problem.value.code == "roster.id-numeric"


def test_template_has_headers_income_sheet_and_no_sample_row(desk: Desk, tmp_path: Path):
    write_template(tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames[:2] == ["员工名单", "申报收入"] and wb["员工名单"].max_row == 1
    plan = preview(desk, tmp_path / "t.xlsx")
    assert plan.rows == [] and plan.ok


def test_export_reimports_unchanged_and_neutralises_formulas(desk: Desk, tmp_path: Path):
    desk.employees.add_profile(_profile("张三", ID_A))
    desk.employees.add_profile(_profile('=HYPERLINK("http://example.com","李四")', ID_B))
    desk.employees.add_profile(_profile("+王五", ID_C))
    export_xlsx(desk, tmp_path / "e.xlsx")
    with zipfile.ZipFile(tmp_path / "e.xlsx") as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in s for s in sheets)  # no live formula anywhere
    ws = load_workbook(tmp_path / "e.xlsx")["员工名单"]
    assert ws["A3"].value.startswith("=HYPERLINK") and ws["A3"].data_type == "s" and ws["A3"].quotePrefix
    plan = preview(desk, tmp_path / "e.xlsx")
    # The formula-looking name is refused on the way back in (never stored as a formula); the others match.
    assert plan.count("new") == 0 and plan.count("unchanged") == 2
    assert [e.code for e in plan.errors] == ["roster.formula"]


def test_bad_rows_workbook_has_an_error_column(desk: Desk, tmp_path: Path):
    path = write_csv(tmp_path / "r.csv", [HEAD, row("张三", ID_A), row("李四", ID_B, hired="24/3/1")])
    plan = preview(desk, path)
    assert write_bad_rows(plan, tmp_path / "bad.xlsx") == 1
    ws = load_workbook(tmp_path / "bad.xlsx").active
    assert [c.value for c in ws[1]][-1] == "错误说明" and ws["A2"].value == "李四"
    assert "四位年份" in ws.cell(row=2, column=ws.max_column).value
    ws.cell(row=2, column=5).value = "2024-03-01"  # the user fixes the cell and imports the file again
    ws.parent.save(tmp_path / "fixed.xlsx")
    fixed = preview(desk, tmp_path / "fixed.xlsx")
    assert fixed.ok and fixed.count("new") == 1


def test_unique_id_number_and_migration_with_duplicates(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine, tmp_path, target="0002")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO employer (name, credit_code, district, entity_type, restricted_industry, good_standing,"
            " permission_granted) VALUES ('单位', '', 'changping', 'enterprise', 0, 1, 1)"
        )
        for name in ("张三", "张三"):
            conn.exec_driver_sql(
                "INSERT INTO employee (employer_id, name, id_number, hukou, retired, criminal_record, dispatched,"
                " title, marital_status, notes, status, status_business, updated_at) VALUES"
                f" (1, '{name}', '{ID_A}', 'other-province', 0, 0, 0, 'none', 'unmarried', '', 'unknown', 'new',"
                " '2026-01-01')"
            )
    migrate(engine, tmp_path)  # does not fail: the duplicates are reported, the index waits
    assert UNIQUE_INDEX not in {i["name"] for i in inspect(engine).get_indexes("employee")}
    assert duplicate_id_numbers(engine) == [ID_A] and not ensure_unique_index(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM employee WHERE id = 2")  # the user merged them
    assert ensure_unique_index(engine)
    assert UNIQUE_INDEX in {i["name"] for i in inspect(engine).get_indexes("employee")}
    with pytest.raises(Exception, match="UNIQUE"), engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO employee (employer_id, name, id_number, hukou, retired, criminal_record, dispatched, title,"
            f" marital_status, notes, status, status_business, updated_at) VALUES (1, 'x', '{ID_A}', 'other-province',"
            " 0, 0, 0, 'none', 'unmarried', '', 'unknown', 'new', '2026-01-01')"
        )
    engine.dispose()


def test_preview_reports_duplicates_in_database(desk: Desk, tmp_path: Path):
    with desk.uow.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP INDEX {UNIQUE_INDEX}")
    with desk.uow.session() as s:  # a database from before 0004 (the window refuses a duplicate)
        desk.employees.add_profile(_profile("张三", ID_A), session=s)
        desk.employees.add_profile(_profile("张三", ID_A), session=s)
    plan = preview(desk, write_csv(tmp_path / "r.csv", [HEAD, row("张三", ID_A)]))
    assert "roster.notice.duplicates-in-database" in [n.code for n in plan.notices]
    assert [e.code for e in plan.errors] == ["roster.duplicate-in-database"]


def test_cli_dry_run_writes_nothing_then_import_and_reimport(tmp_path: Path, data_dir: Path, capsys):
    from hrdesk.cli import main

    path = write_csv(tmp_path / "r.csv", [HEAD, row("张三", ID_A), row("李四", ID_B, hired="24/3/1")])
    assert main(["import", str(path), "--dry-run", "--errors-out", str(tmp_path / "bad.xlsx")]) == 1
    out = capsys.readouterr()
    assert "新增 1 人" in out.out and "第 3 行「入职日期」" in out.err and (tmp_path / "bad.xlsx").exists()
    assert main(["import", str(path)]) == 1  # all or nothing
    with Desk.open(data_dir) as r:
        assert r.employees.summaries() == []
    assert main(["import", str(path), "--keep-good-rows"]) == 0
    # The preview's line, then a second line that says the write happened and what it left out.
    assert "已导入：新增 1 人，变更 0 人，无变化 0 人；跳过有错误的行 1 行" in capsys.readouterr().out
    assert main(["import", str(path), "--keep-good-rows", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "0 new, 0 changed, 1 unchanged; rows with errors: 1" in out
    assert "Imported: 0 new, 0 changed, 1 unchanged; rows with errors skipped (not imported): 1" in out


def test_template_income_sheet_imports_monthly_income(desk: Desk, tmp_path: Path):
    write_template(tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    wb["员工名单"].append(["张三", ID_A, "北京示例科技有限公司", "", "昌平区"])
    income = wb["申报收入"]
    income.append([ID_A, "张三", "2026-05", 20000])
    income.append([ID_A, "张三", "2026年6月", "20,500"])
    wb.save(tmp_path / "filled.xlsx")
    plan = preview(desk, tmp_path / "filled.xlsx")
    assert plan.ok and "roster.notice.income-sheet" in [n.code for n in plan.notices]
    (employee_id,) = apply(desk, plan).new_ids
    assert desk.employees.profile(employee_id).employee.monthly_income_cny == {
        "2026-05": 20000.0,
        "2026-06": 20500.0,
    }
    income.append([ID_B, "李四", "2026-05", 20000])  # a person neither listed nor stored
    wb.save(tmp_path / "stranger.xlsx")
    assert [e.code for e in preview(desk, tmp_path / "stranger.xlsx").errors] == [
        "roster.income-unknown-person"
    ]


def test_every_roster_message_has_chinese_and_english():
    import re
    import tomllib

    from hrdesk.resources import resources_dir

    catalogue = tomllib.loads((resources_dir() / "messages.toml").read_text(encoding="utf-8"))
    roster = {k: v for k, v in catalogue.items() if k.startswith("roster.")}
    assert all(v.get("zh") and v.get("en") and v["zh"] != v["en"] for v in roster.values())
    source = "".join(
        p.read_text(encoding="utf-8")
        for p in (Path(__file__).resolve().parents[2] / "hrdesk").rglob("*.py")
        if "roster" in p.name or p.name == "import_dialog.py"
    )
    used = set(re.findall(r'"(roster\.[a-z][a-z.-]*[a-z])"', source))
    assert used and used <= set(roster), used - set(roster)


def test_profile_json_imports_once(desk: Desk, examples_dir: Path):
    path = examples_dir / "yanqing-new-ready.json"
    first = preview(desk, path)
    assert first.ok and first.count("new") == 1
    apply(desk, first)
    again = preview(desk, path)
    assert (again.count("new"), again.count("unchanged")) == (0, 1)
    assert len(desk.employees.summaries()) == 1
