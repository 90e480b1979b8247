"""Where the window's file dialogs open: the person's Documents folder the first time (never the folder
the program was started from, which on Windows is the install folder), then the folder they chose last
time for the same purpose; the export itself runs on a worker and says where it wrote."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk

from .conftest import wait_pool
from .modal import when_modal

ROOT = Path(__file__).resolve().parents[2]


def _export_through_the_dialog(qtbot, window, target: Path) -> str:
    opened: list[str] = []
    told: list[str] = []

    def answer_file(dialog: QFileDialog) -> None:
        opened.append(dialog.directory().absolutePath())
        dialog.setDirectory(str(target.parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(target.name)  # typed, as a person does
        dialog.accept()

    def answer_box(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    when_modal(answer_file, QFileDialog)
    window.files.export_file()
    when_modal(answer_box, QMessageBox)
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    wait_pool(qtbot)
    assert str(target) in told[0]
    return opened[0]


def test_export_opens_in_documents_then_where_the_last_export_went(
    qtbot, window, desk: Desk, tmp_path: Path, monkeypatch
):
    desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    window.reload()
    wait_pool(qtbot)
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    started_in = tmp_path / "program"
    started_in.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(started_in)
    elsewhere = tmp_path / "hr-files"
    elsewhere.mkdir()

    first = _export_through_the_dialog(qtbot, window, elsewhere / "roster.xlsx")
    assert Path(first) == home / "Documents"
    rows = list(load_workbook(elsewhere / "roster.xlsx", read_only=True).worksheets[0].values)
    assert any("张三" in str(cell) for row in rows for cell in row if cell)

    second = _export_through_the_dialog(qtbot, window, elsewhere / "again.xlsx")
    assert Path(second) == elsewhere
    assert (elsewhere / "again.xlsx").is_file()
