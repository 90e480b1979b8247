"""The PDF preview opens fitted to width, its paging controls follow the document, it shows the
zoom level, a page past the end never blanks the preview, and a file it cannot show is said in the
window's language."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from hrdesk.ui.materials.pdf_preview import PdfPreview

from .conftest import wait_pool


def _pdf(path: Path, pages: int) -> Path:
    doc = pymupdf.open()
    for i in range(pages):
        doc.new_page(width=595, height=842).insert_text((72, 72), f"page {i + 1}")
    doc.save(path)
    return path


def test_opens_fitted_to_width_and_paging_follows_the_document(qtbot, tmp_path: Path):
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    preview.set_file(_pdf(tmp_path / "two.pdf", 2))
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: preview.page_count == 2 and not preview.image.pixmap().isNull())
    wait_pool(qtbot)
    width = preview.image.pixmap().width()
    view = preview.scroll.viewport().width()
    assert view - 40 <= width <= view  # fitted to the width, nothing cut off on the right
    assert preview.zoom_label.text() == f"{preview.zoom_percent()}%"
    assert not preview.prev_button.isEnabled() and preview.next_button.isEnabled()
    preview.next_button.click()
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: preview.page == 1 and not preview.next_button.isEnabled())
    assert preview.prev_button.isEnabled()
    preview.show_page(5)  # past the end: nothing happens, the page stays
    assert preview.page == 1 and not preview.image.pixmap().isNull()
    before = preview.zoom_percent()
    preview.zoom_in.click()
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: preview.zoom_label.text() != f"{before}%")


def test_a_one_page_file_has_no_paging(qtbot, tmp_path: Path):
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show()
    preview.set_file(_pdf(tmp_path / "one.pdf", 1))
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: preview.page_count == 1)
    assert not preview.prev_button.isEnabled() and not preview.next_button.isEnabled()
    assert not preview.page_box.isEnabled()


def test_a_file_opened_fitted_is_drawn_once(qtbot, tmp_path: Path, monkeypatch):
    """Selecting a file draws its page once, at the fitted size: not first at the last file's zoom to
    learn the page's size, then again (every selection cost two renders of a 300-dpi scan)."""
    from hrdesk.pdf import render

    asked: list[tuple[str, int]] = []
    real = render.preview_page

    def counted(path: Path, page: int = 0, dpi: int = 110, fit_width: int = 0):
        asked.append((Path(path).name, page))
        return real(path, page, dpi, fit_width)

    monkeypatch.setattr("hrdesk.ui.materials.pdf_preview.preview_page", counted)  # counted, still drawn
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    for name in ("a.pdf", "b.pdf"):
        pdf = _pdf(tmp_path / name, 2)
        with pymupdf.open(pdf) as doc:  # b is half as wide: a new fit, not the last file's zoom
            if name == "b.pdf":
                for page in doc:
                    page.set_mediabox(pymupdf.Rect(0, 0, 300, 842))
                doc.saveIncr()
        preview.set_file(pdf)
        wait_pool(qtbot)
        qtbot.waitUntil(lambda: preview.page_count == 2 and not preview.image.pixmap().isNull())
        wait_pool(qtbot)
        view = preview.scroll.viewport().width()
        assert view - 40 <= preview.image.pixmap().width() <= view, name  # fitted to the width
        assert asked == [(name, 0)], asked  # drawn once
        asked.clear()


def test_a_file_the_preview_cannot_show_is_said_in_the_window_language(qtbot, tmp_path: Path):
    import re

    from hrdesk.ui.i18n import set_language

    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text((72, 72), "secret")
    locked = tmp_path / "locked.pdf"
    doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show()
    set_language("en")
    try:
        preview.set_file(locked)
        wait_pool(qtbot)
        qtbot.waitUntil(lambda: "encrypted" in preview.image.text())
        assert not re.search(r"[\u4e00-\u9fff]", preview.image.text()), preview.image.text()
    finally:
        set_language("zh")
    preview.clear()
    preview.set_file(locked)
    wait_pool(qtbot)
    qtbot.waitUntil(lambda: "已加密" in preview.image.text())
