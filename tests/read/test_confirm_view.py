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
from . import certificates

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_record(desk):  # noqa: F811
    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    profile.employee.name, profile.employee.id_number = "", ""
    profile.materials = [m for m in profile.materials if m.kind != "id-card"]
    return desk.employees.add_profile(profile)


def _open_dialog(qtbot, window, employee_id, scan_path, kind="id-card"):  # noqa: F811
    window.reload(select_id=employee_id)
    wait_pool(qtbot)
    panel = window.detail.materials
    panel.attach_files(kind, [str(scan_path)])
    wait_pool(qtbot)
    panel._select_slot(kind)
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


def test_a_deeds_owner_taken_into_a_record_without_housing_makes_it_owned(
    qtbot,
    window,  # noqa: F811
    desk,  # noqa: F811
    tmp_path,
):
    """A deed in the employee's own name: the housing it starts is their own property, not a rental."""
    data, suffix, holder = certificates.scan(
        "property-certificate", 25, style="table", dpi=300, look="serif", capture="flatbed"
    )
    deed = tmp_path / f"房产证{suffix}"
    deed.write_bytes(data)
    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    profile.employee.name, profile.employee.housing = holder.name, None
    profile.materials = [m for m in profile.materials if m.kind != "property-certificate"]
    employee_id = desk.employees.add_profile(profile)
    dialog = _open_dialog(qtbot, window, employee_id, deed, kind="property-certificate")
    row = _row(dialog, "owner")
    assert dialog.rows[row][0].state == "empty"
    dialog.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    housing = desk.employees.profile(employee_id).employee.housing
    assert housing is not None and housing.owner_name == holder.name
    assert housing.kind == "owned"


def test_the_kind_of_a_new_housing_follows_its_documents():
    """A lease makes it rented (a deed beside it proves the lessor's title); a deed in someone else's
    name, alone, a borrowed home."""
    from hrdesk.materials.inspection.field_readers import ReadField
    from hrdesk.materials.inspection.fields import with_values

    profile = keep_current(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    profile.employee.housing = None
    box = (0.1, 0.1, 0.2, 0.2)
    deed_owner = ReadField(
        "owner", "王建国", 1, box, 0.99, "employee.housing.owner_name", "property-certificate"
    )
    lessor = ReadField("lessor", "王建国", 1, box, 0.99, "employee.housing.owner_name", "lease-contract")
    own = ReadField(
        "owner", profile.employee.name, 1, box, 0.99, "employee.housing.owner_name", "property-certificate"
    )
    assert with_values(profile, [deed_owner]).employee.housing.kind == "borrowed"
    assert with_values(profile, [own]).employee.housing.kind == "owned"
    assert with_values(profile, [deed_owner, lessor]).employee.housing.kind == "rented"
    assert with_values(profile, [lessor]).employee.housing.kind == "rented"


def test_the_files_are_looked_up_and_read_off_the_ui_thread(
    qtbot,
    window,  # noqa: F811
    desk,  # noqa: F811
    empty_record,
    scans,
    monkeypatch,
):
    """从扫描件填写 opens at once, busy; the vault lookup and the reading run on a worker."""
    import threading

    asked_on = []
    lookup = desk.materials.materials

    def materials(*args, **kwargs):
        asked_on.append(threading.current_thread() is threading.main_thread())
        return lookup(*args, **kwargs)

    window.reload(select_id=empty_record)
    wait_pool(qtbot)
    panel = window.detail.materials
    panel.attach_files("id-card", [str(scans["id-card-300-song"].path)])
    wait_pool(qtbot)
    panel._select_slot("id-card")
    monkeypatch.setattr(desk.materials, "materials", materials)
    qtbot.mouseClick(panel.fill_button, Qt.MouseButton.LeftButton)
    dialog = panel.fill_dialog
    assert dialog.isVisible() and not dialog.busy_bar.isHidden()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=60000)
    assert dialog.busy_bar.isHidden() and {p.read.field for p, _crop in dialog.rows} == {"name", "id_number"}
    assert asked_on and not any(asked_on)  # every lookup ran on a worker
