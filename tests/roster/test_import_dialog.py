"""The import dialog with real widgets offscreen: preview before writing, all-or-nothing by default,
"import only the good rows" as an explicit choice, the bad rows saved with an error column."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QPushButton

from hrdesk.desks.desk import Desk

from ..ui.modal import when_modal
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

    saved = tmp_path / "out" / "bad.xlsx"
    saved.parent.mkdir()
    said = _save_bad_rows_as(qtbot, dialog, saved)
    ws = load_workbook(saved).active
    assert ws.cell(row=1, column=ws.max_column).value == "错误说明" and ws["A2"].value == "王五"
    assert f"错误行已保存到 {saved}" in [dialog.notices.item(i).text() for i in range(dialog.notices.count())]
    assert "未能保存" not in said

    dialog.keep_good.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=20000)
    QThreadPool.globalInstance().waitForDone(5000)
    assert len(dialog.import_result.new_ids) == 1 and len(dialog.import_result.updated_ids) == 1
    names = sorted(s.name for s in desk.employees.summaries())
    assert names == ["张三", "李四"]
    _shot(dialog, "import-done.png")


def _button(dialog, text: str) -> QPushButton:
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return button


def _save_bad_rows_as(qtbot, dialog, target: Path) -> str:
    """Press 保存错误行… as a person does, type the file's name in the file dialog, and wait until the
    button is back: the workbook is written on a worker, the button waits meanwhile. Returns the status."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    asked: list[bool] = []

    def answer(box: QFileDialog) -> None:
        box.setDirectory(str(target.parent))
        box.findChild(QLineEdit, "fileNameEdit").setText(target.name)
        asked.append(True)
        box.accept()

    button = _button(dialog, "保存错误行…")
    when_modal(answer, QFileDialog)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked
    qtbot.waitUntil(button.isEnabled, timeout=20000)
    QThreadPool.globalInstance().waitForDone(5000)
    return dialog.status.text()


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder the person may not write to: a read-only one, or (as root, who may write anywhere on disk)
    Linux's /sys, which refuses everyone."""
    if os.name == "posix" and os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    if Path("/sys/kernel").is_dir():
        return Path("/sys/kernel")
    pytest.skip("no folder here refuses the test's user")


def test_bad_rows_that_cannot_be_saved_say_why_in_the_persons_language(qtbot, desk: Desk, tmp_path: Path):
    from hrdesk.ui.i18n import set_language

    path = write_csv(tmp_path / "roster.csv", [HEAD, row("李四", ID_B), row("王五", ID_C[:15] + "000")])
    dialog = _dialog(qtbot, desk, path)
    folder = _unwritable_folder(tmp_path)
    said = _save_bad_rows_as(qtbot, dialog, folder / "bad.xlsx")
    assert said.startswith(f"错误行未能保存到 {folder / 'bad.xlsx'}：没有写入该文件夹的权限"), said
    assert not (folder / "bad.xlsx").exists() and not (folder / ".bad.xlsx.partial").exists()
    assert dialog.notices.count() == 0 or "错误行已保存" not in dialog.notices.item(0).text()
    set_language("en")  # said again in the language the person switches to
    qtbot.waitUntil(lambda: dialog.status.text().startswith("The rows with errors could not be saved to"))
    assert "cannot be written to" in dialog.status.text()
    set_language("zh")


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
