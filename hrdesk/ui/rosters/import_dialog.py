"""The import dialog: reads the roster on a worker (progress, cancel), shows new / changed (field by
field) / unchanged rows and the errors before anything is written, and writes only when the user
confirms. With errors, nothing is written unless "import only the good rows" is ticked; the bad rows can
be saved as a workbook with an error column.

Texts come from `resources/messages.toml` (`roster.ui.` keys, Chinese and English) like the service's
messages, so the dialog and the CLI speak with one voice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...rosters.importing import Cancelled, ImportPreview, ImportResult, apply, message_text, preview
from ...rosters.plan import PreviewRow, roster_values, shown
from ...rosters.values import vocabulary
from ..i18n import current_lang
from ..workers import Task, on_writer, run_task

ROWS_SHOWN = 1000  # rows listed per tab: a 50,000-row table would take seconds to fill


class ImportDialog(QDialog):
    def __init__(self, desk: Any, path: Path, parent: QWidget | None = None, today: Any = None) -> None:
        super().__init__(parent)
        self.desk, self.path, self.today = desk, path, today
        self.lang = current_lang()
        self.plan: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self._task: Task | None = None
        self._closing = False  # cancelled while reading: close once the worker has stopped
        self._said: Callable[[], str] = str  # the status line, made again in a new language
        self._saved_to: list[Path] = []  # where the bad rows were saved (said in the notices)
        self.setWindowTitle(f"{self.t('roster.ui.title')} — {path.name}")
        self.resize(960, 620)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        top.addWidget(self.status, 1)
        self.sheet_label = QLabel(self.t("roster.ui.sheet"))
        self.sheet_box = QComboBox()
        self.sheet_box.activated.connect(lambda _i: self.start_preview(self.sheet_box.currentText()))
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_box)
        layout.addLayout(top)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.notices = QListWidget()
        layout.addWidget(self.notices)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.keep_good = QCheckBox()
        self.keep_good.toggled.connect(self._update_buttons)
        layout.addWidget(self.keep_good)
        buttons = QHBoxLayout()
        self.save_errors = QPushButton(self.t("roster.ui.save-errors"))
        self.save_errors.clicked.connect(self.save_bad_rows)
        buttons.addWidget(self.save_errors)
        buttons.addStretch(1)
        self.import_button = QPushButton(self.t("roster.ui.import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.t("roster.ui.cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self._show_sheets([])
        # The app quitting with an import under way: it stops after the batch being written.
        QCoreApplication.instance().aboutToQuit.connect(self._stop_work)
        self.start_preview(None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A language switch with the dialog open: every text again in the new language (they come from
        `messages.toml`, not Qt's catalogue, so `dialog_language` cannot do it), the tables too."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "cancel_button"):
            self.lang = current_lang()
            self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(f"{self.t('roster.ui.title')} — {self.path.name}")
        self.sheet_label.setText(self.t("roster.ui.sheet"))
        self.save_errors.setText(self.t("roster.ui.save-errors"))
        self.import_button.setText(self.t("roster.ui.import"))
        self.cancel_button.setText(self.t("roster.ui.close" if self.import_result else "roster.ui.cancel"))
        self.status.setText(self._said())
        if self.plan is not None:
            tab = self.tabs.currentIndex()
            self._fill_tabs(self.plan)
            self.tabs.setCurrentIndex(tab)
            self._fill_notices()
            self._keep_good_text()
        self._update_buttons()

    def _say(self, text: Callable[[], str]) -> None:
        self._said = text
        self.status.setText(text())

    def t(self, key: str, **params: Any) -> str:
        return message_text(key, params, self.lang)

    # --- reading ------------------------------------------------------------------------------------

    def start_preview(self, sheet: str | None) -> None:
        desk, path = self.desk, self.path
        self._busy(lambda: self.t("roster.ui.reading", file=path.name))

        def work(task: Task) -> ImportPreview:
            return preview(desk, path, sheet, progress=task.report)

        self._task = run_task(work, self._previewed, self._failed)
        self._task.signals.progress.connect(self._progress)

    def _previewed(self, plan: ImportPreview) -> None:
        self._task = None
        self.plan = plan
        self.progress.hide()
        self._say(lambda: plan.summary(self.lang))
        self._saved_to = []
        self._fill_notices()
        self._show_sheets(plan.roster_sheets if len(plan.roster_sheets) > 1 else [], plan.sheet)
        self._fill_tabs(plan)
        self._keep_good_text()
        self.keep_good.setVisible(bool(plan.errors) and not plan.file_errors)
        self.keep_good.setChecked(False)
        self.save_errors.setVisible(bool(plan.errors))
        self.save_errors.setEnabled(True)
        self._update_buttons()

    def _fill_notices(self) -> None:
        """What the reading noticed (footer rows skipped, …) and where the bad rows were saved."""
        plan = self.plan
        notices = [n.text(self.lang) for n in plan.notices] if plan is not None else []
        notices += [self.t("roster.ui.saved-errors", path=path) for path in self._saved_to]
        self.notices.clear()
        self.notices.addItems(notices)
        self.notices.setVisible(bool(notices))
        line = self.notices.fontMetrics().height() + 6
        self.notices.setFixedHeight(min(5, max(1, len(notices))) * line + 6)

    def _keep_good_text(self) -> None:
        bad_rows = len({(e.sheet, e.row) for e in self.plan.errors}) if self.plan is not None else 0
        self.keep_good.setText(self.t("roster.ui.keep-good", n=bad_rows))

    def _show_sheets(self, sheets: list[str], current: str | None = None) -> None:
        self.sheet_box.clear()
        self.sheet_box.addItems(sheets)
        if current in sheets:
            self.sheet_box.setCurrentText(current)
        self.sheet_label.setVisible(bool(sheets))
        self.sheet_box.setVisible(bool(sheets))

    def _fill_tabs(self, plan: ImportPreview) -> None:
        while self.tabs.count():  # the tables of an earlier reading or language go, not only their tabs
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.setParent(None)
            page.deleteLater()
        c = "roster.ui.col-"
        new = [r for r in plan.rows if r.kind == "new"]
        changed = [r for r in plan.rows if r.kind == "changed"]
        unchanged = [r for r in plan.rows if r.kind in ("unchanged", "repeat")]
        errors = plan.errors
        self.error_table = self._table(
            [self.t(c + "row"), self.t(c + "column"), self.t(c + "message")],
            [(str(e.row or ""), e.column, e.message(self.lang)) for e in errors],
        )
        changes = [
            (str(r.row or ""), r.name, r.id_masked, ch.column, ch.old, ch.new)
            for r in changed
            for ch in r.changes
        ]
        person = [self.t(c + "row"), self.t(c + "name"), self.t(c + "id")]
        self.changed_table = self._table(
            [*person, self.t(c + "field"), self.t(c + "old"), self.t(c + "new")], changes
        )
        self.new_table = self._table(*stored_columns(new, person))
        unchanged_table = self._table(person, [(str(r.row or ""), r.name, r.id_masked) for r in unchanged])
        tabs = [
            ("roster.ui.tab-errors", errors, self.error_table),
            ("roster.ui.tab-new", new, self.new_table),
            ("roster.ui.tab-changed", changed, self.changed_table),
            ("roster.ui.tab-unchanged", unchanged, unchanged_table),
        ]
        for key, items, table in tabs:
            if key == "roster.ui.tab-errors" and not items:
                continue
            self.tabs.addTab(table, self.t(key, n=len(items)))

    def _table(self, headers: list[str], rows: list[tuple[str, ...]]) -> QWidget:
        table = QTableWidget(min(len(rows), ROWS_SHOWN), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for i, values in enumerate(rows[:ROWS_SHOWN]):
            for j, value in enumerate(values):
                table.setItem(i, j, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.resizeRowsToContents()
        if len(rows) <= ROWS_SHOWN:
            return table
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel(self.t("roster.ui.shown-first", n=ROWS_SHOWN)))
        inner.addWidget(table)
        return box

    # --- writing ------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        plan = self.plan
        writable = plan is not None and (plan.count("new") + plan.count("changed")) > 0
        allowed = plan is not None and not plan.file_errors and (plan.ok or self.keep_good.isChecked())
        self.import_button.setEnabled(self._task is None and writable and allowed)
        if plan is not None and plan.errors and not self.keep_good.isChecked():
            self.import_button.setToolTip(self.t("roster.ui.has-errors"))
        elif plan is not None and not writable:
            self.import_button.setToolTip(self.t("roster.ui.nothing"))
        else:
            self.import_button.setToolTip("")

    def start_import(self) -> None:
        plan, desk, keep, today = self.plan, self.desk, self.keep_good.isChecked(), self.today
        if plan is None:
            return
        self._busy(lambda: self.t("roster.ui.writing"))

        def work(task: Task) -> ImportResult:
            def progress(done: int, total: int) -> None:
                if task.cancelled:
                    raise Cancelled()
                task.signals.progress.emit(done, total)

            # Each batch is written by the one writer thread: a save the person makes in the window
            # meanwhile goes in between two batches instead of waiting on the database's lock.
            return apply(desk, plan, keep_good_rows=keep, today=today, progress=progress, write=on_writer)

        self._task = run_task(work, self._imported, self._failed)
        self._task.signals.progress.connect(self._progress)

    def _imported(self, result: ImportResult) -> None:
        self._task = None
        self.import_result = result

        def said() -> str:
            text = result.summary(self.lang)
            if result.cancelled:
                text += "\n" + self.t("roster.ui.cancelled")
            return text

        self._say(said)
        self.progress.hide()
        self.import_button.hide()
        self.keep_good.hide()
        self.cancel_button.setText(self.t("roster.ui.close"))
        self.cancel_button.setEnabled(True)

    # --- shared -------------------------------------------------------------------------------------

    def _busy(self, text: Callable[[], str]) -> None:
        self._say(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)
        self.save_errors.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, message: str) -> None:
        self._task = None
        if self._closing and self.plan is None:
            self.reject()
            return
        self.progress.hide()
        self._say(lambda: message or self.t("roster.ui.cancelled"))
        self.save_errors.setEnabled(True)
        self._update_buttons()

    def cancel(self) -> None:
        if self._task is None and self.import_result is not None:
            self.accept()
        else:
            self.reject()

    def _stop_work(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def reject(self) -> None:
        """Esc, the window's close box or 取消: while reading or writing, stop the work (after the batch
        being written) rather than leave it running behind a closed dialog; close once it stopped."""
        if self._task is not None:
            self._task.cancel()
            self._closing = self.plan is None
            return
        super().reject()

    def save_bad_rows(self) -> None:
        """Ask where, then write the workbook on a worker (thousands of rows would freeze the window);
        the button waits meanwhile, and the status line says where it went, or why it could not (a full
        disk, a folder the person may not write to) in their language."""
        if self.plan is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.t("roster.ui.save-errors"),
            str(self.path.with_name(self.t("roster.ui.save-errors-file"))),
            "Excel (*.xlsx)",
        )
        if not target:
            return
        plan, path, lang = self.plan, Path(target), self.lang
        self.save_errors.setEnabled(False)
        self._say(lambda: self.t("roster.ui.saving-errors", path=path))

        def work(_task: Task) -> str | None:
            from ...fileio import write_failure_reason
            from ...rosters.export import write_bad_rows

            try:
                write_bad_rows(plan, path, lang)
            except OSError as exc:
                return write_failure_reason(exc)
            return None

        def done(reason: str | None) -> None:
            self.save_errors.setEnabled(True)
            if reason is not None:
                self._say(lambda: self.t("roster.ui.save-errors-failed", path=path, reason=self.t(reason)))
                return
            self._say(lambda: plan.summary(self.lang))
            self._saved_to.append(path)
            self._fill_notices()

        def failed(message: str) -> None:
            self.save_errors.setEnabled(True)
            reason = message or self.t("file.write.failed")
            self._say(lambda: self.t("roster.ui.save-errors-failed", path=path, reason=reason))

        run_task(work, done, failed)


def stored_columns(rows: list[PreviewRow], person: list[str]) -> tuple[list[str], list[tuple[str, ...]]]:
    """The new people with every value the import will store for them (dates, unit, district,
    permit, monthly incomes...), under the template's headers: a column only when some row fills it."""
    vocab = vocabulary()
    values = []
    for r in rows:
        if r.values is not None:
            v, income = r.values, dict(r.values.get("income") or {})
        elif r.profile is not None:
            v, income = roster_values(r.profile), dict(r.profile.employee.monthly_income_cny)
        else:
            v, income = {}, {}
        values.append((v, income))
    fields = [
        c.field
        for c in vocab.columns
        if c.field not in ("name", "id_number") and any(v.get(c.field) not in (None, "") for v, _ in values)
    ]
    months = sorted({month for _, income in values for month in income})
    income_header = vocab.income["amount_header"]
    headers = [*person, *(vocab.column(f).header for f in fields), *(f"{income_header} {m}" for m in months)]
    table = [
        (
            str(r.row or ""),
            r.name,
            r.id_masked,
            *(shown(f, v.get(f)) for f in fields),
            *("" if income.get(m) is None else f"{income[m]:,.2f}" for m in months),
        )
        for r, (v, income) in zip(rows, values, strict=True)
    ]
    return headers, table
