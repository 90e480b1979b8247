"""A folder of one person's scans dropped on the employee list (a real drop of file URLs): the ID card
proposes the new record, the other scans are sorted into their slots, HR ticks and clicks, and only then
is the record stored with its files attached; the confirmation view then proposes the rest. Every value
taken names its file and page in the audit log, never the value."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from hrdesk.materials.inspection.reading import cache_dir
from hrdesk.rules.idnumber import parse_id_number

from ..ui.conftest import desk, unit_id, wait_pool, window  # noqa: F401 - the window's fixtures
from .conftest import fields_truth


@pytest.fixture
def folder(tmp_path, scans):
    """One person's scans: the session's ID card and, drawn for the same person, a labour contract
    (in the other body font) and a lease."""
    out = tmp_path / "新员工扫描件"
    out.mkdir()
    card = scans["id-card-300-song"]
    shutil.copy(card.path, out / "身份证.pdf")
    for kind, name, look in (("labour-contract", "劳动合同", "hei"), ("lease-contract", "租房合同", "song")):
        data, suffix = fields_truth.draw(kind, card.person, 101, dpi=300, look=look)
        (out / f"{name}{suffix}").write_bytes(data)
    return out


def _drop(widget, folder) -> None:
    """What the platform delivers when a folder is dragged from the file manager onto the list."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    at = widget.rect().center()
    enter = QDragEnterEvent(
        at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _tick(qtbot, table, row: int) -> None:
    """A click on the row's check box, as HR ticks it."""
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )
    assert table.item(row, 0).checkState() == Qt.CheckState.Checked


def test_a_dropped_folder_becomes_a_new_record_after_hr_ticks_and_confirms(
    qtbot,
    window,  # noqa: F811
    desk,  # noqa: F811
    unit_id,  # noqa: F811
    folder,
    scans,
):
    window.reload()
    wait_pool(qtbot)
    before = {s.id for s in desk.employees.summaries()}
    _drop(window.table.viewport(), folder)
    dialog = window.folder_drop.dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=120000)
    card = scans["id-card-300-song"]
    truth = fields_truth.truth("labour-contract", card.person)
    proposed = {f.field: f.value for f, _file in dialog.identity_rows}
    assert proposed == {"name": card.person.name, "id_number": card.person.id_number}
    slots = {path.name: kind for path, kind in dialog.file_rows}
    assert slots == {
        "身份证.pdf": "id-card",
        "劳动合同.pdf": "labour-contract",
        "租房合同.pdf": "lease-contract",
    }
    assert {s.id for s in desk.employees.summaries()} == before  # nothing stored before HR confirms
    for row in range(len(dialog.identity_rows)):
        assert dialog.identity.item(row, 0).checkState() == Qt.CheckState.Unchecked
        _tick(qtbot, dialog.identity, row)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm_view is not None, timeout=120000)
    wait_pool(qtbot)

    (new_id,) = {s.id for s in desk.employees.summaries()} - before
    employee = desk.employees.profile(new_id).employee
    assert employee.name == card.person.name and employee.id_number == card.person.id_number
    assert parse_id_number(employee.id_number).birth_date == card.person.born
    attached = {(m.kind, m.original_name) for m in desk.materials.materials(new_id)}
    assert attached == {(kind, name) for name, kind in slots.items()}
    assert window.model.row_of(new_id) is not None  # the list shows the new person

    # The confirmation view for the rest: the contract's end is proposed; HR ticks it and writes it.
    view = dialog.confirm_view
    qtbot.waitUntil(lambda: view.loaded, timeout=120000)
    fields = {p.read.field: i for i, (p, _crop) in enumerate(view.rows)}
    assert "name" not in fields and "id_number" not in fields  # already the record's
    end_row = next(
        i for i, (p, _crop) in enumerate(view.rows) if p.read.field == "end" and p.file == "劳动合同.pdf"
    )
    assert view.rows[end_row][0].state == "empty"
    _tick(qtbot, view.table, end_row)
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert desk.employees.profile(new_id).employee.contract_ends_on == date.fromisoformat(truth["end"])

    entries = [
        e for e in desk.audit.audit_entries() if e.action == "fill-from-scan" and e.entity_id == new_id
    ]
    sources = sorted(e.fields for e in entries)
    page = view.rows[end_row][0].read.page
    assert sources == sorted(
        [
            "id_number<身份证.pdf p.1,name<身份证.pdf p.1",
            f"end<劳动合同.pdf p.{page}",
        ]
    )
    for e in desk.audit.audit_entries():
        assert card.person.name not in e.fields and card.person.id_number not in e.fields


def test_a_folder_dropped_and_cancelled_stores_nothing(
    qtbot,
    window,  # noqa: F811
    desk,  # noqa: F811
    unit_id,  # noqa: F811
    scans,
    read_dir,
    tmp_path,
):
    folder = tmp_path / "one-card"
    folder.mkdir()
    shutil.copy(scans["id-card-300-song"].path, folder / "身份证.pdf")
    shutil.copytree(cache_dir(read_dir), cache_dir(desk.data_dir), dirs_exist_ok=True)  # read before
    window.reload()
    wait_pool(qtbot)
    before = {s.id for s in desk.employees.summaries()}
    _drop(window.table.viewport(), folder)
    dialog = window.folder_drop.dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=120000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert {s.id for s in desk.employees.summaries()} == before
    assert not [e for e in desk.audit.audit_entries() if e.action == "fill-from-scan"]
