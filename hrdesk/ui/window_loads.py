"""What the window loads and writes on workers: the list, the deadlines, a new day's statuses, and after a
write only the rows, deadlines and case it changed. The results land on the window's widgets."""

from __future__ import annotations

from bisect import insort
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from .employees.employee_model import sort_rows
from .workers import background_pool, on_writer, run_task, run_write

if TYPE_CHECKING:
    from ..desks.desk import Desk
    from .main_window import MainWindow

BIG_CHANGE = 2000  # more changed employees than this: one full reload beats thousands of row updates


def _freeze_loaded() -> None:
    """What a worker has just loaded (tens of thousands of rows, deadlines) lives until the next full
    load: move it out of the cyclic GC's reach, so the window's own small allocations never trigger a
    full collection that walks it (a stall of a second at 50,000 employees)."""
    import gc

    gc.freeze()


class WindowLoads(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def attach_records(self, desk: Desk) -> None:
        """The database is open: load the list on a worker, then refresh what a new day changed, then
        the deadlines (and the tray's first check)."""
        self.w.desk = desk
        if self.w._detail is not None:  # a page built later takes the desk then
            self.w._detail.set_desk(desk)
        from .desks.connection_banner import install_connection_banner

        install_connection_banner(self.w, desk)  # 「无法连接数据库服务器…」: holds writes, retries
        self.w.files.apply_scan_settings()
        self.w._loading += 1
        self.w.dashboard.set_loading(True)

        column, order = self.w.proxy.sorted_by

        def work(_task: Any) -> tuple[list[Any], list[Any]]:
            from .desks.change_watch import feed_position

            self.w._feed_start = feed_position(desk)  # before the list's snapshot: no change falls between
            return sort_rows(desk.employees.summaries(), column, order), desk.units.employers()

        run_task(work, self._summaries_loaded, self._background_failed)

    def background_busy(self) -> bool:
        return self.w._loading > 0

    def _background_failed(self, message: str) -> None:
        self.w._loading = max(0, self.w._loading - 1)
        self.w.dashboard.set_loading(False)
        if message:
            self.w.statusBar().showMessage(message, 15000)

    def _summaries_loaded(self, result: Any) -> None:
        self.w._loading -= 1
        self.w.dashboard.set_loading(False)
        summaries, employers = result
        self.w._employers = employers
        _freeze_loaded()
        self._set_summaries(summaries, presorted=True)
        from .paint_order import after_next_paint

        # The rows drawn first: the day's refresh (a worker) begun beside their paint made it wait.
        self.w._loading += 1  # busy meanwhile (what waits for the start to settle waits for it too)

        def refresh() -> None:
            self.w._loading -= 1
            self.refresh_stale_statuses()

        after_next_paint(self.w.table.viewport(), refresh)

    def _set_summaries(self, summaries: list[Any], presorted: bool = False) -> None:
        self.w.model.set_rows(summaries)
        if not presorted:
            self.w.model.sort(*self.w.proxy.sorted_by)
        self.w.dashboard.set_summaries(summaries, self.w.clock.today())
        self.w.filters.fill()
        self.w.filters.update_count()
        self._first_run_or_dashboard()

    def _first_run_or_dashboard(self) -> None:
        employees = self.w.model.rowCount()
        self.w.first_run.set_progress(len(getattr(self.w, "_employers", [])), employees, 0)
        current = self.w.stack.currentWidget()
        if employees == 0 and current is self.w.dashboard:
            self.w.stack.setCurrentWidget(self.w.first_run)
        elif employees and current is self.w._first_run:
            self.w.stack.setCurrentWidget(self.w.dashboard)

    def reload(self, select_id: int | None = None) -> None:
        """Everything again, at once (after an import or a restore; tests). Day-to-day writes use
        `apply_changes`, which touches only the rows they changed."""
        self.w._employers = self.w.desk.units.employers()
        self._set_summaries(self.w.desk.employees.summaries())
        self.refresh_deadlines()
        if select_id is not None:
            self.w.select_employee(select_id)

    def refresh_stale_statuses(self) -> None:
        """A new day: recompute the employees whose stored status no longer holds (usually a few percent;
        everyone after a big import or on the first of a month), then update those rows and load the
        deadlines. The computing runs on a background thread (worker processes for many people); only
        each small batch's store goes to the writer, so a save made meanwhile waits for one batch, and
        the refresh never writes a status over a person saved since it read them."""
        if self.w.desk is None:
            return
        desk, today = self.w.desk, self.w.clock.today()
        self.w._loading += 1

        def work(task: Any) -> list[int]:
            stale = desk.employees.stale_status_ids(today)
            if stale:
                desk.employees.refresh_statuses(
                    today,
                    stale,
                    progress=lambda d, n: task.signals.progress.emit(d, n),
                    store=lambda computed: on_writer(lambda: desk.employees.store_statuses(computed)),
                )
            return stale

        def done(stale: Any) -> None:
            self.w._loading -= 1
            self.w.statusBar().clearMessage()
            if stale:
                self.apply_changes(stale, deadlines=False)
            self.refresh_deadlines()

        task = run_task(work, done, self._background_failed, pool=background_pool())
        task.signals.progress.connect(
            lambda d, n: self.w.statusBar().showMessage(self.tr("正在更新状态：{d} / {n}").format(d=d, n=n))
        )

    def refresh_deadlines(self) -> None:
        """Deadlines for the calendar and the tray: the stored ones, read on a worker with one query."""
        from .i18n import current_lang

        desk, lang = self.w.desk, current_lang()
        self.w._loading += 1

        tray = self.w.tray
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
        self.w._loading -= 1
        self.w.deadline_items, self.w._unknown_years, states = result
        if states is not None and self.w.tray is not None and self.w.tray._states is None:
            self.w.tray._states = states
        _freeze_loaded()
        self.w.calendar.set_deadlines(self.w.deadline_items, self.w.clock.today(), self.w._unknown_years)
        if getattr(self.w, "change_watch", None) is None and self.w.desk is not None:
            from .desks.change_watch import ChangeWatcher

            self.w.change_watch = ChangeWatcher(self.w.desk, self.w)
            self.w.change_watch.changed.connect(lambda ids: self.apply_changes(ids))
            self.w.change_watch.start(position=getattr(self.w, "_feed_start", None))
        self.w.deadlinesReady.emit()

    def run_op(
        self,
        fn: Any,
        employee_ids: list[int] | None = None,
        done: Any = None,
        failed: Any = None,
    ) -> None:
        """Run a write `fn(records)` on the writer thread; then update just the rows, deadlines and case
        of `employee_ids` (or of the ids `fn` returns when it returns a list)."""
        desk = self.w.desk

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
                QMessageBox.warning(self.w, self.tr("保存失败"), message)

        banner = getattr(self.w, "connection_banner", None)
        if banner is None or not banner.hold(submit):  # the queue is paused while the server is away
            submit()

    def apply_changes(self, employee_ids: list[int], deadlines: bool = True) -> None:
        """Rows, deadlines and the open case of these employees, read again on a worker."""
        ids = sorted(set(employee_ids))
        if not ids or self.w.desk is None:
            return
        if len(ids) > BIG_CHANGE:  # new wage figures, a restore, a big import: load everything again
            self.attach_records(self.w.desk)
            return
        desk = self.w.desk
        from .i18n import current_lang

        lang = current_lang()
        self.w._loading += 1

        def work(_task: Any) -> tuple[list[Any], list[Any] | None]:
            from ..deadlines.stored import stored_deadlines

            return desk.employees.summaries(ids), stored_deadlines(desk, lang, ids) if deadlines else None

        def apply(result: Any) -> None:
            self.w._loading -= 1
            summaries, items = result
            model = self.w.model
            before = [model.row_at(r) for r in map(model.row_of, ids) if r is not None]
            model.update_rows(ids, summaries)
            self.w.dashboard.change_summaries(model.rows(), before, summaries)
            self.w.filters.update_count()
            if items is not None:
                self.w.deadline_items = merged_deadlines(self.w.deadline_items, set(ids), items)
                self.w.calendar.set_deadlines(
                    self.w.deadline_items, self.w.clock.today(), getattr(self.w, "_unknown_years", set())
                )
            current = self.w._detail.employee_id if self.w._detail is not None else None
            if current in ids and any(s.id == current for s in summaries):
                if self.w.stack.currentWidget() is self.w._detail:
                    self.w.request_case(current, self.w.case.business if self.w.case else None)
                else:  # the overview or the calendar is in front: drawn when the page comes back
                    self.w.case_stale = True

        run_task(work, apply, self._background_failed)


def deadline_order(item: Any) -> tuple[Any, ...]:
    return (item.date, item.employee_name, item.code)


MERGE_LIMIT = 500  # more new deadlines than this: one sort of the whole list is cheaper


def merged_deadlines(items: list[Any], employee_ids: set[int], fresh: list[Any]) -> list[Any]:
    """The window's deadline list (sorted by date, name, code) with the deadlines of `employee_ids`
    replaced by `fresh`, still sorted. A save brings a handful: each goes in at its place, where sorting
    the 100,000 deadlines of 50,000 people again took 0.1–0.2 s of the UI thread after every save."""
    kept = [d for d in items if d.employee_id not in employee_ids]
    if len(fresh) > MERGE_LIMIT:
        kept.extend(fresh)
        kept.sort(key=deadline_order)
        return kept
    for item in sorted(fresh, key=deadline_order):
        insort(kept, item, key=deadline_order)
    return kept
