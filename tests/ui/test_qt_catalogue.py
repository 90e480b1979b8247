"""Qt's own texts follow the language: Yes/No, OK/Cancel and dialog buttons are Chinese in Chinese."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hrdesk.ui.i18n import qt_catalogue, set_language


def _texts(qtbot) -> list[str]:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    return [b.text() for b in box.buttons()] + [b.text() for b in buttons.buttons()]


def test_standard_buttons_follow_the_language(qtbot):
    assert qt_catalogue("zh") is not None and qt_catalogue("zh").parent.name == "translations"
    try:
        set_language("zh")
        zh = _texts(qtbot)
        assert all(any("\u4e00" <= c <= "\u9fff" for c in text) for text in zh), zh
        set_language("en")
        en = _texts(qtbot)
        assert {t.replace("&", "") for t in en} >= {"Yes", "No", "OK", "Cancel"}, en
    finally:
        set_language("zh")
