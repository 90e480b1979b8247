"""A long roster import and a person's save at the same time, through the window: the import writes batch
by batch through the one writer thread, so the save goes in between two batches — it neither waits for
the whole import nor fights it for the database's lock ("database is locked") — and both land."""

from __future__ import annotations

import threading
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QPushButton
from sqlmodel import select

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.rosters.writing import BATCH_ROWS
from hrdesk.rules.idnumber import check_char
from hrdesk.store import models as m

from .conftest import wait_pool
from .modal import when_modal

ROOT = Path(__file__).resolve().parents[2]
ROWS = 6 * BATCH_ROWS  # a few thousand people: six batches
HELD_BATCH = 3  # its unit is new: the batch is held inside its write while the person saves


def _roster(path: Path) -> Path:
    """New people only; from the third batch on they work for a second unit, which the import creates."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("员工名单")
    ws.append(["姓名", "身份证号", "单位名称", "统一社会信用代码", "所在区", "入职日期", "最高学位"])
    for i in range(ROWS):
        first17 = f"{110101 + i // 1000:06d}{1970 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        second = i >= (HELD_BATCH - 1) * BATCH_ROWS
        unit = (
            ("北京导入第二科技有限公司", "91110114MA0IMP002X")
            if second
            else ("北京导入科技有限公司", "91110114MA0IMP001X")
        )
        ws.append([f"员工{i:05d}", first17 + check_char(first17), *unit, "昌平区", "2024-03-01", "学士"])
    wb.save(path)
    return path


def _button(widget, text: str) -> QPushButton:
    (button,) = [b for b in widget.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return button


def test_a_save_made_during_a_long_import_goes_in_between_two_batches(
    qtbot, window, desk: Desk, tmp_path: Path, request
) -> None:
    from hrdesk.ui.rosters.import_dialog import ImportDialog

    person = desk.employees.add_profile(
        load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    )
    window.reload()
    roster = _roster(tmp_path / "名单.xlsx")
    told: list[str] = []
    # A failed save would say so in a box; the watch ends with the test (it would answer later tests' boxes).
    watch = when_modal(lambda box: (told.append(box.text()), box.accept()), QMessageBox)
    request.addfinalizer(watch.stop)

    # The import's write of the third batch meets the new unit and is held there, inside the writer.
    held, go = threading.Event(), threading.Event()
    save_employer = desk.units.save_employer

    def save_employer_then_wait(employer, *args, **kwargs):
        unit_id = save_employer(employer, *args, **kwargs)
        if employer.name == "北京导入第二科技有限公司":
            held.set()
            go.wait(60)
        return unit_id

    desk.units.save_employer = save_employer_then_wait
    request.addfinalizer(go.set)  # a failing test never leaves the import held

    def answer_file(box: QFileDialog) -> None:
        box.setDirectory(str(roster.parent))
        box.findChild(QLineEdit, "fileNameEdit").setText(roster.name)
        box.accept()

    when_modal(answer_file, QFileDialog)
    window.act_import.trigger()  # 文件 → 导入名单…
    (dialog,) = window.findChildren(ImportDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=120000)
    assert dialog.plan.count("new") == ROWS
    qtbot.mouseClick(_button(dialog, "导入"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held.is_set, timeout=120000)

    # Meanwhile the person opens someone in the window and saves: the permit is suspended.
    window.select_employee(person)
    form = window.detail.profile
    qtbot.waitUntil(lambda: window.detail.employee_id == person and bool(form.name.text()), timeout=30000)
    form.permit_status.setCurrentIndex(form.permit_status.findText("挂起"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # queued behind the held batch
    go.set()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=120000)
    wait_pool(qtbot)

    assert told == []  # no "database is locked", no failed save
    result = dialog.import_result
    assert len(result.new_ids) == ROWS and not result.conflicts and not result.cancelled
    assert desk.employees.profile(person).employee.permit.status == "suspended"
    # The save went in right after the batch it waited for, before the next one: one batch, not the import.
    with desk.uow.session() as s:
        trail = s.exec(
            select(m.AuditEntry.action, m.AuditEntry.entity_id)
            .where(m.AuditEntry.entity == "employee")
            .order_by(m.AuditEntry.id)
        ).all()
    imported_before = [
        a for a, e in trail[: trail.index(("update", person))] if a == "create" and e != person
    ]
    assert len(imported_before) == HELD_BATCH * BATCH_ROWS

    qtbot.mouseClick(_button(dialog, "关闭"), Qt.MouseButton.LeftButton)  # the list shows them all
    qtbot.waitUntil(lambda: window.model.rowCount() == ROWS + 1, timeout=60000)
    wait_pool(qtbot)
