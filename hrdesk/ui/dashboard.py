"""The start page: how many employees are in each state, and permit expiries per month for the next
12 months as a bar chart painted with QPainter (QtCharts is not in PySide6-Essentials). Clicking a
count or a bar filters the list."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from operator import attrgetter

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..clock import Clock
from ..employees.views import EmployeeSummary
from .employees.employee_model import STATUS_COLOURS, URGENCY_COLOURS, status_label

URGENCY_CARDS = ("overdue", "this-week", "this-month")
URGENCY_CARD_COLOURS = {**URGENCY_COLOURS, "this-month": "#f9a825"}


def urgency_matches(kind: str, s: EmployeeSummary, today: date) -> bool:
    """逾期 / 本周 / 本月: the stored urgency, and for the month the next deadline within 30 days
    (anything overdue or due this week counts for the month too)."""
    if kind == "overdue":
        return s.urgency == "overdue"
    if kind == "this-week":
        return s.urgency == "this-week"
    return s.urgency is not None or (
        s.next_deadline is not None and 0 <= (s.next_deadline - today).days <= 30
    )


def card_counts(summaries: list[EmployeeSummary], today: date) -> dict[str, int]:
    """How many employees each urgency card holds (the same answer as `urgency_matches` row by row),
    counted with C-level tallies of the few distinct values: 50,000 rows in milliseconds."""
    return cards_from(Tallies.of(summaries).pairs, today)


def cards_from(pairs: Counter[tuple[str | None, date | None]], today: date) -> dict[str, int]:
    """The urgency cards from a tally of (urgency, next deadline): a few hundred distinct pairs."""
    horizon = today + timedelta(days=30)
    counts = dict.fromkeys(URGENCY_CARDS, 0)
    for (urgency, deadline), n in pairs.items():
        if urgency in ("overdue", "this-week"):
            counts[urgency] += n
        if urgency is not None or (deadline is not None and today <= deadline <= horizon):
            counts["this-month"] += n
    return counts


def expiry_months(summaries: list[EmployeeSummary]) -> Counter[tuple[int, int]]:
    """Permits expiring per (year, month), tallied by distinct date first (a few hundred, not 50,000)."""
    return months_from(Tallies.of(summaries).expiries)


def months_from(expiries: Counter[date | None]) -> Counter[tuple[int, int]]:
    by_month: Counter[tuple[int, int]] = Counter()
    for day, n in expiries.items():
        if day is not None and n:
            by_month[(day.year, day.month)] += n
    return by_month


_STATUS = attrgetter("status")
_PAIR = attrgetter("urgency", "next_deadline")
_EXPIRES = attrgetter("permit_expires")


class Tallies:
    """What the start page shows, tallied once over the whole list and then kept up to date with the
    rows a save or a status refresh changed: after each of those a count over 50,000 rows (three passes,
    40–80 ms on the UI thread) was a stall of the window."""

    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.pairs: Counter[tuple[str | None, date | None]] = Counter()
        self.expiries: Counter[date | None] = Counter()

    @classmethod
    def of(cls, summaries: list[EmployeeSummary]) -> Tallies:
        tallies = cls()
        tallies.add(summaries)
        return tallies

    def add(self, summaries: list[EmployeeSummary]) -> None:
        self.statuses.update(map(_STATUS, summaries))
        self.pairs.update(map(_PAIR, summaries))
        self.expiries.update(map(_EXPIRES, summaries))

    def remove(self, summaries: list[EmployeeSummary]) -> None:
        self.statuses.subtract(map(_STATUS, summaries))
        self.pairs.subtract(map(_PAIR, summaries))
        self.expiries.subtract(map(_EXPIRES, summaries))


ORDER = ["renewal-due", "missing-materials", "not-eligible", "ready", "suspended", "expired", "valid"]


def next_months(today: date, count: int = 12) -> list[tuple[int, int]]:
    out = []
    y, m = today.year, today.month
    for _ in range(count):
        out.append((y, m))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def axis_labels(months: list[tuple[int, int]], lang: str) -> list[tuple[str, str]]:
    """Under each bar its month as people say it (3月 / Mar), and the year under the first bar and under
    every January: a reader sees where one year ends, never a code like "27/1"."""
    out = []
    for i, (year, month) in enumerate(months):
        name = f"{month}月" if lang != "en" else _EN_MONTHS[month - 1]
        out.append((name, (f"{year}年" if lang != "en" else str(year)) if i == 0 or month == 1 else ""))
    return out


_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ExpiryChart(QWidget):
    monthClicked = Signal(int, int)

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or Clock()
        self.months: list[tuple[int, int]] = []
        self.counts: list[int] = []
        self.setMinimumHeight(220)
        self.setMouseTracking(True)
        self._bars: list[QRectF] = []

    def set_months(self, by_month: Counter[tuple[int, int]], today: date) -> None:
        self.months = next_months(today)
        self.counts = [by_month.get(m, 0) for m in self.months]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        left, bottom, top = 30, 40, 16
        pal = self.palette()  # colours from the palette: readable under a dark system theme too
        p.fillRect(self.rect(), pal.color(pal.ColorRole.Base))
        if not self.months:
            return
        peak = max(max(self.counts), 1)
        slot = (w - left - 10) / len(self.months)
        self._bars = []
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        p.setPen(pal.color(pal.ColorRole.Mid))
        p.drawLine(left, h - bottom, w - 10, h - bottom)
        from .i18n import current_lang

        labels = axis_labels(self.months, current_lang())
        for i, count in enumerate(self.counts):
            bar_h = (h - bottom - top) * count / peak
            rect = QRectF(left + i * slot + slot * 0.15, h - bottom - bar_h, slot * 0.7, bar_h)
            self._bars.append(QRectF(left + i * slot, top, slot, h - top))
            near = pal.color(pal.ColorRole.Highlight)
            p.fillRect(rect, near if i < 3 else QColor(near.red(), near.green(), near.blue(), 130))
            p.setPen(pal.color(pal.ColorRole.Text))
            month_text, year_text = labels[i]
            p.drawText(
                QRectF(left + i * slot - 4, h - bottom + 4, slot + 8, bottom - 4),
                Qt.AlignmentFlag.AlignHCenter,
                month_text + ("\n" + year_text if year_text else ""),
            )
            if count:
                p.drawText(
                    QRectF(rect.left() - 6, rect.top() - 16, rect.width() + 12, 14),
                    Qt.AlignmentFlag.AlignHCenter,
                    str(count),
                )
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for i, rect in enumerate(self._bars):
            if rect.contains(event.position()):
                self.monthClicked.emit(*self.months[i])
                return


class Dashboard(QWidget):
    statusClicked = Signal(str)
    monthClicked = Signal(int, int)
    urgencyClicked = Signal(str)  # noqa: N815  overdue | this-week | this-month

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or Clock()
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(self.title)
        self.progress = QProgressBar()  # a demo being built: how many of its employees are made
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        urgent = QGridLayout()
        self.urgency_buttons: dict[str, QPushButton] = {}
        for i, kind in enumerate(URGENCY_CARDS):
            button = QPushButton()
            button.setMinimumHeight(64)
            colour = URGENCY_CARD_COLOURS[kind]
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {colour}; border-left: 10px solid {colour}; "
                f"text-align: left; padding: 6px; font-size: 15px; font-weight: bold; color: {colour}; }}"
                # Waiting for the counts (the demo being built, the list loading): greyed like the
                # status cards, not bright as if it could be clicked.
                "QPushButton:disabled { color: #9e9e9e; border-color: #e0e0e0; }"
            )
            button.clicked.connect(lambda _=False, k=kind: self.urgencyClicked.emit(k))
            self.urgency_buttons[kind] = button
            urgent.addWidget(button, 0, i)
        layout.addLayout(urgent)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, status in enumerate(ORDER):
            button = QPushButton()
            button.setMinimumHeight(56)
            button.setStyleSheet(
                f"QPushButton {{ border: 1px solid #e0e0e0; border-left: 6px solid "
                f"{STATUS_COLOURS[status]}; text-align: left; padding: 6px; font-size: 14px; }}"
            )
            button.clicked.connect(lambda _=False, s=status: self.statusClicked.emit(s))
            self.buttons[status] = button
            grid.addWidget(button, i // 4, i % 4)
        layout.addLayout(grid)
        self.chart_title = QLabel()
        layout.addWidget(self.chart_title)
        self.chart = ExpiryChart()
        self.chart.monthClicked.connect(self.monthClicked)
        layout.addWidget(self.chart, 1)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #757575")
        layout.addWidget(self.hint)
        self._summaries: list[EmployeeSummary] = []
        self._tallies = Tallies()
        self._today: date | None = None
        self._loading = False
        self._preparing: tuple[int, int] | None = None
        self.retranslate()

    def set_loading(self, loading: bool) -> None:
        """While the first counts are read: the cards say so instead of showing zeros."""
        self._loading = loading
        self._preparing = None
        self.progress.hide()
        for button in (*self.buttons.values(), *self.urgency_buttons.values()):
            button.setEnabled(not loading)
        self.title.setText(self._title())
        self._show(None)

    def set_preparing(self, done: int, total: int) -> None:
        """A demo desk being built (about a minute, before there is anything to count): the title and a
        bar say how many of its employees are made (`total` 0: not known yet)."""
        if self._preparing is None:
            self.set_loading(True)
        self._preparing = (done, total)
        self.progress.setRange(0, total)  # 0 – 0: a busy bar until the first count arrives
        self.progress.setValue(done)
        self.progress.show()
        self.title.setText(self._title())

    def _title(self) -> str:
        if self._preparing is not None:
            done, total = self._preparing
            if total:
                return self.tr("概览（正在生成演示数据… {done} / {total} 名员工）").format(
                    done=done, total=total
                )
            return self.tr("概览（正在生成演示数据…）")
        return self.tr("概览（正在载入…）") if self._loading else self.tr("概览")

    def retranslate(self) -> None:
        self.title.setText(self._title())
        self.chart_title.setText(self.tr("未来12个月证件到期人数（点击柱子筛选名单）"))
        self.hint.setText(self.tr("点击状态或柱子筛选左侧名单；选择一名员工查看详情。"))
        self._show(None)

    def set_summaries(self, summaries: list[EmployeeSummary], today: date | None = None) -> None:
        self._summaries = summaries
        self._tallies = Tallies.of(summaries)
        self._show(today)

    def change_summaries(
        self, summaries: list[EmployeeSummary], before: list[EmployeeSummary], after: list[EmployeeSummary]
    ) -> None:
        """After a write: `before` (the rows as they were) left the list and `after` came in; the counts
        change by those rows alone, not by counting `summaries`, the whole list, again."""
        self._summaries = summaries
        self._tallies.remove(before)
        self._tallies.add(after)
        self._show(None)

    def _show(self, today: date | None) -> None:
        self._today = today or self._today or self.clock.today()
        counts = self._tallies.statuses
        for status, button in self.buttons.items():
            button.setText(f"{status_label(status)}\n{'…' if self._loading else counts.get(status, 0)}")
        titles = {
            "overdue": self.tr("已逾期（立即处理）"),
            "this-week": self.tr("本周到期"),
            "this-month": self.tr("30天内到期"),
        }
        for kind, n in self.urgency_counts().items():
            self.urgency_buttons[kind].setText(f"{titles[kind]}\n{'…' if self._loading else n}")
        self.chart.set_months(months_from(self._tallies.expiries), self._today)

    def urgency_counts(self) -> dict[str, int]:
        today = self._today or self.clock.today()
        return cards_from(self._tallies.pairs, today)

    def counts(self) -> dict[str, int]:
        return {status: n for status, n in self._tallies.statuses.items() if n > 0}
