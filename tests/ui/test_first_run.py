"""The first-run guide asks for the three steps in order and emits one signal per step."""

from __future__ import annotations

from hrdesk.ui.first_run import FirstRunGuide


def test_steps_open_in_order_and_emit_signals(qtbot):
    guide = FirstRunGuide()
    qtbot.addWidget(guide)
    assert guide.current_step() == 1
    assert guide.create_unit_button.isEnabled() and not guide.import_button.isEnabled()
    assert not guide.attach_button.isEnabled()
    with qtbot.waitSignal(guide.createUnitRequested):
        guide.create_unit_button.click()
    guide.set_progress(units=1, employees=0, materials=0)
    assert guide.current_step() == 2 and guide.marks[0].text() == "✓"
    for button, signal in (
        (guide.import_button, guide.importRosterRequested),
        (guide.add_employee_button, guide.addEmployeeRequested),
    ):
        with qtbot.waitSignal(signal):
            button.click()
    guide.set_progress(units=1, employees=3, materials=0)
    with qtbot.waitSignal(guide.attachScansRequested):
        guide.attach_button.click()
    guide.set_progress(1, 3, 5)
    assert guide.current_step() == 4 and [m.text() for m in guide.marks] == ["✓", "✓", "✓"]
