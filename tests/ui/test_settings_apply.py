"""Settings apply on OK, not before, and say what a new wage figure will change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hrdesk.checks.check import load_profile_file, policies
from hrdesk.clock import FixedClock
from hrdesk.desks.desk import Desk
from hrdesk.ui.desks.settings_dialog import SettingsDialog

from .conftest import wait_pool
from .modal import when_modal

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)


def _stored(desk: Desk) -> set[int]:
    return {f.monthly for f in policies(desk.data_dir).wages}


def _enter_wage(qtbot, dialog: SettingsDialog, monthly: int) -> None:
    dialog.wage_year.setValue(2025)
    dialog.wage_amount.setText(str(monthly))
    dialog.wage_effective.setText("2026-11-20")
    dialog.add_wage()
    wait_pool(qtbot)


def test_a_wage_figure_is_previewed_and_dropped_on_cancel(qtbot, desk: Desk, settings_dir):
    desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    dialog = SettingsDialog(desk, desk.data_dir, today=ON)
    qtbot.addWidget(dialog)
    _enter_wage(qtbot, dialog, 20000)
    text = dialog.wage_preview.text()
    assert "此工资标准将使 1 名员工的收入门槛从" in text and "变为 24,000" in text, text
    assert 20000 not in _stored(desk)  # nothing written before OK
    dialog.reject()
    assert 20000 not in _stored(desk)


def test_ok_in_the_window_writes_the_figure(qtbot, window, desk: Desk):
    window.clock = FixedClock.on(ON)

    def fill_and_ok(dialog) -> None:
        _enter_wage(qtbot, dialog, 21000)
        assert 21000 not in _stored(desk)
        dialog.accept()

    when_modal(fill_and_ok)
    window.open_settings()
    wait_pool(qtbot)
    assert 21000 in _stored(desk)
