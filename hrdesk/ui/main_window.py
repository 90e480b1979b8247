"""The main window: employee list on the left (search, filters, sort), the dashboard or one employee's
tabs on the right; menus, toolbar and shortcuts; geometry and column widths remembered."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..clock import Clock
from .dashboard import Dashboard
from .employees.employee_detail import EmployeeDetail
from .employees.employee_model import (
    ROW_ROLE,
    EmployeeFilterProxy,
    EmployeeTableModel,
    sort_rows,
    status_label,
)
from .workers import run_task, run_write

if TYPE_CHECKING:
    from ..desks.desk import Desk
    from ..employees.case import EmployeeCase

STATUSES = ["ready", "missing-materials", "not-eligible", "renewal-due", "valid", "expired", "suspended"]


def _freeze_loaded() -> None:
    """What a worker has just loaded (tens of thousands of rows, deadlines) lives until the next full
    load: move it out of the cyclic GC's reach, so the window's own small allocations never trigger a
    full collection that walks it (a stall of a second at 50,000 employees)."""
    import gc

    gc.freeze()


BIG_CHANGE = 2000  # more changed employees than this: one full reload beats thousands of row updates


class MainWindow(QMainWindow):
    """`records` may be None: the real start shows the window first and opens the database on a worker
    (`attach_records`), so the first paint does not wait for SQLAlchemy, migrations or the backup."""

    deadlinesReady = Signal()  # noqa: N815
    caseShown = Signal(int)  # noqa: N815

    def __init__(
        self, desk: Desk | None, data_dir: Path, demo: bool = False, clock: Clock | None = None
    ) -> None:
        super().__init__()
        self.desk: Any = desk
        self.data_dir = data_dir
        self.demo = demo
        self.clock = clock or Clock()
        self.case: EmployeeCase | None = None
        self._case_wanted: tuple[int, str | None] | None = None
        self._loading = 0  # background loads in flight (the benchmark waits for none)
        self.settings = QSettings()
        self.tray: Any = None
        self.quitting = False
        self._undo_stack: list[tuple[str, Any]] = []
        self.instance_server: Any = None
        self.model = EmployeeTableModel(self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # Left: search, filters, list.
        left = QWidget()
        lv = QVBoxLayout(left)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        lv.addWidget(self.search)
        filters = QHBoxLayout()
        self.unit_filter = QComboBox()
        self.district_filter = QComboBox()
        self.status_filter = QComboBox()
        for box in (self.unit_filter, self.district_filter, self.status_filter):
            filters.addWidget(box)
        lv.addLayout(filters)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        lv.addWidget(self.table, 1)
        self.count_label = QLabel()
        lv.addWidget(self.count_label)

        # Right: dashboard or detail.
        self.stack = QStackedWidget()
        self.dashboard = Dashboard(self.clock)
        self.detail = EmployeeDetail(desk, data_dir)
        self.detail.push_undo = self.push_undo
        self.detail.set_run_op(self.run_op)
        self.detail.request_case = self.request_case
        from .deadlines.calendar_view import CalendarView

        self.calendar = CalendarView()
        self.stack.addWidget(self.dashboard)
        self.stack.addWidget(self.detail)
        self.stack.addWidget(self.calendar)
        from .first_run import FirstRunGuide

        # An empty database shows three steps instead of a dashboard of zeros.
        self.first_run = FirstRunGuide()
        self.stack.addWidget(self.first_run)
        self.first_run.createUnitRequested.connect(lambda: self.edit_units())
        self.first_run.importRosterRequested.connect(lambda: self.import_file())
        self.first_run.addEmployeeRequested.connect(lambda: self.new_employee())
        self.first_run.attachScansRequested.connect(self._attach_first_scans)
        self.deadline_items: list[Any] = []

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._build_actions()

        self.search.textChanged.connect(self._search)
        self.unit_filter.currentIndexChanged.connect(self._apply_filters)
        self.district_filter.currentIndexChanged.connect(self._apply_filters)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.dashboard.statusClicked.connect(self.filter_status)
        self.dashboard.monthClicked.connect(self.filter_month)
        self.detail.saved.connect(self._employee_saved)
        self.detail.profile.saved.connect(self._said_saved)
        self.detail.openEmployee.connect(self.open_employee)
        self.detail.profile.modifiedChanged.connect(self._modified_changed)
        self.dashboard.urgencyClicked.connect(self.filter_urgency)
        self.calendar.employeeActivated.connect(self.open_employee)
        self.calendar.reminderAction.connect(self.reminder_action)

        self.retranslate()
        self._restore_layout()
        if desk is not None:
            self.attach_records(desk)
        # The stored statuses hold until a day; check for a new day every hour (and after sleep).
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(3600 * 1000)
        self.day_timer.timeout.connect(self.refresh_stale_statuses)
        self.day_timer.start()

    # --- actions and menus --------------------------------------------------------------------------

    def _action(self, shortcut: QKeySequence | str | None, slot: Any) -> QAction:
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(QKeySequence.StandardKey.New, self.new_employee)
        self.act_delete = self._action(QKeySequence.StandardKey.Delete, self.delete_employee)
        # Delete acts on what has focus: only the employee list (and the menu) deletes an employee; the
        # materials tree, the income table and text fields keep their own Delete.
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.act_delete)
        self.act_undo = self._action(QKeySequence.StandardKey.Undo, self.undo)
        self.act_undo.setEnabled(False)
        self.act_find = self._action(QKeySequence.StandardKey.Find, self.focus_search)
        self.act_next = self._action("Alt+Down", lambda: self.move_selection(1))
        self.act_prev = self._action("Alt+Up", lambda: self.move_selection(-1))
        self.act_dashboard = self._action("Ctrl+0", self.show_dashboard)
        self.act_calendar = self._action("Ctrl+K", self.show_calendar)
        self.act_ics = self._action(None, self.export_ics)
        self.act_import = self._action("Ctrl+I", self.import_file)
        self.act_export = self._action("Ctrl+E", self.export_file)
        self.act_backup = self._action(None, self.backup)
        self.act_units = self._action(None, self.edit_units)
        self.act_settings = self._action(
            "Ctrl+,", self.open_settings
        )  # StandardKey.Preferences is empty on Windows
        self.act_form = self._action("Ctrl+P", self.print_form)
        self.act_pack = self._action("Ctrl+Shift+P", self.make_pack)
        self.act_bulk_pack = self._action(None, self.make_bulk_packs)
        self.act_about = self._action(None, self.about)
        # StandardKey.Quit is empty on Windows and on some Linux themes: Ctrl+Q everywhere (⌘Q on macOS).
        self.act_quit = self._action("Ctrl+Q", self.quit_app)
        self.act_language = self._action("Ctrl+L", self.toggle_language)
        self.menu_file = self.menuBar().addMenu("")
        for a in (self.act_import, self.act_export, self.act_backup, None, self.act_quit):
            self.menu_file.addSeparator() if a is None else self.menu_file.addAction(a)
        self.menu_edit = self.menuBar().addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_employee = self.menuBar().addMenu("")
        for a in (self.act_new, self.act_delete, None, self.act_prev, self.act_next, self.act_find):
            self.menu_employee.addSeparator() if a is None else self.menu_employee.addAction(a)
        self.menu_forms = self.menuBar().addMenu("")
        self.menu_forms.addAction(self.act_form)
        self.menu_forms.addAction(self.act_pack)
        self.menu_forms.addAction(self.act_bulk_pack)
        self.menu_tools = self.menuBar().addMenu("")
        for a in (
            self.act_dashboard,
            self.act_calendar,
            self.act_ics,
            self.act_units,
            self.act_settings,
            self.act_language,
        ):
            self.menu_tools.addAction(a)
        self.menu_help = self.menuBar().addMenu("")
        self.menu_help.addAction(self.act_about)
        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("main-toolbar")
        for a in (
            self.act_dashboard,
            self.act_calendar,
            self.act_new,
            self.act_delete,
            self.act_import,
            self.act_form,
            self.act_pack,
            self.act_units,
            self.act_settings,
        ):
            self.toolbar.addAction(a)

    def retranslate(self) -> None:
        title = self.tr("hrdesk — 工作居住证办理助手")
        # "[*]" shows the unsaved-changes mark (setWindowModified) where the platform puts it.
        self.setWindowTitle(title + (self.tr("（演示数据）") if self.demo else "") + "[*]")
        self.search.setPlaceholderText(self.tr("搜索姓名、身份证号或单位…"))
        for action, text in (
            (self.act_new, QT_TRANSLATE_NOOP("MainWindow", "新建员工")),
            (self.act_delete, QT_TRANSLATE_NOOP("MainWindow", "删除员工")),
            (self.act_find, QT_TRANSLATE_NOOP("MainWindow", "查找")),
            (self.act_next, QT_TRANSLATE_NOOP("MainWindow", "下一位员工")),
            (self.act_prev, QT_TRANSLATE_NOOP("MainWindow", "上一位员工")),
            (self.act_dashboard, QT_TRANSLATE_NOOP("MainWindow", "概览")),
            (self.act_calendar, QT_TRANSLATE_NOOP("MainWindow", "期限日历")),
            (self.act_ics, QT_TRANSLATE_NOOP("MainWindow", "导出日历 (.ics)…")),
            (self.act_import, QT_TRANSLATE_NOOP("MainWindow", "导入名单…")),
            (self.act_export, QT_TRANSLATE_NOOP("MainWindow", "导出名单…")),
            (self.act_backup, QT_TRANSLATE_NOOP("MainWindow", "备份…")),
            (self.act_units, QT_TRANSLATE_NOOP("MainWindow", "单位与经办人…")),
            (self.act_settings, QT_TRANSLATE_NOOP("MainWindow", "设置…")),
            (self.act_form, QT_TRANSLATE_NOOP("MainWindow", "打印表格…")),
            (self.act_pack, QT_TRANSLATE_NOOP("MainWindow", "生成材料包…")),
            (self.act_bulk_pack, QT_TRANSLATE_NOOP("MainWindow", "为名单中的员工批量生成材料包…")),
            (self.act_about, QT_TRANSLATE_NOOP("MainWindow", "关于 hrdesk")),
            (self.act_quit, QT_TRANSLATE_NOOP("MainWindow", "退出")),
            (self.act_undo, QT_TRANSLATE_NOOP("MainWindow", "撤销")),
            (self.act_language, QT_TRANSLATE_NOOP("MainWindow", "切换语言 (中文/English)")),
        ):
            action.setText(self.tr(text))
        for menu, text in (
            (self.menu_file, QT_TRANSLATE_NOOP("MainWindow", "文件")),
            (self.menu_edit, QT_TRANSLATE_NOOP("MainWindow", "编辑")),
            (self.menu_employee, QT_TRANSLATE_NOOP("MainWindow", "员工")),
            (self.menu_forms, QT_TRANSLATE_NOOP("MainWindow", "表格与材料包")),
            (self.menu_tools, QT_TRANSLATE_NOOP("MainWindow", "工具")),
            (self.menu_help, QT_TRANSLATE_NOOP("MainWindow", "帮助")),
        ):
            menu.setTitle(self.tr(text))
        self._fill_filters()
        self._undo_text()
        self.model.retranslate()
        self.dashboard.retranslate()
        self.detail.retranslate()
        self.calendar.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- data ---------------------------------------------------------------------------------------

    def attach_records(self, desk: Desk) -> None:
        """The database is open: load the list on a worker, then refresh what a new day changed, then
        the deadlines (and the tray's first check)."""
        self.desk = desk
        self.detail.set_desk(desk)
        from .desks.connection_banner import install_connection_banner

        install_connection_banner(self, desk)  # 「无法连接数据库服务器…」: holds writes, retries
        self.apply_scan_settings()
        self._loading += 1

        column, order = self.proxy.sorted_by

        def work(_task: Any) -> tuple[list[Any], list[Any]]:
            from .desks.change_watch import feed_position

            self._feed_start = feed_position(desk)  # before the list's snapshot: no change falls between
            return sort_rows(desk.employees.summaries(), column, order), desk.units.employers()

        run_task(work, self._summaries_loaded, self._background_failed)

    def background_busy(self) -> bool:
        return self._loading > 0

    def _background_failed(self, message: str) -> None:
        self._loading = max(0, self._loading - 1)
        if message:
            self.statusBar().showMessage(message, 15000)

    def _summaries_loaded(self, result: Any) -> None:
        self._loading -= 1
        summaries, employers = result
        self._employers = employers
        _freeze_loaded()
        self._set_summaries(summaries, presorted=True)
        self.refresh_stale_statuses()

    def _set_summaries(self, summaries: list[Any], presorted: bool = False) -> None:
        self.model.set_rows(summaries)
        if not presorted:
            self.model.sort(*self.proxy.sorted_by)
        self.dashboard.set_summaries(summaries, self.clock.today())
        self._fill_filters()
        self._update_count()
        self._first_run_or_dashboard()

    def _first_run_or_dashboard(self) -> None:
        employees = self.model.rowCount()
        self.first_run.set_progress(len(getattr(self, "_employers", [])), employees, 0)
        current = self.stack.currentWidget()
        if employees == 0 and current is self.dashboard:
            self.stack.setCurrentWidget(self.first_run)
        elif employees and current is self.first_run:
            self.stack.setCurrentWidget(self.dashboard)

    def _attach_first_scans(self) -> None:
        if self.current_employee_id() is None:
            self.move_selection(1)
        self.detail.setCurrentWidget(self.detail.materials)

    def reload(self, select_id: int | None = None) -> None:
        """Everything again, at once (after an import or a restore; tests). Day-to-day writes use
        `apply_changes`, which touches only the rows they changed."""
        self._employers = self.desk.units.employers()
        self._set_summaries(self.desk.employees.summaries())
        self.refresh_deadlines()
        if select_id is not None:
            self.select_employee(select_id)

    def refresh_stale_statuses(self) -> None:
        """A new day: recompute, on the writer in small batches, the employees whose stored status no
        longer holds (usually a few percent), then update those rows and load the deadlines."""
        if self.desk is None:
            return
        desk, today = self.desk, self.clock.today()
        self._loading += 1

        def work(task: Any) -> list[int]:
            stale = desk.employees.stale_status_ids(today)
            if stale:
                desk.employees.refresh_statuses(
                    today, stale, progress=lambda d, n: task.signals.progress.emit(d, n)
                )
            return stale

        def done(stale: Any) -> None:
            self._loading -= 1
            self.statusBar().clearMessage()
            if stale:
                self.apply_changes(stale, deadlines=False)
            self.refresh_deadlines()

        task = run_write(work, done, self._background_failed)
        task.signals.progress.connect(
            lambda d, n: self.statusBar().showMessage(self.tr("正在更新状态：{d} / {n}").format(d=d, n=n))
        )

    def refresh_deadlines(self) -> None:
        """Deadlines for the calendar and the tray: the stored ones, read on a worker with one query."""
        from .i18n import current_lang

        desk, lang = self.desk, current_lang()
        self._loading += 1

        tray = self.tray
        want_states = tray is not None and getattr(tray, "_states", None) is None

        def work(_task: Any) -> tuple[list[Any], set[int], Any]:
            from ..checks.check import work_calendar
            from ..deadlines.reminders import states_from_rows
            from ..deadlines.stored import stored_deadlines

            items = stored_deadlines(desk, lang)
            cal = work_calendar(desk.data_dir)
            unknown = {y for y in {d.date.year for d in items} if not cal.knows(y)}
            states = states_from_rows(desk.reminders.reminder_states()) if want_states else None
            return items, unknown, states

        run_task(work, self._deadlines_ready, self._background_failed)

    def _deadlines_ready(self, result: Any) -> None:
        self._loading -= 1
        self.deadline_items, self._unknown_years, states = result
        if states is not None and self.tray is not None and self.tray._states is None:
            self.tray._states = states
        _freeze_loaded()
        self.calendar.set_deadlines(self.deadline_items, self.clock.today(), self._unknown_years)
        if getattr(self, "change_watch", None) is None and self.desk is not None:
            from .desks.change_watch import ChangeWatcher

            self.change_watch = ChangeWatcher(self.desk, self)
            self.change_watch.changed.connect(self.apply_changes)
            self.change_watch.start(position=getattr(self, "_feed_start", None))
        self.deadlinesReady.emit()

    # --- writes and what they changed ---------------------------------------------------------------

    def run_op(
        self,
        fn: Any,
        employee_ids: list[int] | None = None,
        done: Any = None,
        failed: Any = None,
    ) -> None:
        """Run a write `fn(records)` on the writer thread; then update just the rows, deadlines and case
        of `employee_ids` (or of the ids `fn` returns when it returns a list)."""
        desk = self.desk

        def finished(result: Any) -> None:
            ids = employee_ids if employee_ids is not None else (result if isinstance(result, list) else [])
            self.apply_changes(ids)
            if done is not None:
                done(result)

        def submit() -> None:
            run_write(lambda _task: fn(desk), finished, error)

        def error(message: str) -> None:
            if banner is not None and banner.failed(message, submit):
                return  # the server went away: the banner says so and runs it again when it is back
            if failed is not None:
                failed(message)
            elif message:
                QMessageBox.warning(self, self.tr("保存失败"), message)

        banner = getattr(self, "connection_banner", None)
        if banner is None or not banner.hold(submit):  # the queue is paused while the server is away
            submit()

    def apply_changes(self, employee_ids: list[int], deadlines: bool = True) -> None:
        """Rows, deadlines and the open case of these employees, read again on a worker."""
        ids = sorted(set(employee_ids))
        if not ids or self.desk is None:
            return
        if len(ids) > BIG_CHANGE:  # new wage figures, a restore, a big import: load everything again
            self.attach_records(self.desk)
            return
        desk = self.desk
        from .i18n import current_lang

        lang = current_lang()
        self._loading += 1

        def work(_task: Any) -> tuple[list[Any], list[Any] | None]:
            from ..deadlines.stored import stored_deadlines

            return desk.employees.summaries(ids), stored_deadlines(desk, lang, ids) if deadlines else None

        def apply(result: Any) -> None:
            self._loading -= 1
            summaries, items = result
            self.model.update_rows(ids, summaries)
            self.dashboard.set_summaries(self.model.rows(), self.clock.today())
            self._update_count()
            if items is not None:
                wanted = set(ids)
                self.deadline_items = [d for d in self.deadline_items if d.employee_id not in wanted] + items
                self.deadline_items.sort(key=lambda d: (d.date, d.employee_name, d.code))
                self.calendar.set_deadlines(
                    self.deadline_items, self.clock.today(), getattr(self, "_unknown_years", set())
                )
            current = self.detail.employee_id
            shown = current in ids and self.stack.currentWidget() is self.detail
            if shown and any(s.id == current for s in summaries):
                self.request_case(current, self.case.business if self.case else None)

        run_task(work, apply, self._background_failed)

    # --- one employee's case ------------------------------------------------------------------------

    def request_case(self, employee_id: int, business: str | None = None) -> None:
        """Build the employee's case on a worker; only the newest request is shown."""
        from .i18n import current_lang

        self._case_wanted = (employee_id, business)
        desk, today, lang = self.desk, self.clock.today(), current_lang()
        wanted = self._case_wanted

        def work(_task: Any) -> Any:
            from ..employees.case import build_case

            return wanted, build_case(desk, employee_id, today, business, lang)

        def ready(result: Any) -> None:
            asked, case = result
            if asked != self._case_wanted:  # the user moved on
                return
            self.case = case
            self.detail.set_case(case)
            self.caseShown.emit(case.employee_id)

        run_task(work, ready, self._case_failed)

    def _case_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def case_shown(self) -> bool:
        wanted = self._case_wanted
        return self.case is not None and wanted is not None and self.case.employee_id == wanted[0]

    def probe_save(self, employee_id: int, callback: Any) -> None:
        """The benchmark's save: the employee's profile saved unchanged, the way the window saves."""
        self.run_op(
            lambda r: r.employees.update_profile(employee_id, r.employees.profile(employee_id)),
            [employee_id],
            lambda _r: callback(None),
            callback,
        )

    def probe_counts(self) -> dict[str, int]:
        from ..counters import COUNTS

        return dict(COUNTS)

    def reminder_action(self, action: str, deadline: Any) -> None:
        """Snooze or dismiss a deadline's reminders from the calendar (the tray keeps the state)."""
        if self.tray is None:
            return
        if action == "dismiss":
            self.tray.dismiss_deadline(deadline)
            text = self.tr("不再提醒：{name} {what}")
        else:
            self.tray.snooze_deadline(deadline, 1 if action == "snooze-day" else 7)
            text = self.tr("提醒已推迟：{name} {what}")
        self.statusBar().showMessage(text.format(name=deadline.employee_name, what=deadline.message), 6000)

    def show_calendar(self) -> None:
        self.stack.setCurrentWidget(self.calendar)

    def open_employee(self, employee_id: int) -> None:
        self.search.clear()
        self.proxy.urgency = None
        self.proxy.set_filters()
        self.status_filter.setCurrentIndex(0)
        self.select_employee(employee_id)

    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出日历"), "hrdesk-期限.ics", self.tr("日历 (*.ics)")
        )
        if not path:
            return
        from ..deadlines.ics import export_ics
        from .i18n import current_lang

        # What the calendar shows (its filters, from today on, overdue duties kept); events of deadlines
        # that went away are cancelled in the user's calendar (the export remembers what it sent).
        today = self.clock.today()
        shown = [d for d in self.calendar.visible_items() if d.date >= today or d.overdue(today)]
        n = export_ics(
            Path(path),
            shown,
            self.data_dir,
            now=self.clock.now(),
            still_exist=[d.key for d in self.deadline_items],
            lang=current_lang(),
        )
        QMessageBox.information(self, self.tr("导出日历"), self.tr("已导出 {n} 项期限。").format(n=n))

    def _fill_filters(self) -> None:
        for box, items in (
            (
                self.unit_filter,
                [(self.tr("全部单位"), None)] + [(u.name, u.id) for u in getattr(self, "_employers", [])],
            ),
            (
                self.district_filter,
                [(self.tr("全部区"), None), (self.tr("昌平区"), "changping"), (self.tr("延庆区"), "yanqing")],
            ),
            (self.status_filter, [(self.tr("全部状态"), None)] + [(status_label(s), s) for s in STATUSES]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _apply_filters(self) -> None:
        self.proxy.urgency = None  # a filter chosen by hand replaces the dashboard card's
        self.proxy.set_filters(
            self.unit_filter.currentData(),
            self.district_filter.currentData(),
            self.status_filter.currentData(),
        )
        self._update_count()

    def filter_status(self, status: str) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def filter_urgency(self, kind: str) -> None:
        """The dashboard's 逾期 / 本周 / 本月 cards: only those employees, whatever else was filtered."""
        from .dashboard import urgency_matches

        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        today = self.clock.today()
        self.proxy.beginFilterChange()
        self.proxy.urgency = lambda r: urgency_matches(kind, r, today)
        self.proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._update_count()

    def filter_month(self, year: int, month: int) -> None:
        self.status_filter.setCurrentIndex(0)
        self.proxy.urgency = None
        self.proxy.set_filters(
            self.unit_filter.currentData(), self.district_filter.currentData(), None, (year, month)
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("显示 {shown} / 共 {total} 名员工").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_employee_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, ROW_ROLE).id

    def select_employee(self, employee_id: int) -> None:
        row = self.model.row_of(employee_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def move_selection(self, step: int) -> None:
        if self.proxy.rowCount() == 0:
            return
        row = self.table.currentIndex().row()
        row = 0 if row < 0 else min(max(row + step, 0), self.proxy.rowCount() - 1)
        self.table.setCurrentIndex(self.proxy.index(row, 0))

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        summary = self.proxy.data(current, ROW_ROLE)
        if self.detail.profile.is_modified() and summary.id != self.detail.employee_id:
            # Unsaved edits: stay on the edited employee until the user says save or discard.
            self._select_quietly(self.detail.employee_id)
            self.guard(lambda: self.select_employee(summary.id))
            return
        self.detail.show_loading(summary.id, summary.name)
        self.stack.setCurrentWidget(self.detail)
        self.request_case(summary.id)

    def _select_quietly(self, employee_id: int | None) -> None:
        """Move the list's selection back without opening anyone (the guard said wait)."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            row = self.model.row_of(employee_id) if employee_id is not None else None
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
            if index is not None and index.isValid():
                self.table.setCurrentIndex(index)
            else:
                self.table.clearSelection()
                self.table.setCurrentIndex(self.proxy.index(-1, -1))
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    # --- unsaved changes ----------------------------------------------------------------------------

    def guard(self, then: Any) -> None:
        """Before leaving an edited profile (another employee, the dashboard, closing, quitting): save,
        discard or cancel. `then` runs after a save has been written, or at once after discarding."""
        form = self.detail.profile
        if not form.is_modified():
            then()
            return
        answer = self.ask_unsaved(form.name.text().strip() or self.tr("新员工"))
        if answer == QMessageBox.StandardButton.Save:
            self.detail.save_profile(lambda _id: then(), self._save_failed)
        elif answer == QMessageBox.StandardButton.Discard:
            form.discard()
            then()

    def ask_unsaved(self, name: str) -> QMessageBox.StandardButton:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("未保存的修改"),
            self.tr("{name} 的档案有未保存的修改。要保存吗？").format(name=name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("保存"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("不保存"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        return QMessageBox.StandardButton(box.exec())

    def _save_failed(self, message: str) -> None:
        """The edits stay in the form; the user reads why and fixes it."""
        self.detail.setCurrentWidget(self.detail.profile)
        self.stack.setCurrentWidget(self.detail)
        self.detail.show_save_error(message)

    def _said_saved(self, _employee_id: int) -> None:
        self.statusBar().showMessage(self.tr("已保存 ✓"), 4000)

    def _modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        self.detail.mark_modified(modified)

    def quit_app(self) -> None:
        """文件 → 退出, Ctrl+Q and the tray's 退出: end the program, after the unsaved-changes guard."""

        def end() -> None:
            from PySide6.QtWidgets import QApplication

            self.quitting = True
            self.close()
            QApplication.quit()

        self.guard(end)

    # --- undo ---------------------------------------------------------------------------------------

    def push_undo(self, label: str, fn: Any) -> None:
        """Remember how to take back a destructive write: `fn(records)` runs on the writer and returns
        the employee ids it touched. The last ten are kept."""
        self._undo_stack.append((label, fn))
        del self._undo_stack[:-10]
        self._undo_text()

    def _undo_text(self) -> None:
        stack = getattr(self, "_undo_stack", [])
        self.act_undo.setEnabled(bool(stack))
        self.act_undo.setText(self.tr("撤销：{what}").format(what=stack[-1][0]) if stack else self.tr("撤销"))

    def undo(self) -> None:
        if not self._undo_stack:
            return
        label, fn = self._undo_stack.pop()
        self._undo_text()

        def done(_ids: Any) -> None:  # run_op has updated the rows of the ids `fn` returned
            self.statusBar().showMessage(self.tr("已撤销：{what}").format(what=label), 6000)

        self.run_op(fn, None, done)

    def show_dashboard(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.proxy.index(-1, -1))
        self.stack.setCurrentWidget(self.first_run if self.model.rowCount() == 0 else self.dashboard)

    def new_employee(self) -> None:
        if not self.desk.units.employers():
            QMessageBox.information(
                self, self.tr("新建员工"), self.tr("请先在“单位与经办人”中添加一个单位。")
            )
            self.edit_units()
            return
        self.table.clearSelection()
        self.detail.new_employee(self.unit_filter.currentData())
        self.stack.setCurrentWidget(self.detail)
        self.detail.profile.name.setFocus()

    def _employee_saved(self, employee_id: int) -> None:
        if self.model.row_of(employee_id) is None:  # a new employee: add the row, then select it
            self.model.update_rows([employee_id], self.desk.employees.summaries([employee_id]))
            self._update_count()
            self.select_employee(employee_id)
        self.apply_changes([employee_id])

    def delete_employee(self) -> None:
        """Only from the list (Delete with the list focused) or the menu; the name and ID are shown."""
        employee_id = self.current_employee_id()
        if employee_id is None:
            return
        row = self.proxy.data(self.table.currentIndex(), ROW_ROLE)
        answer = QMessageBox.question(
            self,
            self.tr("删除员工"),
            self.tr(
                "确定删除员工 <b>{name}</b>（{id}，{unit}）的全部记录吗？<br>可用“编辑 → 撤销”(Ctrl+Z) 恢复。"
            ).format(name=row.name, id=row.id_masked, unit=row.employer_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.detail.employee_id == employee_id:
            self.detail.profile.discard()  # their edits go with them (and come back with undo)
        self.show_dashboard()
        from ..employees.undo import delete_with_snapshot, restore_snapshot

        name = row.name

        def deleted(snapshot: Any) -> None:
            self.push_undo(
                self.tr("删除 {name}").format(name=name), lambda r: [restore_snapshot(r, snapshot)]
            )

        self.run_op(lambda r: delete_with_snapshot(r, employee_id), [employee_id], deleted)

    # --- files, forms, packs ------------------------------------------------------------------------

    def import_file(self) -> None:
        from ..rosters.importing import message_text
        from .i18n import current_lang
        from .rosters.import_dialog import ImportDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入名单"), "", message_text("roster.ui.file-filter", {}, current_lang())
        )
        if not path:
            return
        dialog = ImportDialog(self.desk, Path(path), self)
        if dialog.exec() and dialog.import_result is not None:
            self.reload()
            self.refresh_stale_statuses()

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出名单"), "hrdesk-名单.xlsx", self.tr("Excel (*.xlsx);;档案 JSON (*.json)")
        )
        if not path:
            return
        from ..rosters.api import export_json, export_xlsx

        target = Path(path)
        if target.suffix.lower() == ".json":
            export_json(self.desk, target)
        else:
            today = self.clock.today()
            upcoming = [
                (d.employee_id, d.code, d.date, d.message)
                for d in self.deadline_items
                if 0 <= (d.date - today).days <= 90
            ]
            export_xlsx(self.desk, target, upcoming)
        QMessageBox.information(self, self.tr("导出名单"), self.tr("已导出到 {path}").format(path=target))

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("备份"),
            f"hrdesk-备份-{self.clock.today().isoformat()}.zip",
            self.tr("备份文件 (*.zip)"),
        )
        if not path:
            return
        from ..desks.backup import create_backup

        data_dir = self.data_dir
        run_task(
            lambda task: create_backup(data_dir, Path(path)),
            lambda _r: QMessageBox.information(self, self.tr("备份"), self.tr("备份完成。")),
            lambda m: QMessageBox.warning(self, self.tr("备份"), m),
        )

    def print_form(self) -> None:
        employee_id = self.current_employee_id()
        if employee_id is None:
            QMessageBox.information(self, self.tr("打印表格"), self.tr("请先选择一名员工。"))
            return
        forms = {
            self.tr("诚信声明（个人）"): "integrity-individual",
            self.tr("诚信声明（单位）"): "integrity-unit",
            self.tr("房屋借住声明"): "housing-borrowing",
            self.tr("材料清单"): "checklist",
        }
        choice, ok = QInputDialog.getItem(
            self, self.tr("打印表格"), self.tr("选择表格："), list(forms), 0, False
        )
        if not ok:
            return
        from .forms.form_preview import FormPreviewDialog

        business = self.detail.eligibility.business.currentData() or "new"
        FormPreviewDialog(self.desk, employee_id, forms[choice], business, self).exec()

    def make_pack(self) -> None:
        employee_id = self.current_employee_id()
        if employee_id is None:
            QMessageBox.information(self, self.tr("生成材料包"), self.tr("请先选择一名员工。"))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存材料包的文件夹"))
        if not folder:
            return
        from ..packs.upload_pack import PackRefused, build_pack_for_stored
        from ..pdf.files import safe_filename

        business = self.detail.eligibility.business.currentData() or "new"
        name = self.desk.employees.employee(employee_id).name
        target = Path(folder) / safe_filename(f"{name}-{business}-{self.clock.today().isoformat()}")
        progress = QProgressDialog(self.tr("正在生成材料包…"), self.tr("取消"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        desk = self.desk

        def work(task: Any, force: bool = False) -> Any:
            try:
                return build_pack_for_stored(
                    desk, employee_id, business, target, force, lambda d, t: task.report(d, t)
                )
            except PackRefused as exc:
                return exc  # not an error: the user decides whether to pack anyway

        def done(result: Any) -> None:
            progress.close()
            if isinstance(result, PackRefused):
                answer = QMessageBox.question(
                    self,
                    self.tr("生成材料包"),
                    self.tr(
                        "材料不齐全或有缺陷：\n{problems}\n\n仍要生成吗？材料清单会注明这些问题。"
                    ).format(problems="\n".join(result.problems[:20])),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    run_task(lambda t: work(t, True), done, failed)
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))

        def failed(message: str) -> None:
            progress.close()
            if message:  # empty = cancelled: nothing was written
                QMessageBox.warning(self, self.tr("生成材料包"), message)

        task = run_task(work, done, failed)
        task.signals.progress.connect(lambda d, t: progress.setValue(int(100 * d / max(t, 1))))
        progress.canceled.connect(task.cancel)

    def visible_employee_ids(self) -> list[int]:
        return [self.proxy.data(self.proxy.index(r, 0), ROW_ROLE).id for r in range(self.proxy.rowCount())]

    def make_bulk_packs(self) -> None:
        from .packs.bulk_packs import open_bulk_packs  # the dialog, its worker and its report live there

        open_bulk_packs(self.desk, self.visible_employee_ids(), self)

    # --- dialogs ------------------------------------------------------------------------------------

    def edit_units(self) -> None:
        from .units.units_dialog import UnitsDialog

        UnitsDialog(self.desk, self).exec()
        self.reload(self.current_employee_id())

    def open_settings(self) -> None:
        from .desks.settings_dialog import SettingsDialog

        tray = self.tray is not None and self.tray.available
        dialog = SettingsDialog(self.desk, self.data_dir, self, self.clock.today(), tray)
        accepted = dialog.exec()
        wages = dict(dialog.pending_wages) if accepted else {}  # Cancel: the figures entered are dropped
        self.apply_scan_settings()
        today = self.clock.today()
        source = self.tr("用户录入")

        def save(r: Any) -> list[int]:
            for year, (monthly, effective) in wages.items():
                r.rule_data.save_wage_figure(year, monthly, effective, source, on=today)
            return []

        def saved(_r: Any) -> None:
            self.refresh_stale_statuses()  # new wage figures or holidays mark every status for a recompute
            self.reload(self.current_employee_id())

        if wages:
            self.run_op(save, [], saved)
        else:
            saved(None)

    def apply_scan_settings(self) -> None:
        from ..materials.service import scan_settings_from

        self.desk.materials.scan_settings = scan_settings_from(
            {
                "min_dpi": self.settings.value("scan/min_dpi", 150),
                "max_file_mb": self.settings.value("scan/max_file_mb", 10),
            }
        )

    def toggle_language(self) -> None:
        from .i18n import current_lang, set_language

        lang = "en" if current_lang() == "zh" else "zh"
        set_language(lang)
        self.settings.setValue("language", lang)

    def about(self) -> None:
        from .about_dialog import show_about

        show_about(self, self.data_dir)

    # --- layout memory ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state:
            self.restoreState(state)
        split = self.settings.value("window/splitter")
        if split:
            self.splitter.restoreState(split)
        else:  # the list wide enough for name, status, next deadline, unit and masked ID at 1366×768
            self.splitter.setSizes([560, 800])
        header = self.settings.value("window/list-header")
        if header:
            self.table.horizontalHeader().restoreState(header)
        else:  # name, status, next deadline, unit, ID (masked), permit expiry
            for col, width in enumerate((64, 112, 84, 150, 120, 84)):
                self.table.setColumnWidth(col, width)

    def close_to_tray(self) -> bool:
        """On by default where there is a tray; a setting (设置 → 关闭窗口时最小化到托盘)."""
        return (
            self.tray is not None
            and self.tray.available
            and self.settings.value("tray/close_to_tray", True, type=bool)
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        if not self.quitting and self.close_to_tray():
            self.hide()  # reminders go on from the tray; the edits stay in the hidden window
            event.ignore()
            if not self.settings.value("tray/told-close", False, type=bool):
                self.settings.setValue("tray/told-close", True)
                self.tray.tray.showMessage(
                    self.tr("hrdesk 仍在运行"),
                    self.tr(
                        "窗口已关闭到托盘区，期限提醒照常。要退出请用“文件 → 退出”；可在设置中关闭此行为。"
                    ),
                )
            return
        if not self.quitting and self.detail.profile.is_modified():
            event.ignore()  # ask first; close again once saved or discarded
            self.guard(self.quit_app)
            return
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/list-header", self.table.horizontalHeader().saveState())
        super().closeEvent(event)


def temp_pdf(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix="hrdesk-")) / f"{prefix}.pdf"
