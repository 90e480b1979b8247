"""Hostile rosters (`hostile.py`): each is refused with one clear line naming the cell and the fix, in
Chinese and English, or read right (1904 dates, UTF-32, footer rows); nothing wrong is stored, the good
rows are intact, and no traceback reaches the user."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from hrdesk.cli import main
from hrdesk.desks.desk import Desk
from hrdesk.rosters.batch_store import employees_by_id_number
from hrdesk.rosters.importing import ImportRejected, apply, preview, roster_values
from hrdesk.rosters.read import _scan_part, _SheetScan, mojibake_cells, read_file
from hrdesk.rosters.values import CellProblem, date_from_cell, money_from_cell

from .corpus import HEAD, ID_A, ID_B, row, xlsx
from .hostile import HOSTILE, Hostile, far_cell

_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def built(case: Hostile, folder: Path) -> Path:
    """Each file once per session (the bombs take a second or two to write)."""
    if case.name not in _BUILT:
        target = folder / str(len(_BUILT))
        target.mkdir()
        _BUILT[case.name] = case.build(target)
    return _BUILT[case.name]


@pytest.fixture
def desk(data_dir: Path):
    with Desk.open(data_dir) as r:
        yield r


@pytest.mark.parametrize("case", HOSTILE, ids=[c.name for c in HOSTILE])
def test_hostile_roster(case: Hostile, desk: Desk, hostile_dir: Path):
    path = built(case, hostile_dir)
    plan = preview(desk, path)
    if case.refused:
        codes = [e.code for e in plan.errors]
        assert case.refused in codes, codes
        texts = {lang: [e.text(lang) for e in plan.errors] for lang in ("zh", "en")}
        for zh, en in zip(texts["zh"], texts["en"], strict=True):
            assert zh != en and "roster." not in zh + en and "Traceback" not in zh + en
            assert "\n" not in zh and not re.search(r"\d{17}[\dX]", zh)
        for cell in case.cells:
            assert any(cell in t for t in texts["zh"]), (cell, texts["zh"])
            assert any(cell in t for t in texts["en"]), (cell, texts["en"])
        if not case.stored:  # the whole file is refused
            with pytest.raises(ImportRejected):
                apply(desk, plan, keep_good_rows=True)
            assert desk.employees.summaries() == []
            return
        with pytest.raises(ImportRejected):  # all or nothing by default
            apply(desk, plan)
        assert desk.employees.summaries() == []
        apply(desk, plan, keep_good_rows=True)
    else:
        assert plan.ok, [e.text() for e in plan.errors]
        apply(desk, plan)
    assert len(desk.employees.summaries()) == len(case.stored)  # the good rows, and nothing from the bad ones
    stored = employees_by_id_number(desk.uow.engine, case.stored)
    for number, expected in case.stored.items():
        values = roster_values(desk.employees.profile(stored[number][0]))
        for key, value in expected.items():
            assert values[key] == value, (key, values[key], value)


def test_no_income_is_stored_as_infinity(desk: Desk, hostile_dir: Path):
    case = next(c for c in HOSTILE if c.name == "income inf / nan")
    apply(desk, preview(desk, built(case, hostile_dir)), keep_good_rows=True)
    for summary in desk.employees.summaries():
        income = desk.employees.profile(summary.id).employee.monthly_income_cny
        assert all(v == v and v != float("inf") for v in income.values()), income


def test_footer_rows_are_counted_not_refused(desk: Desk, hostile_dir: Path):
    case = next(c for c in HOSTILE if c.name == "footer and blank rows")
    plan = preview(desk, built(case, hostile_dir))
    assert (plan.skipped_footer, plan.skipped_blank, plan.count("new")) == (5, 2, 2)
    assert not plan.errors, plan.errors
    notice = next(n for n in plan.notices if n.code == "roster.notice.skipped-rows")
    assert "5" in notice.text("en") and "合计" in notice.text("zh")


def test_cli_far_cell_one_line_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = far_cell(tmp_path)
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(path), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    lines = [line for line in err.splitlines() if "XFD1048576" in line]
    assert len(lines) == 1 and "Delete that cell" in lines[0]


def test_cli_formula_cells_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile_dir: Path):
    case = next(c for c in HOSTILE if c.name.startswith("formulas"))
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(built(case, hostile_dir)), "--dry-run"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "第 2 行「身份证号」（B2）：单元格是公式" in err and "（E3）" in err and "（F3）" in err


# --- the pieces ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "Infinity", "1e400", "-5", "NaN", "∞"])
def test_money_refuses_what_is_not_a_finite_amount(text: str):
    with pytest.raises(CellProblem):
        money_from_cell(text)


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -1.0])
def test_money_refuses_infinite_number_cells(value: float):
    with pytest.raises(CellProblem):
        money_from_cell(value)


@pytest.mark.parametrize(
    ("text", "amount"), [("20,000.00", 20000.0), ("¥21000元", 21000.0), ("1.5E4", 15000.0)]
)
def test_money_takes_amounts_as_before(text: str, amount: float):
    assert money_from_cell(text) == amount


def test_serial_dates_follow_the_workbook_date_system():
    assert date_from_cell(45352) == date(2024, 3, 1)
    assert date_from_cell(43890, date1904=True) == date(2024, 3, 1)
    assert date_from_cell("43890", date1904=True) == date(2024, 3, 1)


@pytest.mark.parametrize(
    "name", ["王喆", "李堃", "黃淑芬", "欧阳娜娜", "阿卜杜·热合曼", "北京示例科技有限公司（昌平）"]
)
def test_real_names_in_gb18030_are_not_taken_for_mojibake(name: str):
    assert mojibake_cells([[name]]) == frozenset()


@pytest.mark.parametrize("name", ["陳大文", "林志豪", "張偉", "北京示例科技有限公司"])
def test_big5_bytes_read_as_gb18030_are_caught(name: str):
    assert mojibake_cells([["张三", name.encode("big5").decode("gb18030")]]) == {(0, 1)}


@pytest.mark.parametrize("name", ["张三", "王五", "張偉", "北京示例科技有限公司"])
def test_utf8_bytes_read_as_gb18030_are_caught(name: str):
    assert mojibake_cells([["张三", name.encode("utf-8").decode("gb18030")]]) == {(0, 1)}


def _scan(xml: bytes) -> _SheetScan:
    scan = _SheetScan()
    _scan_part(iter([xml[i : i + 7] for i in range(0, len(xml), 7)]), scan)  # cut anywhere
    return scan


def test_cells_without_references_are_placed_as_calamine_places_them():
    xml = (
        b"<worksheet><sheetData><row r = '1'><c><v>1</v></c><c><f>1+1</f><v>2</v></c></row>"
        b'<row r="90000"><c><v>1</v></c>' + b"<c><v>1</v></c>" * 30 + b"</row></sheetData></worksheet>"
    )
    scan = _scan(xml)
    assert (scan.rows, scan.columns) == (90000, 31)
    assert scan.far_column_cell == "AE90000" and (0, 1) in scan.formulas


def test_empty_formatted_far_cells_do_not_count():
    xml = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576" s="3"/></row></sheetData>'
    )
    assert (_scan(xml).rows, _scan(xml).columns) == (1, 1)


def test_good_rosters_unchanged_formula_outside_stored_columns_and_formatted_far_cells(
    desk: Desk, tmp_path: Path
):
    """A 序号 column of =ROW()-1 is not stored, and borders drawn down to row 100,000 hold no value."""
    path = xlsx(
        tmp_path / "good.xlsx",
        [("名单", [["序号", *HEAD], [1, *row("张三", ID_A)], [2, *row("李四", ID_B)]])],
    )
    from openpyxl import load_workbook
    from openpyxl.styles import Border, Side

    wb = load_workbook(path)
    ws = wb["名单"]
    ws["A2"] = "=ROW()-1"
    ws["XFD100000"].border = Border(left=Side(style="thin"))
    wb.save(path)
    plan = preview(desk, path)
    assert plan.ok and plan.count("new") == 2, [e.text() for e in plan.errors]
    assert len(read_file(path).sheets[0].rows) == 3


def test_a_workbook_without_its_parts_is_one_message(desk: Desk, tmp_path: Path):
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    plan = preview(desk, path)
    assert [e.code for e in plan.errors] == ["roster.file-unreadable"]


def test_1904_flag_is_read(tmp_path: Path):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.active.append(HEAD)
    wb.save(tmp_path / "mac.xlsx")
    assert read_file(tmp_path / "mac.xlsx").sheets[0].date1904
    assert not read_file(xlsx(tmp_path / "pc.xlsx", [("名单", [HEAD])])).sheets[0].date1904
