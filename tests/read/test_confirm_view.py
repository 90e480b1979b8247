"""从扫描件填写 through the window's buttons: an ID card attached to an empty record fills its name and ID
number (and so its birth date) once HR ticks them and confirms; nothing is written without a tick; the
audit log names the file and page each value came from, never the value."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hrdesk.checks.check import load_profile_file
from hrdesk.rules.idnumber import parse_id_number

from ..timeless import keep_current
from ..ui.conftest import desk, wait_pool, window  # noqa: F401 - the window's fixtures

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_record(desk):  # noqa: F811
    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    profile.employee.name, profile.employee.id_number = "", ""
    profile.materials = [m for m in profile.materials if m.kind != "id-card"]
    return desk.employees.add_profile(profile)


def _open_dialog(qtbot, window, employee_id, scan_path):  # noqa: F811
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    panel = window.detail.materials
    panel.attach_files("id-card", [str(scan_path)])
    wait_pool(qtbot)
    panel._select_slot("id-card")
    qtbot.mouseClick(panel.fill_button, Qt.MouseButton.LeftButton)
    dialog = panel.fill_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=60000)
    return dialog


def _row(dialog, field):
    return next(i for i, (p, _crop) in enumerate(dialog.rows) if p.read.field == field)


def test_ticked_fields_fill_the_record_with_their_source_in_the_audit_log(
    qtbot,
    window,  # noqa: F811
    desk,  # noqa: F811
    empty_record,
    scans,
):
    scan = scans["id-card-300-song"]
    dialog = _open_dialog(qtbot, window, empty_record, scan.path)
    states = {p.read.field: p.state for p, _crop in dialog.rows}
    assert states == {"name": "empty", "id_number": "empty"}
    for field in ("name", "id_number"):
        item = dialog.table.item(_row(dialog, field), 0)
        assert item.checkState() == Qt.CheckState.Unchecked  # proposed, not taken
        item.setCheckState(Qt.CheckState.Checked)  # HR ticks the box
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    employee = desk.employees.profile(empty_record).employee
    assert employee.name == scan.person.name
    assert employee.id_number == scan.person.id_number
    assert parse_id_number(employee.id_number).birth_date == scan.person.born
    entries = [e for e in desk.audit.audit_entries() if e.action == "fill-from-scan"]
    assert len(entries) == 1 and entries[0].entity_id == empty_record
    assert entries[0].fields == f"id_number<{scan.path.name} p.1,name<{scan.path.name} p.1"
    for e in desk.audit.audit_entries():
        assert scan.person.name not in e.fields and scan.person.id_number not in e.fields


def test_a_difference_shows_the_crop_and_nothing_is_written_without_a_tick(
    qtbot,
    window,  # noqa: F811
    desk,  # noqa: F811
    scans,
    monkeypatch,
):
    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    profile.materials = [m for m in profile.materials if m.kind != "id-card"]
    employee_id = desk.employees.add_profile(profile)
    before = desk.employees.employee(employee_id).version
    dialog = _open_dialog(qtbot, window, employee_id, scans["id-card-200-hei"].path)
    row = _row(dialog, "name")
    assert dialog.rows[row][0].state == "differs"
    assert dialog.rows[row][0].current == profile.employee.name
    dialog.table.setCurrentCell(row, 1)
    assert dialog.crop.pixmap() is not None and not dialog.crop.pixmap().isNull()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a))
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert told  # "nothing ticked: the record is unchanged"
    assert desk.employees.employee(employee_id).version == before
    assert desk.employees.profile(employee_id).employee.name == profile.employee.name
