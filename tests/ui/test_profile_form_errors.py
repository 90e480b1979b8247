"""The employee form as a new HR officer meets it: a new, untouched form shows no red errors; the first
edit shows what is still missing; 保存 shows everything; and the red texts switch language with the window
(and back), not only the labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.ui.i18n import set_language

from .conftest import wait_pool

ROOT = Path(__file__).resolve().parents[2]


def _shown(form) -> dict[str, str]:
    return {key: label.text() for key, label in form._errors.items() if not label.isHidden()}


def test_a_new_form_is_quiet_until_typed_in_and_its_errors_switch_language(qtbot, window, desk: Desk):
    desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    window.reload()
    wait_pool(qtbot)
    window.act_new.trigger()
    form = window.detail.profile
    assert _shown(form) == {}
    assert not form.save_button.isEnabled()  # still nothing to save

    QTest.keyClicks(form.name, "Wang")
    QTest.keyClicks(form.id_number, "1101")
    shown = _shown(form)
    assert "id_number" in shown and "应为18位" in shown["id_number"]

    set_language("en")
    qtbot.waitUntil(
        lambda: "18" in _shown(form).get("id_number", "") and "应为" not in _shown(form)["id_number"]
    )
    set_language("zh")
    qtbot.waitUntil(lambda: "应为18位" in _shown(form).get("id_number", ""))

    form.id_number.clear()
    form.name.clear()
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)  # 保存 on an incomplete form shows every error
    assert {"name", "id_number"} <= set(_shown(form))
