"""A person at the real program: started through the entry point a user runs (`hrdesk --data-dir DIR
--lang L`, here `hrdesk.cli.main`), then only what a person does: toolbar buttons, menu entries and dialog
buttons found by their visible text and clicked with the mouse, keys pressed, the dialogs that open
answered by clicking their buttons. Any exception anywhere ends the run with a failure. Prints one JSON
line (what was pressed, what was seen) and "ok". Run by test_person_drives.py in a subprocess."""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QWidget,
)

import hrdesk.ui.app as app_module
from hrdesk.cli import main

LANG = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "zh"
ZH = LANG == "zh"
errors: list[str] = []
pressed: dict[str, list[str]] = {"toolbar": [], "menu": [], "dialog": []}
seen: dict[str, Any] = {"dialogs": {}}
# Every button seen enabled in a dialog the app opened ("Dialog:text"), noted at every step: the test fails on
# any that was never pressed, so a button added to a dialog cannot go untried.
buttons_seen: set[str] = set()
WORK = Path(os.environ.get("HRDESK_DRIVE_WORK") or Path.cwd())  # where the person saves files
opened_urls: list[str] = []  # what 打开 / 用系统阅读器打开 handed to the desktop (recorded, not run)


def where(dialog: QWidget) -> str:
    """A dialog as the ledger names it: our dialogs by class, Qt's message boxes by their title (each
    asks its own question); Qt's file and print choosers are one dialog each, whoever opens them."""
    name = type(dialog).__name__
    if name in ("QFileDialog", "QPrintDialog"):
        return name
    if name.startswith("Q"):
        return f"{name}[{plain(dialog.windowTitle())}]"
    return name


def note_buttons() -> None:
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QDialog) and top.isVisible():
            for b in top.findChildren(QAbstractButton):
                if b.window() is not top:  # a box opened over the dialog is its child: its own entry
                    continue
                # Every button a person could press here (a greyed one waits until it can be pressed).
                if (
                    isinstance(b, (QPushButton, QToolButton))
                    and b.isVisible()
                    and b.isEnabled()
                    and plain(b.text())
                ):
                    buttons_seen.add(f"{where(top)}:{plain(b.text())}")


def fail_on_exception(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    errors.append("".join(traceback.format_exception(kind, error, tb)))
    sys.stderr.write(errors[-1])


def T(zh: str, en: str) -> str:  # noqa: N802  what the person reads, in the language they chose
    return zh if ZH else en


def plain(text: str) -> str:
    """The text as read: no mnemonic marks ("&Yes", Chinese "否(N)"), no shortcut after a tab."""
    import re

    return re.sub(r"\(\w\)$", "", text.replace("&", "").split("\t")[0].strip()).strip()


def find_button(root: QWidget, *texts: str) -> QAbstractButton:
    wanted = {plain(t) for t in texts}
    for b in root.findChildren(QAbstractButton):
        if b.isVisible() and b.isEnabled() and plain(b.text()) in wanted:
            return b
    shown = sorted({plain(b.text()) for b in root.findChildren(QAbstractButton) if b.isVisible()})
    raise LookupError(f"no button {texts} in {type(root).__name__}: {shown}")


def modal() -> QWidget | None:
    return QApplication.activeModalWidget()


class Click:
    """Clicked from the event loop, not from the scenario: a click that opens a modal dialog returns
    only when the dialog closes, while the scenario goes on answering it."""

    def __init__(self, widget: QWidget, where: QPoint | None = None, key: Any = None) -> None:
        self.widget, self.where, self.key = widget, where, key


class Driver:
    def __init__(self, scenario: Iterator[Any], done: Callable[[], None]) -> None:
        self.scenario, self.done = scenario, done
        self.wait: Callable[[], bool] | None = None
        self.deadline = 0.0
        self.running = False
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if self.running:
            return
        note_buttons()
        if self.wait is not None:
            if not self.wait():
                if time.monotonic() > self.deadline:
                    errors.append(f"timed out waiting: {getattr(self.wait, '__doc__', '') or self.wait}")
                    self.finish()
                return
            self.wait = None
        self.running = True
        try:
            step = next(self.scenario)
        except StopIteration:
            self.finish()
            return
        except Exception:  # noqa: BLE001  a failed step ends the run with its traceback
            errors.append(traceback.format_exc())
            self.finish()
            return
        finally:
            self.running = False
        sys.stderr.write(
            f"step: {getattr(getattr(step, 'widget', None), 'text', lambda: '')() if isinstance(step, Click) else step.__doc__}\n"
        )
        if isinstance(step, Click):
            QTimer.singleShot(0, lambda s=step: self.click(s))
        elif callable(step):
            self.wait, self.deadline = step, time.monotonic() + 90

    @staticmethod
    def click(step: Click) -> None:
        if step.key is not None:
            step.widget.window().activateWindow()  # shortcuts reach the active window, as on a desktop
            QApplication.processEvents()
            QTest.keyClick(step.widget, *step.key)
        else:
            QTest.mouseClick(
                step.widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, step.where or QPoint()
            )

    def finish(self) -> None:
        self.timer.stop()
        open_modal = modal()
        if open_modal is not None:  # a dialog left open by a failed step: close it so the run can end
            open_modal.close()
        self.scenario.close() if hasattr(self.scenario, "close") else None
        self.done()


def workers_busy() -> bool:
    from hrdesk.ui import workers

    return workers.busy()


def new_modal(before: QWidget | None) -> Callable[[], bool]:
    def opened() -> bool:
        """a dialog to open"""
        m = modal()
        return m is not None and m is not before and m.isVisible()

    return opened


def import_dialog() -> QWidget | None:
    from hrdesk.ui.rosters.import_dialog import ImportDialog

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible()]
    return shown[0] if shown else None


def import_dialog_open() -> bool:
    """the import dialog to open"""
    return import_dialog() is not None


def closed(widget: QWidget) -> Callable[[], bool]:
    def gone() -> bool:
        """the dialog to close"""
        try:
            return not widget.isVisible()
        except RuntimeError:  # deleted
            return True

    return gone


def scenario(window: Any) -> Iterator[Any]:  # noqa: C901, PLR0915  one person's session, in order
    def idle() -> bool:
        """the window's loads"""
        from hrdesk.ui import workers

        return window.desk is not None and not workers.busy() and not window.background_busy()

    def press_dialog(dialog: QWidget, *texts: str) -> Click:
        button = find_button(dialog, *texts)
        note_buttons()
        pressed["dialog"].append(f"{where(dialog)}:{plain(button.text())}")
        return Click(button)

    def box_opened(before: QWidget | None) -> Callable[[], bool]:
        return new_modal(before)

    def answer_box(before: QWidget | None, *texts: str) -> Iterator[Any]:
        """A message box (or chooser) opens over `before`; the person reads it and presses `texts`."""
        yield new_modal(before)
        box = modal()
        dialog_seen(box)
        yield press_dialog(box, *texts)
        yield closed(box)

    def save_as(before: QWidget | None, path: Path) -> Iterator[Any]:
        """A file chooser opens: the person types the file's name and presses 保存 / 打开 / 选择."""
        yield new_modal(before)
        chooser = modal()
        dialog_seen(chooser)
        name = chooser.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        QTest.keyClicks(name, str(path))
        yield press_dialog(chooser, T("保存", "Save"), T("打开", "Open"), T("选择", "Choose"), "Save", "Open")
        yield closed(chooser)

    def toolbar(text: str) -> Click:
        for action in window.toolbar.actions():
            if plain(action.text()) == text:
                widget = window.toolbar.widgetForAction(action)
                assert isinstance(widget, QToolButton) and widget.isVisible(), text
                pressed["toolbar"].append(text)
                return Click(widget)
        raise LookupError(f"no toolbar button {text}: {[a.text() for a in window.toolbar.actions()]}")

    def dialog_seen(d: QWidget) -> None:
        seen["dialogs"].setdefault(type(d).__name__, d.windowTitle())

    yield idle
    # The list: click the first row, as a person picks an employee.
    table = window.table
    yield Click(table.viewport(), table.visualRect(window.proxy.index(0, 0)).center())
    yield lambda: window.case_shown()
    seen["case"] = window.detail.eligibility.verdict.text()

    for text in (T("概览", "Overview"), T("期限日历", "Deadline calendar")):
        yield toolbar(text)
        yield idle

    # 删除员工: asked first; 否 keeps them, 是 deletes, Ctrl+Z brings them back.
    count = window.model.rowCount()
    for answer in (T("否", "No"), T("是", "Yes")):
        yield Click(table.viewport(), table.visualRect(window.proxy.index(0, 0)).center())
        yield lambda: window.case_shown()
        before = modal()
        yield toolbar(T("删除员工", "Delete employee"))
        yield new_modal(before)
        box = modal()
        dialog_seen(box)
        yield press_dialog(box, answer)
        yield closed(box)
        yield idle
    assert window.model.rowCount() == count - 1, "是 deletes the employee"
    yield Click(window, key=(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))

    def restored() -> bool:
        """the deleted employee back (Ctrl+Z)"""
        return window.model.rowCount() == count

    yield restored
    yield idle

    # Two more deleted (是), then 材料 → 回收站…: one restored (恢复), the trash emptied (asked: 否, then 是).
    for _ in range(2):
        yield Click(table.viewport(), table.visualRect(window.proxy.index(0, 0)).center())
        yield lambda: window.case_shown()
        yield toolbar(T("删除员工", "Delete employee"))
        yield from answer_box(None, T("是", "Yes"))
        yield idle
    assert window.model.rowCount() == count - 2, "two deleted"
    yield Click(table.viewport(), table.visualRect(window.proxy.index(0, 0)).center())
    yield lambda: window.case_shown()
    tabs = window.detail.tabBar()
    materials_tab = next(i for i in range(tabs.count()) if tabs.tabText(i).startswith(T("材料", "Materials")))
    yield Click(tabs, tabs.tabRect(materials_tab).center())
    yield lambda: window.detail.currentWidget() is window.detail.materials
    yield Click(find_button(window.detail.materials, T("回收站…", "Trash…")))
    yield new_modal(None)
    trash = modal()
    dialog_seen(trash)

    def trash_read() -> bool:
        """the trash listed (read on a worker)"""
        return not trash.is_busy()

    yield trash_read
    tree = trash.tree
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) in ("员工", "Employee")
    )
    yield Click(tree.viewport(), tree.visualItemRect(row).center())
    yield press_dialog(trash, T("恢复", "Restore"))

    def one_back() -> bool:
        """the restored employee back in the list"""
        return window.model.rowCount() == count - 1

    yield one_back
    yield trash_read  # the list read again after the restore (the button waits for it, as a person does)
    yield press_dialog(trash, T("清空回收站…", "Empty trash…"))
    yield from answer_box(trash, T("否", "No"))
    yield press_dialog(trash, T("清空回收站…", "Empty trash…"))
    yield from answer_box(trash, T("是", "Yes"))
    yield trash_read  # emptied on the writer, then read again
    seen["trash_after_empty"] = tree.topLevelItemCount()
    yield press_dialog(trash, T("关闭", "Close"))
    yield closed(trash)
    yield idle
    count -= 1  # the employee left in the trash is gone for good

    # 新建员工: the form opens for a new person (nothing asked: units exist).
    yield toolbar(T("新建员工", "New employee"))
    yield lambda: window.detail.employee_id is None and window.stack.currentWidget() is window.detail
    window.detail.profile.discard()

    # 导入名单…: the file chooser opens; the person changes their mind. Then a roster with one bad row:
    # its preview (取消), again: 保存错误行…, 只导入正确的行, 导入, 关闭.
    before = modal()
    yield toolbar(T("导入名单…", "Import roster…"))
    yield new_modal(before)
    chooser = modal()
    dialog_seen(chooser)
    yield press_dialog(chooser, T("取消", "Cancel"), "Cancel")
    yield closed(chooser)
    roster = WORK / "roster.csv"
    roster.write_text(
        "姓名,身份证号,单位名称,入职日期\n"
        "张新员,110101199003071233,北京昌科智能科技有限公司,2024-03-01\n"
        "李错行,123,北京昌科智能科技有限公司,2024-03-01\n",
        encoding="utf-8",
    )
    for finish in ("cancel", "import"):
        yield toolbar(T("导入名单…", "Import roster…"))
        yield from save_as(None, roster)
        yield import_dialog_open  # not modal: the window stays usable while a long import writes
        importer = import_dialog()
        dialog_seen(importer)
        yield lambda importer=importer: importer.plan is not None
        if finish == "cancel":
            yield press_dialog(importer, T("取消", "Cancel"))
            yield closed(importer)
            continue
        yield press_dialog(importer, T("保存错误行…", "Save rows with errors…"))
        yield from save_as(importer, WORK / "bad-rows.xlsx")
        yield lambda importer=importer: importer.save_errors.isEnabled()  # written on a worker meanwhile
        seen["bad_rows_saved"] = (WORK / "bad-rows.xlsx").is_file()
        keep = next(c for c in importer.findChildren(QCheckBox) if c.isVisible())
        yield Click(keep, QPoint(8, keep.height() // 2))
        yield press_dialog(importer, T("导入", "Import"))
        yield lambda importer=importer: importer.import_result is not None
        yield press_dialog(importer, T("关闭", "Close"))
        yield closed(importer)
        yield idle
    seen["imported"] = window.model.rowCount() == count + 1
    count += 1

    # 打印表格…: choose the form (取消 once, then 确定), read the preview, save it as PDF, open the print
    # dialog (取消), hand it to the system viewer, close it.
    yield Click(table.viewport(), table.visualRect(window.proxy.index(0, 0)).center())
    yield lambda: window.case_shown()
    yield toolbar(T("打印表格…", "Print form…"))
    yield from answer_box(None, T("取消", "Cancel"), "Cancel")
    before = modal()
    yield toolbar(T("打印表格…", "Print form…"))
    yield new_modal(before)
    chooser = modal()
    dialog_seen(chooser)
    yield press_dialog(chooser, T("确定", "OK"), "OK")
    yield new_modal(chooser)
    preview = modal()
    dialog_seen(preview)
    yield idle
    yield lambda: preview.ready()

    # The page: next and previous (where the form has more pages), zoom in and out, whole page, fit width.
    def page_shown() -> bool:
        """the form's first page in the preview (its zoom buttons come alive)"""
        return any(b.isEnabled() and b.text() == "+" for b in preview.findChildren(QPushButton))

    yield page_shown
    yield idle
    for text in ("▶", "◀", "+", "−", T("整页", "Whole page"), T("适合宽度", "Fit width")):
        if any(b.isEnabled() and b.text() == text for b in preview.findChildren(QPushButton)):
            yield press_dialog(preview, text)
    yield press_dialog(preview, T("另存为 PDF…", "Save as PDF…"))
    yield from save_as(preview, WORK / "form.pdf")
    seen["form_saved"] = (WORK / "form.pdf").is_file()
    yield press_dialog(preview, T("打印…", "Print…"))
    yield from answer_box(preview, T("取消", "Cancel"), "Cancel")
    yield press_dialog(preview, T("用系统阅读器打开", "Open in the system viewer"))
    yield lambda: bool(opened_urls)
    yield press_dialog(preview, T("关闭", "Close"), "Close")
    yield closed(preview)

    # 生成材料包…: the folder chooser; cancelled.
    before = modal()
    yield toolbar(T("生成材料包…", "Build submission pack…"))
    yield new_modal(before)
    chooser = modal()
    dialog_seen(chooser)
    yield press_dialog(chooser, T("取消", "Cancel"), "Cancel")
    yield closed(chooser)

    # 表格与材料包 → 为名单中的员工批量生成材料包…: 选择… (the folder typed in the chooser), 生成, 取消生成,
    # 保存报告…, 关闭.
    bar = window.menuBar()
    forms_menu = next(a for a in bar.actions() if plain(a.text()) == T("表格与材料包", "Forms and packs"))
    yield Click(bar, bar.actionGeometry(forms_menu).center())
    yield lambda: isinstance(QApplication.activePopupWidget(), QMenu)
    popup = QApplication.activePopupWidget()
    entry = next(
        a for a in popup.actions() if plain(a.text()).startswith(T("为名单中的员工", "Build packs for"))
    )
    pressed["menu"].append(f"{plain(forms_menu.text())} → {plain(entry.text())}")
    yield Click(popup, popup.actionGeometry(entry).center())
    yield new_modal(None)
    bulk = modal()
    dialog_seen(bulk)
    yield lambda: bulk.start_button.isEnabled()
    packs = WORK / "packs"
    packs.mkdir(exist_ok=True)
    yield press_dialog(bulk, T("选择…", "Choose…"))
    yield from save_as(bulk, packs)
    yield press_dialog(bulk, T("生成", "Build"))
    yield lambda: bulk.cancel_button.isEnabled()
    yield press_dialog(bulk, T("取消生成", "Cancel"))
    yield lambda: bulk.save_button.isEnabled()
    yield press_dialog(bulk, T("保存报告…", "Save report…"))
    yield from save_as(bulk, WORK / "report.txt")
    yield lambda: (WORK / "report.txt").is_file()  # written on a worker, not while the button is held
    seen["bulk_report_saved"] = (WORK / "report.txt").is_file()
    seen["bulk_folder"] = bulk.folder.text() == str(packs)
    yield press_dialog(bulk, T("关闭", "Close"))
    yield closed(bulk)
    yield idle

    # 单位与经办人…: add an agent (saved), edit one (cancelled), remove one (asked, kept), save, close.
    before = modal()
    yield toolbar(T("单位与经办人…", "Units and agents…"))
    yield new_modal(before)
    units = modal()
    dialog_seen(units)
    unit_id = units.unit_id
    agents_before = len(window.desk.units.agents(unit_id))
    yield press_dialog(units, T("添加经办人", "Add agent"))
    yield new_modal(units)
    agent = modal()
    dialog_seen(agent)
    name = agent.findChildren(QLineEdit)[0]
    QTest.keyClicks(name, "Li Jingban")
    yield press_dialog(agent, T("确定", "OK"), "OK")
    yield closed(agent)
    yield lambda: len(window.desk.units.agents(unit_id)) == agents_before + 1
    seen["agent_saved"] = [a.name for a in window.desk.units.agents(unit_id)][-1]
    units.agents.setCurrentRow(units.agents.count() - 1)
    yield press_dialog(units, T("编辑", "Edit"))
    yield new_modal(units)
    agent = modal()
    yield press_dialog(agent, T("取消", "Cancel"), "Cancel")
    yield closed(agent)
    yield press_dialog(units, T("删除", "Delete"))
    yield new_modal(units)
    box = modal()
    dialog_seen(box)
    yield press_dialog(box, T("否", "No"), "No")
    yield closed(box)
    assert len(window.desk.units.agents(unit_id)) == agents_before + 1
    yield press_dialog(units, T("删除", "Delete"))
    yield from answer_box(units, T("是", "Yes"), "Yes")
    yield lambda: len(window.desk.units.agents(unit_id)) == agents_before
    yield press_dialog(units, T("保存", "Save"))
    yield new_modal(units)
    box = modal()
    yield press_dialog(box, T("确定", "OK"), "OK")
    yield closed(box)
    yield press_dialog(units, T("新建单位", "New unit"))
    yield press_dialog(units, T("关闭", "Close"))
    yield closed(units)
    yield idle

    # 设置…: opened twice. The first time every inner button: 打开 (the data folder), 添加或更新 (empty:
    # told; then a figure typed: its effect shown), 识别通知 (nothing pasted: told), 保存该年节假日,
    # 按新设置重新检查全部材料 (cancelled if it shows progress), then 取消; the second time 确定.
    for answer in (T("取消", "Cancel"), T("确定", "OK")):
        before = modal()
        yield toolbar(T("设置…", "Settings…"))
        yield new_modal(before)
        settings = modal()
        dialog_seen(settings)
        if answer == T("取消", "Cancel"):
            yield press_dialog(settings, T("打开", "Open"))
            yield lambda: any("desk" in u for u in opened_urls)
            yield press_dialog(settings, T("添加或更新", "Add or update"))
            yield from answer_box(settings, T("确定", "OK"), "OK")
            amount = next(
                e for e in settings.findChildren(QLineEdit) if e.placeholderText() == T("元/月", "CNY/month")
            )
            QTest.keyClicks(amount, "13000")
            yield press_dialog(settings, T("添加或更新", "Add or update"))
            working = ("", T("正在计算影响…", "Working out the effect…"))
            yield lambda settings=settings, working=working: settings.wage_preview.text() not in working
            seen["wage_preview"] = settings.wage_preview.text()[:40]
            yield press_dialog(settings, T("识别通知", "Read notice"))
            yield from answer_box(settings, T("确定", "OK"), "OK")
            yield press_dialog(settings, T("保存该年节假日", "Save this year's holidays"))
            yield from answer_box(settings, T("确定", "OK"), "OK")
            yield press_dialog(
                settings, T("按新设置重新检查全部材料", "Re-check all materials with these settings")
            )

            def recheck_answered(settings: QWidget = settings) -> bool:
                """the re-check's progress or its result"""
                box = modal()
                return (
                    (box is not None and box is not settings) or progress() is not None or not workers_busy()
                )

            def progress() -> QWidget | None:
                return next(
                    (
                        w
                        for w in QApplication.topLevelWidgets()
                        if isinstance(w, QProgressDialog) and w.isVisible()
                    ),
                    None,
                )

            yield recheck_answered
            if progress() is not None:
                box = progress()
                dialog_seen(box)
                yield press_dialog(box, T("取消", "Cancel"))
                yield lambda: not workers_busy()
                yield lambda: modal() is not None
            box = modal()
            if box is not None and box is not settings:
                dialog_seen(box)
                yield press_dialog(box, T("确定", "OK"), T("取消", "Cancel"), "OK", "Cancel")
                yield closed(box)
        yield press_dialog(settings, answer, answer)
        yield closed(settings)
        yield idle

    # 帮助 → 关于 hrdesk, through the menu bar with the mouse.
    bar = window.menuBar()
    help_menu = next(a for a in bar.actions() if plain(a.text()) == T("帮助", "Help"))
    yield Click(bar, bar.actionGeometry(help_menu).center())
    yield lambda: isinstance(QApplication.activePopupWidget(), QMenu)
    popup = QApplication.activePopupWidget()
    about = next(a for a in popup.actions() if plain(a.text()) == T("关于 hrdesk", "About hrdesk"))
    pressed["menu"].append(f"{plain(help_menu.text())} → {plain(about.text())}")
    before = modal()
    yield Click(popup, popup.actionGeometry(about).center())
    yield new_modal(before)
    dialog = modal()
    dialog_seen(dialog)
    yield press_dialog(dialog, T("关闭", "Close"), "Close")
    yield closed(dialog)

    # The dashboard card 已逾期 (or whichever has people) filters the list and says so; its ✕ lifts it.
    yield toolbar(T("概览", "Overview"))
    card = next(b for b in window.dashboard.urgency_buttons.values() if b.isEnabled())
    yield Click(card)
    yield lambda: not window.filters.chip_bar.isHidden()
    seen["chip"] = [c.text() for c in window.filters.chips]
    yield Click(window.filters.chips[0])
    yield lambda: window.filters.chip_bar.isHidden()

    # The language, with the key a person learns from the menu (Ctrl+L): the window reads the other one.
    title = window.menu_file.title()
    yield Click(window, key=(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier))
    yield lambda: window.menu_file.title() != title
    yield idle
    seen["switched_file_menu"] = window.menu_file.title()
    yield Click(window, key=(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier))
    yield lambda: window.menu_file.title() == title
    yield idle


def _make_and_drive(argv: list[str] | None = None) -> Any:
    app = _make(argv)

    def start() -> None:
        from hrdesk.ui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, start)
            return
        sys.excepthook = fail_on_exception  # after the app's own crash box was installed
        # 打开 and 用系统阅读器打开 hand a file to the desktop: recorded here instead of starting a viewer.
        QDesktopServices.setUrlHandler("file", desktop, "open")

        def done() -> None:
            QDesktopServices.unsetUrlHandler("file")
            unpressed = sorted(buttons_seen - set(pressed["dialog"]))
            report = {"errors": errors, "pressed": pressed, "seen": seen, "unpressed": unpressed}
            report["buttons_seen"] = sorted(buttons_seen)
            print(json.dumps(report, ensure_ascii=False))
            print("ok" if not errors else "failed", flush=True)
            windows[0].detail.profile.discard()
            windows[0].quit_app()

        drivers.append(Driver(scenario(windows[0]), done))  # kept: its timer lives as long as it

    QTimer.singleShot(50, start)
    return app


class Desktop(QObject):
    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        opened_urls.append(url.toLocalFile())


desktop = Desktop()
drivers: list[Driver] = []
_make = app_module.make_application
app_module.make_application = _make_and_drive
code = main(sys.argv[1:])
sys.exit(code if not errors else 1)
