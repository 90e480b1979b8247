"""The import dialog with real widgets offscreen: preview before writing, all-or-nothing by default,
"import only the good rows" as an explicit choice, the bad rows saved with an error column."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool

from hrdesk.desks.desk import Desk

from .corpus import HEAD, ID_A, ID_B, ID_C, row, write_csv


@pytest.fixture
def desk(data_dir: Path):
    with Desk.open(data_dir) as r:
        yield r


def _shot(widget, name: str) -> None:
    """Screenshots for the record when HRDESK_SHOTS_DIR is set (a grab of the real widget)."""
    folder = os.environ.get("HRDESK_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / name))


def _dialog(qtbot, desk: Desk, path: Path):
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.rosters.import_dialog import ImportDialog

    set_language("zh")
    dialog = ImportDialog(desk, path, today=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    return dialog


def test_preview_then_import_good_rows_only_and_save_bad_rows(qtbot, desk: Desk, tmp_path: Path):
    write = write_csv(tmp_path / "first.csv", [HEAD, row("张三", ID_A)])
    from hrdesk.rosters.importing import apply, preview

    apply(desk, preview(desk, write))
    path = write_csv(
        tmp_path / "roster.csv",
        [
            HEAD,
            row("张三", ID_A, hired="2024-04-01", degree="硕士"),  # changed, field by field
            row("李四", ID_B, hired="2024年3月1日"),  # new
            row("王五", ID_C[:15] + "000", hired="24/3/1"),  # refused twice over
        ],
    )
    dialog = _dialog(qtbot, desk, path)
    assert dialog.plan.count("new") == 1 and dialog.plan.count("changed") == 1
    assert dialog.changed_table.rowCount() == 2  # 入职日期 and 最高学位
    assert dialog.error_table.rowCount() >= 1
    assert not dialog.import_button.isEnabled()  # all or nothing by default
    assert len(desk.employees.summaries()) == 1  # nothing written by the preview
    dialog.resize(1000, 560)
    dialog.tabs.setCurrentIndex(2)  # the changed rows, field by field
    _shot(dialog, "import-preview.png")
    dialog.tabs.setCurrentIndex(0)  # the errors tab
    _shot(dialog, "import-errors.png")

    saved = dialog.save_bad_rows(str(tmp_path / "bad.xlsx"))
    ws = load_workbook(saved).active
    assert ws.cell(row=1, column=ws.max_column).value == "错误说明" and ws["A2"].value == "王五"

    dialog.keep_good.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=20000)
    QThreadPool.globalInstance().waitForDone(5000)
    assert len(dialog.import_result.new_ids) == 1 and len(dialog.import_result.updated_ids) == 1
    names = sorted(s.name for s in desk.employees.summaries())
    assert names == ["张三", "李四"]
    _shot(dialog, "import-done.png")


def test_several_roster_sheets_ask_which_one(qtbot, desk: Desk, tmp_path: Path):
    from .corpus import CASES

    path = next(c for c in CASES if c.name == "several roster sheets, none active").build(tmp_path)
    dialog = _dialog(qtbot, desk, path)
    assert dialog.sheet_box.isVisibleTo(dialog) and dialog.sheet_box.count() == 2
    assert not dialog.import_button.isEnabled()
    dialog.plan = None
    dialog.start_preview("市场部")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    assert (
        dialog.plan.sheet == "市场部" and dialog.plan.count("new") == 1 and dialog.import_button.isEnabled()
    )
    QThreadPool.globalInstance().waitForDone(5000)
