"""The page preview's buttons fit beside the list and the checklist on a 1366-pixel laptop in either
language: on one row the English labels needed 827 px and were cut; fitting and turning now sit on a
row of their own."""

from __future__ import annotations

import pytest

from hrdesk.ui.i18n import set_language
from hrdesk.ui.materials.pdf_preview import PdfPreview


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_preview_button_shows_its_whole_label(qtbot, lang):
    set_language(lang)
    try:
        preview = PdfPreview()
        qtbot.addWidget(preview)
        for button in (preview.rotate_left, preview.rotate_right):
            button.setVisible(True)
        assert preview.minimumSizeHint().width() <= 520
        preview.resize(520, 600)
        preview.show()
        qtbot.waitExposed(preview)
        buttons = (
            preview.fit_width_button,
            preview.fit_page_button,
            preview.rotate_left,
            preview.rotate_right,
        )
        assert all(b.width() >= b.sizeHint().width() for b in buttons), [
            (b.text(), b.width()) for b in buttons
        ]
    finally:
        set_language("zh")
