"""A measuring probe for `benchmarks/bench_app.py`, switched on by the environment variable HRDESK_PROBE
(a JSON file to write). It watches the real window the way a user would feel it: time to first paint,
the longest gap of a 10 ms timer (a UI stall), when background work is done, a save made while the
daily refresh runs, one search keystroke, one employee selection, and peak memory; then it quits.
Nothing here runs unless the benchmark asks for it."""

from __future__ import annotations

import json
import os
import resource
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication


class _PaintWatch(QObject):
    def __init__(self, probe: Probe) -> None:
        super().__init__()
        self.probe = probe

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.probe.first_paint is None:
            self.probe.first_paint = time.time()
        return False


class Probe(QObject):
    def __init__(self, app: QApplication, window: Any, out: Path, t0: float) -> None:
        super().__init__()
        self.app, self.window, self.out, self.t0 = app, window, out, t0
        self.first_paint: float | None = None
        self.last_tick = time.perf_counter()
        self.stalls: list[float] = []
        self.stall_times: list[tuple[float, int]] = []
        self.idle_since: float | None = None
        self.background_done: float | None = None
        self.save: dict[str, Any] = {}
        self.watch = _PaintWatch(self)
        window.installEventFilter(self.watch)
        self.tick = QTimer(self)
        self.tick.setInterval(10)
        self.tick.timeout.connect(self._tick)
        self.tick.start()
        self.deadline = time.time() + float(os.environ.get("HRDESK_PROBE_TIMEOUT", "600"))
        # Soak: after the start has settled, save one employee this many times the way the window saves
        # (each save refreshes the list row, the calendar agenda and the open case).
        self.soak_total = int(os.environ.get("HRDESK_PROBE_SOAK", "0"))
        self.soak: dict[str, Any] = {}

    def _busy(self) -> bool:
        from . import workers

        pools = [QThreadPool.globalInstance(), *getattr(workers, "extra_pools", lambda: [])()]
        return (
            bool(workers._in_flight)
            or any(p.activeThreadCount() for p in pools)
            or bool(getattr(self.window, "background_busy", lambda: False)())
        )

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last_tick
        self.last_tick = now
        if self.first_paint is None:
            return
        self.stalls.append(gap)
        if gap > 0.03:  # when, after the first paint, the window did not answer (to find what ran then)
            self.stall_times.append((round(time.time() - self.first_paint - gap, 3), round(gap * 1000)))
        if not self.save and time.time() - self.first_paint > 0.5 and self.window.model.rowCount():
            self._save_during_refresh()
        if self._busy() or self.window.desk is None:
            self.idle_since = None
        elif self.idle_since is None:
            self.idle_since = time.time()
        elif time.time() - self.idle_since > 2.0 and self.save.get("done"):
            self.background_done = self.idle_since
            self.tick.stop()
            if self.soak_total:
                self._soak_start()
            else:
                self._finish()
        if time.time() > self.deadline and self.tick.isActive():
            self.tick.stop()
            self._finish()

    def _save_during_refresh(self) -> None:
        """Save one employee's unchanged profile the way the window saves, while the refresh runs."""
        self.save = {"started": time.time()}
        window = self.window
        rows = window.model.rows()
        if not rows:  # the list is not loaded yet: try again at the next tick
            self.save = {}
            return
        employee_id = rows[0].id
        if hasattr(window, "probe_save"):
            window.probe_save(employee_id, self._saved)
            return

        def work() -> None:
            try:
                window.desk.employees.update_profile(employee_id, window.desk.employees.profile(employee_id))
                self._saved(None)
            except Exception as exc:  # the failure is the measurement
                self._saved(f"{type(exc).__name__}: {exc}")

        threading.Thread(target=work, daemon=True).start()

    def _saved(self, error: str | None) -> None:
        self.save.update(done=True, error=error, seconds=round(time.time() - self.save["started"], 3))

    def _soak_start(self) -> None:
        import sys

        rows = self.window.model.rows()
        self.soak = {
            "saves": 0,
            "errors": 0,
            "rss_before_mb": _rss_mb(),
            "none_refs_before": sys.getrefcount(None),
            "started": time.time(),
            "employee_id": rows[0].id,
        }
        self._soak_next(None)

    def _soak_next(self, error: str | None) -> None:
        import sys

        if error:
            self.soak["errors"] += 1
        if self.soak["saves"] >= self.soak_total:
            self.soak.update(
                rss_after_mb=_rss_mb(),
                none_refs_after=sys.getrefcount(None),
                seconds=round(time.time() - self.soak.pop("started"), 1),
            )
            self.soak.pop("employee_id", None)
            self._finish()
            return
        self.soak["saves"] += 1
        QTimer.singleShot(0, lambda: self.window.probe_save(self.soak["employee_id"], self._soak_next))

    def _finish(self) -> None:
        try:
            self._measure_and_write()
        finally:
            self.window.quitting = True
            self.app.quit()

    def _measure_and_write(self) -> None:
        window, app = self.window, self.app
        # One search keystroke over the whole list.
        t = time.perf_counter()
        window.search.setText("员工0")
        app.processEvents()
        keystroke = time.perf_counter() - t
        window.search.setText("")
        app.processEvents()
        # Select one employee and wait until its case is shown.
        counts = getattr(window, "probe_counts", lambda: {})()
        t = time.perf_counter()
        window.move_selection(3)
        wait_until = time.time() + 10
        shown = getattr(window, "case_shown", None)
        while shown is not None and not shown() and time.time() < wait_until:
            app.processEvents()
            time.sleep(0.001)
        select = time.perf_counter() - t
        paint = (self.first_paint or time.time()) - self.t0
        result = {
            "first_paint_s": round(paint, 3),
            "background_after_paint_s": round(
                (self.background_done or time.time()) - (self.first_paint or 0), 2
            ),
            "background_finished": self.background_done is not None,
            "longest_stall_ms": round(max(self.stalls, default=0) * 1000),
            "stalls_over_100ms": sum(1 for s in self.stalls if s > 0.1),
            "stalls_over_30ms_at": self.stall_times,  # [seconds after first paint it began, ms]
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "save_during_refresh": self.save,
            "keystroke_ms": round(keystroke * 1000, 1),
            "select_ms": round(select * 1000, 1),
            "soak": self.soak or None,
            "select_counts": {
                k: v - counts.get(k, 0) for k, v in getattr(window, "probe_counts", lambda: {})().items()
            },
        }
        self.out.write_text(json.dumps(result, ensure_ascii=False, indent=2))


def install_if_asked(app: QApplication, window: Any) -> Probe | None:
    out = os.environ.get("HRDESK_PROBE")
    if not out:
        return None
    probe = Probe(app, window, Path(out), float(os.environ.get("HRDESK_PROBE_T0", time.time())))
    window._probe = probe
    return probe


def _rss_mb() -> float:
    """The window process's resident memory now (not the peak): /proc on Linux, the peak elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
