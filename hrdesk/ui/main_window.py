"""The main window: employee list on the left (search, filters, sort), the dashboard or one employee's
tabs on the right; menus, toolbar and shortcuts; geometry and column widths remembered."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..clock import Clock
from .dashboard import Dashboard
from .employee_actions import EmployeeActions
from .employees.employee_model import (
    ROW_ROLE,
    EmployeeFilterProxy,
    EmployeeTableModel,
)
from .file_actions import FileActions
from .list_filters import ListFilters
from .window_layout import fit_header_texts, restore_layout, save_geometry, save_layout
from .window_loads import WindowLoads
from .window_menus import build_actions, desk_actions, retranslate_menus
from .workers import run_task

if TYPE_CHECKING:
    from ..desks.desk import Desk
    from ..employees.case import EmployeeCase
    from .deadlines.calendar_view import CalendarView
    from .employees.employee_detail import EmployeeDetail
    from .first_run import FirstRunGuide

STATUSES = ["ready", "missing-materials", "not-eligible", "renewal-due", "valid", "expired", "suspended"]


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
        self.case_stale = False  # the employee in the detail changed while another page was in front
        self._loading = 0  # background loads in flight (the benchmark waits for none)
        self.settings = QSettings()
        self.tray: Any = None  # attached by the app after the first frame (ui/app.py attach_tray)
        self.tray_only = False  # started hidden in the tray (`hrdesk --tray`)
        self.quitting = False
        self.instance_server: Any = None
        self.model = EmployeeTableModel(self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # Left: search, filters, list.
        left = QWidget()
        lv = QVBoxLayout(left)
        self.filters = ListFilters(self, lv)
        self.search, self.count_label = self.filters.search, self.filters.count_label
        self.unit_filter, self.status_filter = self.filters.unit_filter, self.filters.status_filter
        self.district_filter = self.filters.district_filter
        self.files = FileActions(self)
        self.employee_actions = EmployeeActions(self)
        self.loads = WindowLoads(self)
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
        from .materials.new_from_folder import install as install_folder_drop

        self.folder_drop = install_folder_drop(self)  # a folder of one person's scans → a new record
        lv.addWidget(self.count_label)

        # Right: dashboard or detail.
        self.stack = QStackedWidget()
        self.dashboard = Dashboard(self.clock)
        if desk is None:  # the database opens after the first frame: the cards say so, not zeros
            self.dashboard.set_loading(True)
        # The employee page, the calendar and the first-run guide are built after the first frame, one
        # at a time (`window_pages.build_pages`), or at once when something asks for them first (a test, a click).
        self._detail: EmployeeDetail | None = None
        self._calendar: CalendarView | None = None
        self._first_run: FirstRunGuide | None = None
        self.stack.addWidget(self.dashboard)
        self.deadline_items: list[Any] = []

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        build_actions(self)

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(self._row_clicked)
        self.stack.currentChanged.connect(self._page_shown)
        self.dashboard.statusClicked.connect(self.filters.status)
        self.dashboard.monthClicked.connect(self.filters.month)
        self.dashboard.urgencyClicked.connect(self.filters.urgency)

        self.retranslate()
        restore_layout(self)
        if desk is not None:
            self.attach_records(desk)
        else:
            for action in desk_actions(self):
                action.setEnabled(False)  # until `attach_records`
        # The stored statuses hold until a day; check for a new day every hour (and after sleep).
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(3600 * 1000)
        self.day_timer.timeout.connect(self.refresh_stale_statuses)
        self.day_timer.start()

    # --- the pages behind the overview -------------------------------------------------------------

    @property
    def detail(self) -> EmployeeDetail:
        """One employee's tabs (built on first use if `window_pages.build_pages` has not reached it yet)."""
        if self._detail is None:
            self._build_detail()
        assert self._detail is not None
        return self._detail

    @property
    def calendar(self) -> CalendarView:
        if self._calendar is None:
            from .deadlines.calendar_view import CalendarView

            self._calendar = CalendarView(clock=self.clock)
            self.stack.addWidget(self._calendar)
            self._calendar.employeeActivated.connect(self.open_employee)
            self._calendar.reminderAction.connect(self.files.reminder_action)
        return self._calendar

    @property
    def first_run(self) -> FirstRunGuide:
        """An empty database shows three steps instead of a dashboard of zeros."""
        if self._first_run is None:
            from .first_run import FirstRunGuide

            self._first_run = FirstRunGuide()
            self.stack.addWidget(self._first_run)
            self._first_run.createUnitRequested.connect(lambda: self.files.edit_units())
            self._first_run.importRosterRequested.connect(lambda: self.files.import_file())
            self._first_run.addEmployeeRequested.connect(lambda: self.new_employee())
            self._first_run.attachScansRequested.connect(self._attach_first_scans)
        return self._first_run

    def _build_detail(self, panels: dict[str, Any] | None = None) -> None:
        from .employees.employee_detail import EmployeeDetail

        if panels and "profile" in panels:
            panels["profile"].finish_building()  # asked for between the form's two steps
        detail = EmployeeDetail(self.desk, self.data_dir, panels=panels)
        detail.push_undo = self.employee_actions.push_undo
        detail.set_run_op(self.run_op)
        detail.request_case = self.request_case
        self.stack.addWidget(detail)
        detail.saved.connect(self._employee_saved)
        detail.profile.saved.connect(self._said_saved)
        detail.openEmployee.connect(self.open_employee)
        detail.profile.modifiedChanged.connect(self._modified_changed)
        self._detail = detail

    # --- actions and menus --------------------------------------------------------------------------

    def retranslate(self) -> None:
        title = self.tr("hrdesk — 工作居住证办理助手")
        # "[*]" shows the unsaved-changes mark (setWindowModified) where the platform puts it.
        self.setWindowTitle(title + (self.tr("（演示数据）") if self.demo else "") + "[*]")
        retranslate_menus(self)
        self.filters.retranslate()
        self.employee_actions.undo_text()
        self.model.retranslate()
        fit_header_texts(self)
        self.dashboard.retranslate()
        for page in (self._detail, self._calendar, self._first_run):
            if page is not None:  # a page built later is built in the language of then
                page.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._read_again_in_new_language()
        super().changeEvent(event)

    def _read_again_in_new_language(self) -> None:
        """What was built in the old language: the open case (its verdict, findings and checklist), the
        deadlines' texts, the tray's menu and the status bar's last message."""
        self.statusBar().clearMessage()
        if self.tray is not None and hasattr(self.tray, "retranslate"):
            self.tray.retranslate()
        if self.desk is None or self._detail is None:
            return
        if self.detail.employee_id is not None:
            if self.stack.currentWidget() is self._detail:
                self.request_case(self.detail.employee_id, self.case.business if self.case else None)
            else:
                self.case_stale = True  # read again when the page comes back to the front
        if self.deadline_items:
            self.refresh_deadlines()

    # --- data (loaded and written on workers by `self.loads`) ------------------------------------

    def attach_records(self, desk: Desk) -> None:
        for action in desk_actions(self):
            action.setEnabled(True)
        self.loads.attach_records(desk)

    def show_demo_progress(self, done: int = 0, total: int = 0) -> None:
        """`hrdesk --demo`: the demo is being built on a worker; the overview counts the employees made."""
        self.dashboard.set_preparing(done, total)

    def background_busy(self) -> bool:
        return self.loads.background_busy()

    def reload(self, select_id: int | None = None) -> None:
        self.loads.reload(select_id)

    def refresh_stale_statuses(self) -> None:
        self.loads.refresh_stale_statuses()

    def refresh_deadlines(self) -> None:
        self.loads.refresh_deadlines()

    def run_op(
        self, fn: Any, employee_ids: list[int] | None = None, done: Any = None, failed: Any = None
    ) -> None:
        self.loads.run_op(fn, employee_ids, done, failed)

    def apply_changes(self, employee_ids: list[int], deadlines: bool = True) -> None:
        self.loads.apply_changes(employee_ids, deadlines)

    # --- data ---------------------------------------------------------------------------------------

    def _attach_first_scans(self) -> None:
        if self.current_employee_id() is None:
            self.move_selection(1)
        self.detail.setCurrentWidget(self.detail.materials)

    # --- writes and what they changed ---------------------------------------------------------------

    # --- one employee's case ------------------------------------------------------------------------

    def request_case(self, employee_id: int, business: str | None = None) -> None:
        """Build the employee's case on a worker; only the newest request is shown."""
        from .i18n import current_lang

        self._case_wanted = (employee_id, business)
        self.case_stale = False
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

    def show_calendar(self) -> None:
        self.stack.setCurrentWidget(self.calendar)

    def open_employee(self, employee_id: int) -> None:
        self.search.clear()
        self.proxy.urgency = None
        self.proxy.set_filters()
        self.status_filter.setCurrentIndex(0)
        self.select_employee(employee_id)

    def current_employee_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, ROW_ROLE).id

    def chosen_employee_id(self) -> int | None:
        """The person 打印表格 and 生成材料包 act on: the one selected in the list, else the one whose page
        is open (a search can hide them from the list while their page stays in front)."""
        selected = self.current_employee_id()
        if selected is not None:
            return selected
        return self.detail.employee_id if self.stack.currentWidget() is self._detail else None

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
        self.case_stale = False  # the case is built again just below
        self.stack.setCurrentWidget(self.detail)
        self.filters.show_hidden_open()  # someone shown in the list is open now
        self.request_case(summary.id)

    def keep_selection(self) -> None:
        """After the list was narrowed or widened: the person open on the right is selected again as soon
        as the list shows them (a search that hid them for a moment does not lose them, nor open a
        neighbour in their place)."""
        if self.table.currentIndex().isValid() or self.stack.currentWidget() is not self._detail:
            return
        if self.detail.employee_id is not None and self.model.row_of(self.detail.employee_id) is not None:
            self._select_quietly(self.detail.employee_id)

    def _row_clicked(self, index: Any) -> None:
        """The employee already chosen, clicked again while the overview or the calendar is in front:
        their page comes back (selecting the same row again changes nothing, so nothing else would)."""
        if self.stack.currentWidget() is self._detail or not index.isValid():
            return
        if self.proxy.data(index, ROW_ROLE).id == self.detail.employee_id:
            self.stack.setCurrentWidget(self.detail)

    def _page_shown(self, _index: int) -> None:
        """An employee's page back in front: what changed for them meanwhile (a write, a scan read,
        another desk) is drawn, not the case from before."""
        self.filters.show_hidden_open()  # the note of a person hidden by a filter goes with their page
        if (
            self.case_stale
            and self.stack.currentWidget() is self._detail
            and self.detail.employee_id is not None
        ):
            self.request_case(self.detail.employee_id, self.case.business if self.case else None)

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

    # --- what the menus, the dashboard and the tests call on the window ----------------------------

    def new_employee(self) -> None:
        self.employee_actions.new_employee()

    def delete_employee(self) -> None:
        self.employee_actions.delete_employee()

    def filter_status(self, status: str) -> None:
        self.filters.status(status)

    def filter_month(self, year: int, month: int) -> None:
        self.filters.month(year, month)

    def focus_search(self) -> None:
        self.filters.focus_search()

    def export_ics(self) -> None:
        self.files.export_ics()

    def open_settings(self) -> None:
        self.files.open_settings()

    def toggle_language(self) -> None:
        self.files.toggle_language()

    # --- unsaved changes ----------------------------------------------------------------------------

    def guard(self, then: Any) -> None:
        """Before leaving an edited profile (another employee, the dashboard, closing, quitting): save,
        discard or cancel. `then` runs after a save has been written, or at once after discarding."""
        if self._detail is None or not self.detail.profile.is_modified():
            then()
            return
        form = self.detail.profile
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

    def show_dashboard(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.proxy.index(-1, -1))
        self.stack.setCurrentWidget(self.first_run if self.model.rowCount() == 0 else self.dashboard)

    def _employee_saved(self, employee_id: int) -> None:
        if self.model.row_of(employee_id) is None:  # a new employee: add the row, then select it
            self.model.update_rows([employee_id], self.desk.employees.summaries([employee_id]))
            self.filters.update_count()
            self.select_employee(employee_id)
        self.apply_changes([employee_id])

    def visible_employee_ids(self) -> list[int]:
        return [self.proxy.data(self.proxy.index(r, 0), ROW_ROLE).id for r in range(self.proxy.rowCount())]

    # --- dialogs ------------------------------------------------------------------------------------

    # --- layout memory ------------------------------------------------------------------------------

    def close_to_tray(self) -> bool:
        """On by default where there is a tray; a setting (设置 → 关闭窗口时最小化到托盘)."""
        return (
            self.tray is not None
            and self.tray.available
            and self.settings.value("tray/close_to_tray", True, type=bool)
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        save_geometry(self)
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
        if not self.quitting and self._detail is not None and self.detail.profile.is_modified():
            event.ignore()  # ask first; close again once saved or discarded
            self.guard(self.quit_app)
            return
        save_layout(self)
        super().closeEvent(event)
