"""The window's actions, menus and toolbar: built once, their texts set again on a language switch.
The texts are marked in the window's translation context, where the catalogue keeps them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow


def _action(w: MainWindow, shortcut: QKeySequence | str | None, slot: Any) -> QAction:
    action = QAction(w)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_actions(w: MainWindow) -> None:
    """Every action once, with its shortcut; the menus and the toolbar show them (texts come later)."""
    w.act_new = _action(w, QKeySequence.StandardKey.New, w.new_employee)
    w.act_delete = _action(w, QKeySequence.StandardKey.Delete, w.delete_employee)
    # Delete acts on what has focus: only the employee list (and the menu) deletes an employee; the
    # materials tree, the income table and text fields keep their own Delete.
    w.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    w.table.addAction(w.act_delete)
    w.act_undo = _action(w, QKeySequence.StandardKey.Undo, w.employee_actions.undo)
    w.act_undo.setEnabled(False)
    w.act_find = _action(w, QKeySequence.StandardKey.Find, w.focus_search)
    w.act_next = _action(w, "Alt+Down", lambda: w.move_selection(1))
    w.act_prev = _action(w, "Alt+Up", lambda: w.move_selection(-1))
    w.act_dashboard = _action(w, "Ctrl+0", w.show_dashboard)
    w.act_calendar = _action(w, "Ctrl+K", w.show_calendar)
    w.act_ics = _action(w, None, w.export_ics)
    w.act_import = _action(w, "Ctrl+I", w.files.import_file)
    w.act_export = _action(w, "Ctrl+E", w.files.export_file)
    w.act_backup = _action(w, None, w.files.backup)
    w.act_units = _action(w, None, w.files.edit_units)
    w.act_settings = _action(w, "Ctrl+,", w.open_settings)  # StandardKey.Preferences is empty on Windows
    w.act_form = _action(w, "Ctrl+P", w.files.print_form)
    w.act_pack = _action(w, "Ctrl+Shift+P", w.files.make_pack)
    w.act_bulk_pack = _action(w, None, w.files.make_bulk_packs)
    w.act_about = _action(w, None, w.files.about)
    # StandardKey.Quit is empty on Windows and on some Linux themes: Ctrl+Q everywhere (⌘Q on macOS).
    w.act_quit = _action(w, "Ctrl+Q", w.quit_app)
    w.act_language = _action(w, "Ctrl+L", w.toggle_language)
    w.menu_file = w.menuBar().addMenu("")
    for a in (w.act_import, w.act_export, w.act_backup, None, w.act_quit):
        w.menu_file.addSeparator() if a is None else w.menu_file.addAction(a)
    w.menu_edit = w.menuBar().addMenu("")
    w.menu_edit.addAction(w.act_undo)
    w.menu_employee = w.menuBar().addMenu("")
    for a in (w.act_new, w.act_delete, None, w.act_prev, w.act_next, w.act_find):
        w.menu_employee.addSeparator() if a is None else w.menu_employee.addAction(a)
    w.menu_forms = w.menuBar().addMenu("")
    w.menu_forms.addAction(w.act_form)
    w.menu_forms.addAction(w.act_pack)
    w.menu_forms.addAction(w.act_bulk_pack)
    w.menu_tools = w.menuBar().addMenu("")
    for a in (
        w.act_dashboard,
        w.act_calendar,
        w.act_ics,
        w.act_units,
        w.act_settings,
        w.act_language,
    ):
        w.menu_tools.addAction(a)
    w.menu_help = w.menuBar().addMenu("")
    w.menu_help.addAction(w.act_about)
    w.toolbar = w.addToolBar("main")
    w.toolbar.setObjectName("main-toolbar")
    for a in (
        w.act_dashboard,
        w.act_calendar,
        w.act_new,
        w.act_delete,
        w.act_import,
        w.act_form,
        w.act_pack,
        w.act_units,
        w.act_settings,
    ):
        w.toolbar.addAction(a)


def desk_actions(w: MainWindow) -> list[QAction]:
    """What needs the database open: off while the window waits for it (the demo is built for a minute),
    so a click meanwhile does nothing rather than fail."""
    return [
        w.act_new,
        w.act_delete,
        w.act_ics,
        w.act_import,
        w.act_export,
        w.act_backup,
        w.act_units,
        w.act_settings,
        w.act_form,
        w.act_pack,
        w.act_bulk_pack,
    ]


def retranslate_menus(w: MainWindow) -> None:
    for action, text in (
        (w.act_new, QT_TRANSLATE_NOOP("MainWindow", "新建员工")),
        (w.act_delete, QT_TRANSLATE_NOOP("MainWindow", "删除员工")),
        (w.act_find, QT_TRANSLATE_NOOP("MainWindow", "查找")),
        (w.act_next, QT_TRANSLATE_NOOP("MainWindow", "下一位员工")),
        (w.act_prev, QT_TRANSLATE_NOOP("MainWindow", "上一位员工")),
        (w.act_dashboard, QT_TRANSLATE_NOOP("MainWindow", "概览")),
        (w.act_calendar, QT_TRANSLATE_NOOP("MainWindow", "期限日历")),
        (w.act_ics, QT_TRANSLATE_NOOP("MainWindow", "导出日历 (.ics)…")),
        (w.act_import, QT_TRANSLATE_NOOP("MainWindow", "导入名单…")),
        (w.act_export, QT_TRANSLATE_NOOP("MainWindow", "导出名单…")),
        (w.act_backup, QT_TRANSLATE_NOOP("MainWindow", "备份…")),
        (w.act_units, QT_TRANSLATE_NOOP("MainWindow", "单位与经办人…")),
        (w.act_settings, QT_TRANSLATE_NOOP("MainWindow", "设置…")),
        (w.act_form, QT_TRANSLATE_NOOP("MainWindow", "打印表格…")),
        (w.act_pack, QT_TRANSLATE_NOOP("MainWindow", "生成材料包…")),
        (w.act_bulk_pack, QT_TRANSLATE_NOOP("MainWindow", "为名单中的员工批量生成材料包…")),
        (w.act_about, QT_TRANSLATE_NOOP("MainWindow", "关于 hrdesk")),
        (w.act_quit, QT_TRANSLATE_NOOP("MainWindow", "退出")),
        (w.act_undo, QT_TRANSLATE_NOOP("MainWindow", "撤销")),
        (w.act_language, QT_TRANSLATE_NOOP("MainWindow", "切换语言 (中文/English)")),
    ):
        action.setText(w.tr(text))
    for menu, text in (
        (w.menu_file, QT_TRANSLATE_NOOP("MainWindow", "文件")),
        (w.menu_edit, QT_TRANSLATE_NOOP("MainWindow", "编辑")),
        (w.menu_employee, QT_TRANSLATE_NOOP("MainWindow", "员工")),
        (w.menu_forms, QT_TRANSLATE_NOOP("MainWindow", "表格与材料包")),
        (w.menu_tools, QT_TRANSLATE_NOOP("MainWindow", "工具")),
        (w.menu_help, QT_TRANSLATE_NOOP("MainWindow", "帮助")),
    ):
        menu.setTitle(w.tr(text))
