"""Forms and roster previews as a person meets them: the form preview is made without freezing the
window, 另存为 PDF writes the form itself (its text can be selected and searched), printing to a PDF
printer passes the vector pages on; the roster preview lists every column it will store and says how
many footer and blank rows it skipped; the checklist counts pages of the stored files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from hrdesk.desks.desk import Desk

from ..packs.test_materials_gui import add_employee
from ..roster.corpus import ID_A, ID_B, UNIT, xlsx
from .conftest import wait_pool


def button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, [b.text() for b in parent.findChildren(QPushButton)]
    return found[0]


def _preview(qtbot, desk: Desk, tmp_path: Path, form_id: str, **answers):
    from hrdesk.ui.forms.form_preview import FormPreviewDialog
    from hrdesk.ui.i18n import set_language

    set_language("zh")
    employee_id = add_employee(desk, tmp_path, name="王小明")
    dialog = FormPreviewDialog(desk, employee_id, form_id, "new", **answers)
    qtbot.addWidget(dialog)
    dialog.show()
    # Made on a worker: the dialog is up at once, its buttons waiting for the form.
    assert not button(dialog, "另存为 PDF…").isEnabled()
    qtbot.waitUntil(dialog.ready, timeout=30000)
    wait_pool(qtbot)
    return dialog


def test_save_as_pdf_writes_the_form_with_its_text(qtbot, desk: Desk, tmp_path: Path):
    target = tmp_path / "out" / "声明"
    target.parent.mkdir()
    asked: list[str] = []
    dialog = _preview(
        qtbot,
        desk,
        tmp_path,
        "integrity-individual",
        choose_save_path=lambda _parent, suggested: asked.append(suggested) or str(target),
    )
    QTest.mouseClick(button(dialog, "另存为 PDF…"), Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".pdf")
    assert asked and asked[0].endswith(".pdf")
    with pymupdf.open(saved) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "王小明" in text and "诚信" in text  # vector text, not a picture of it


class Desktop(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_closing_the_preview_removes_its_form_from_the_temporary_folder(qtbot, desk: Desk, tmp_path: Path):
    """The form holds a person's name and ID number: it leaves /tmp when the preview closes, and a form
    handed to the system's viewer (still open there) when the app exits."""
    from hrdesk.ui import scratch

    dialog = _preview(qtbot, desk, tmp_path, "checklist")
    made = dialog.path
    assert made is not None and made.exists() and made.parent.name.startswith("hrdesk-form-")
    QTest.mouseClick(button(dialog, "关闭"), Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert not made.parent.exists()

    (tmp_path / "two").mkdir()
    viewed = _preview(qtbot, desk, tmp_path / "two", "checklist")
    desktop = Desktop()  # what the system's viewer was handed (recorded, not started)
    QDesktopServices.setUrlHandler("file", desktop, "open")
    try:
        QTest.mouseClick(button(viewed, "用系统阅读器打开"), Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert desktop.opened == [str(viewed.path)]
    QTest.mouseClick(button(viewed, "关闭"), Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert viewed.path.exists()  # the viewer may still be reading it
    scratch.discard_all()  # what the app does at exit
    assert not viewed.path.parent.exists()


def test_print_to_a_pdf_printer_passes_the_vector_pages_on(qtbot, desk: Desk, tmp_path: Path):
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"

    def printer(_parent):
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    dialog = _preview(qtbot, desk, tmp_path, "checklist", choose_printer=printer)
    QTest.mouseClick(button(dialog, "打印…"), Qt.MouseButton.LeftButton)
    wait_pool(qtbot)
    assert dialog.status.text().startswith("已发送到打印机")
    with pymupdf.open(out) as doc:
        assert "材料" in doc[0].get_text()


def test_a_printer_gets_pages_drawn_at_its_own_resolution(tmp_path: Path, qtbot):
    """Not a fixed 300 dpi: a 150-dpi device gets 150-dpi pages (an A4 page 1240 pixels wide)."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from hrdesk.ui.forms.form_preview import draw_pages

    source = tmp_path / "one.pdf"
    with pymupdf.open() as doc:
        doc.new_page(width=595, height=842).insert_text((72, 72), "HELLO PRINTER")
        doc.save(source)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "drawn.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setResolution(150)
    assert draw_pages(source, printer, printer.resolution()) == 1
    with pymupdf.open(tmp_path / "drawn.pdf") as doc:
        (image,) = doc[0].get_images()
    assert abs(image[2] - 1240) <= 2, image  # its width in pixels


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    head = ["姓名", "身份证号", "单位名称", "所在区", "入职日期", "最高学位", "劳动合同终止日期"]
    return xlsx(
        tmp_path / "roster.xlsx",
        [
            (
                "花名册",
                [
                    head,
                    ["张三", ID_A, UNIT, "昌平区", "2024-03-01", "硕士", "2027-02-28"],
                    [None] * 7,
                    ["李四", ID_B, UNIT, "昌平区", "2023-07-15", "学士", None],
                    ["合计", None, None, None, None, None, None],
                    ["制表人：王会计", None, None, None, None, None, None],
                ],
            ),
            (
                "申报收入",
                [
                    ["姓名", "身份证号", "所属期", "申报收入（元）"],
                    ["张三", ID_A, "2026-09", 31000],
                    ["张三", ID_A, "2026-10", 31000],
                ],
            ),
        ],
    )


def test_import_preview_lists_every_column_it_will_store(qtbot, desk: Desk, roster: Path):
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.rosters.import_dialog import ImportDialog

    set_language("zh")
    dialog = ImportDialog(desk, roster, today=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    table = dialog.new_table
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    for wanted in ("姓名", "单位名称", "所在区", "入职日期", "最高学位", "劳动合同终止日期"):
        assert wanted in headers, headers
    assert "申报收入（元） 2026-09" in headers
    first = {headers[i]: table.item(0, i).text() for i in range(table.columnCount())}
    assert first["入职日期"] == "2024-03-01" and first["劳动合同终止日期"] == "2027-02-28"
    assert first["申报收入（元） 2026-10"] == "31,000.00"
    assert dialog.plan.skipped_footer >= 1 and dialog.plan.skipped_blank >= 1
    notices = [dialog.notices.item(i).text() for i in range(dialog.notices.count())]
    assert any("个合计/表尾行" in n for n in notices), notices
    assert not dialog.plan.errors  # the 合计 row is not an error


def test_checklist_counts_the_stored_pages_outside_a_pack(qtbot, desk: Desk, tmp_path: Path):
    from hrdesk.forms.documents import make_form

    employee_id = add_employee(desk, tmp_path, name="赵六")
    profile = desk.employees.profile(employee_id)
    hukou = [m for m in profile.materials if m.kind == "hukou-pages"]
    assert hukou and hukou[0].pages == 2
    pdf = make_form("checklist", profile, "new", data_dir=desk.data_dir, today=desk.clock.today())
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        page = doc[0]
        row = next(b for b in page.get_text("words") if b[4].startswith("户口"))
        same_line = [w[4] for w in page.get_text("words") if abs(w[1] - row[1]) < 3]
    assert "2" in same_line, same_line


def test_the_dashboard_says_it_is_loading_instead_of_showing_zeros(
    qtbot, desk: Desk, data_dir: Path, tmp_path
):
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.main_window import MainWindow

    set_language("zh")
    add_employee(desk, tmp_path, name="孙七")
    window = MainWindow(desk, data_dir)
    qtbot.addWidget(window)
    cards = list(window.dashboard.buttons.values())
    assert "正在载入" in window.dashboard.title.text()
    assert all(b.text().endswith("…") and not b.isEnabled() for b in cards)
    wait_pool(qtbot)
    assert window.dashboard.title.text() == "概览"
    assert sum(int(b.text().splitlines()[-1]) for b in cards) == 1
