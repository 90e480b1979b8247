"""A person at the real program: started through the entry point a user runs (`hrdesk --data-dir DIR
--lang L`, here `hrdesk.cli.main`), then only what a person does: toolbar buttons, menu entries and dialog
buttons found by their visible text and clicked with the mouse, keys pressed, the dialogs that open
answered by clicking their buttons. Any exception anywhere ends the run with a failure. Prints one JSON
line (what was pressed, what was seen) and "ok". Run by test_person_drives.py in a subprocess."""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMenu,
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


def new_modal(before: QWidget | None) -> Callable[[], bool]:
    def opened() -> bool:
        """a dialog to open"""
        m = modal()
        return m is not None and m is not before and m.isVisible()

    return opened


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
        pressed["dialog"].append(f"{type(dialog).__name__}:{plain(button.text())}")
        return Click(button)

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

    # 新建员工: the form opens for a new person (nothing asked: units exist).
    yield toolbar(T("新建员工", "New employee"))
    yield lambda: window.detail.employee_id is None and window.stack.currentWidget() is window.detail
    window.detail.profile.discard()

    # 导入名单…: the file chooser opens; the person changes their mind.
    before = modal()
    yield toolbar(T("导入名单…", "Import roster…"))
    yield new_modal(before)
    chooser = modal()
    dialog_seen(chooser)
    yield press_dialog(chooser, T("取消", "Cancel"), "Cancel")
    yield closed(chooser)

    # 打印表格…: choose the form, read the preview, close it.
    yield Click(table.viewport(), table.visualRect(window.proxy.index(0, 0)).center())
    yield lambda: window.case_shown()
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
    yield press_dialog(units, T("保存", "Save"))
    yield new_modal(units)
    box = modal()
    yield press_dialog(box, T("确定", "OK"), "OK")
    yield closed(box)
    yield press_dialog(units, T("新建单位", "New unit"))
    yield press_dialog(units, T("关闭", "Close"))
    yield closed(units)
    yield idle

    # 设置…: opened twice, 取消 then 确定.
    for answer in (T("取消", "Cancel"), T("确定", "OK")):
        before = modal()
        yield toolbar(T("设置…", "Settings…"))
        yield new_modal(before)
        settings = modal()
        dialog_seen(settings)
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

        def done() -> None:
            print(json.dumps({"errors": errors, "pressed": pressed, "seen": seen}, ensure_ascii=False))
            print("ok" if not errors else "failed", flush=True)
            windows[0].detail.profile.discard()
            windows[0].quit_app()

        drivers.append(Driver(scenario(windows[0]), done))  # kept: its timer lives as long as it

    QTimer.singleShot(50, start)
    return app


drivers: list[Driver] = []
_make = app_module.make_application
app_module.make_application = _make_and_drive
code = main(sys.argv[1:])
sys.exit(code if not errors else 1)
