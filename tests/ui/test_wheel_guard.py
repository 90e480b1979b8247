"""The wheel never changes a field a person only scrolls past, in any dialog: every combo box, spin box
and date field of every dialog keeps its value under the wheel until it has focus, then steps."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

from hrdesk.desks.desk import Desk
from hrdesk.ui.i18n import set_language

from .conftest import wait_pool
from .test_dialog_language import _dialogs
from .test_language_leaks import filled  # noqa: F401  (fixture)
from .test_visible_state import _wheel


def _value(field) -> object:
    return field.currentIndex() if isinstance(field, QComboBox) else field.text()


@pytest.mark.usefixtures("settings_dir")
def test_no_field_of_any_dialog_turns_under_the_wheel_unless_focused(
    qtbot,
    filled: Desk,  # noqa: F811
    data_dir: Path,
) -> None:
    from hrdesk.ui.main_window import MainWindow

    set_language("zh")
    window = MainWindow(filled, data_dir)
    qtbot.addWidget(window)
    window.show()
    wait_pool(qtbot)
    dialogs = _dialogs(filled, data_dir, window)
    guarded = 0
    try:
        for dialog in dialogs:
            dialog.show()
            wait_pool(qtbot)
            fields = [
                f
                for f in [*dialog.findChildren(QComboBox), *dialog.findChildren(QAbstractSpinBox)]
                if f.isVisible() and f.isEnabled() and not getattr(f, "isReadOnly", lambda: False)()
            ]
            for field in fields:
                before = _value(field)
                _wheel(field, -1)
                _wheel(field, 1)
                assert _value(field) == before, (type(dialog).__name__, type(field).__name__)
                guarded += 1
            stepping = next((f for f in fields if isinstance(f, QComboBox) and f.count() > 2), None)
            if stepping is not None:  # focused, the same wheel is the field's
                dialog.activateWindow()
                stepping.setFocus()
                qtbot.waitUntil(stepping.hasFocus, timeout=2000)
                before = stepping.currentIndex()
                _wheel(stepping, -1 if before < stepping.count() - 1 else 1)
                assert stepping.currentIndex() != before, type(dialog).__name__
                stepping.setCurrentIndex(before)
            dialog.hide()
    finally:
        for dialog in dialogs:
            if shiboken6.isValid(dialog):
                dialog.close()
        wait_pool(qtbot)
        window.detail.profile.discard()
    assert guarded >= 10  # Settings, units, bulk packs, the agent: their combos and spin boxes were tried
