"""The right-hand side of the main window: one employee's tabs (profile, eligibility, materials,
applications, children)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...employees.status import DUTY_CODES
from ...labels import cite
from ...labels import label as code_label
from ..i18n import current_lang
from ..materials.materials_panel import MaterialsPanel
from .profile_form import ProfileForm

SEVERITY_COLOURS = {"blocker": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


def business_label(code: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "new": QCoreApplication.translate("Business", "新办"),
        "renewal": QCoreApplication.translate("Business", "续签"),
        "employer-change": QCoreApplication.translate("Business", "聘用单位变更"),
        "basic-change": QCoreApplication.translate("Business", "基础信息变更"),
        "business-change": QCoreApplication.translate("Business", "业务信息变更（随往子女）"),
    }[code]


BUSINESSES = ("new", "renewal", "employer-change", "basic-change", "business-change")


class EligibilityPanel(QWidget):
    businessChanged = Signal(str)

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_id: int | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.business_label = QLabel()
        self.business = QComboBox()
        top.addWidget(self.business_label)
        top.addWidget(self.business)
        top.addStretch(1)
        layout.addLayout(top)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #c62828; color: white; font-weight: bold; padding: 6px; border-radius: 3px; }"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        self.findings = QTableWidget(0, 3)
        self.findings.verticalHeader().setVisible(False)
        self.findings.horizontalHeader().setStretchLastSection(True)
        self.findings.setWordWrap(True)
        self.findings.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.findings, 2)
        self.deadlines = QTableWidget(0, 2)
        self.deadlines.verticalHeader().setVisible(False)
        self.deadlines.horizontalHeader().setStretchLastSection(True)
        self.deadlines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.deadlines, 1)
        self.business.currentIndexChanged.connect(self._business_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.business_label.setText(self.tr("业务类型："))
        current = self.business.currentData()
        self.business.blockSignals(True)
        self.business.clear()
        for code in BUSINESSES:
            self.business.addItem(business_label(code), code)
        self.business.setCurrentIndex(max(0, self.business.findData(current)))
        self.business.blockSignals(False)
        self.findings.setHorizontalHeaderLabels([self.tr("级别"), self.tr("问题"), self.tr("依据")])
        self.deadlines.setHorizontalHeaderLabels([self.tr("日期"), self.tr("期限")])
        self.refresh()

    def set_business(self, business: str) -> None:
        self.business.setCurrentIndex(max(0, self.business.findData(business)))

    def _business_changed(self) -> None:
        self.businessChanged.emit(self.business.currentData())

    def set_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.case = None
        self.refresh()

    def set_case(self, case: Any) -> None:
        self.employee_id, self.case = case.employee_id, case
        self.business.blockSignals(True)
        self.set_business(case.business)
        self.business.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.findings.setRowCount(0)
        self.deadlines.setRowCount(0)
        case = getattr(self, "case", None)
        if self.employee_id is None or case is None:
            self.verdict.setText("")
            return
        result = case.result
        self._render(result, case.deadlines)

    def _render(self, result: Any, deadlines: Any) -> None:
        overdue = [d for d in deadlines if d.code in DUTY_CODES and d.date < result.on]
        if overdue:  # the most urgent case must not look routine
            first = overdue[0]
            texts = {
                "UNLINK_DUE": self.tr(
                    "原单位解除关联已逾期（{date}）— 请立即联系原单位办理解除，或联系主管部门。"
                ),
                "UNIT_REVIEW_DUE": self.tr("单位审核已超过 7 天（{date}）— 系统会自动退回，请立即审核。"),
            }
            default = self.tr("已过最晚安全提交日（{date}）— 请立即提交，或联系主管部门。")
            self.banner.setText(texts.get(first.code, default).format(date=first.date.isoformat()))
            self.banner.show()
        else:
            self.banner.hide()
        yes, no = self.tr("是"), self.tr("否")
        eligible, ready = self.tr("符合条件"), self.tr("材料齐全")
        categories, threshold = self.tr("符合的申请条件"), self.tr("收入标准")
        # Overdue is never green, however complete the file is: the banner above says what to do.
        colour = (
            "#c62828"
            if overdue
            else "#2e7d32"
            if result.ready
            else "#ef6c00"
            if result.eligible
            else "#c62828"
        )
        self.verdict.setText(
            f"<b style='color:{colour}'>{eligible}: {yes if result.eligible else no}　"
            f"{ready}: {yes if result.ready else no}</b>　"
            f"{categories}: {'、'.join(code_label('category', c, current_lang()) for c in result.qualifying_categories) or '—'}　"
            f"{threshold}: ≥ {result.thresholds['x1_2']}"
        )
        severity_names = {"blocker": self.tr("阻断"), "warning": self.tr("警告"), "info": self.tr("提示")}
        # Blockers first: what stops the application is read before warnings and notes.
        rank = {"blocker": 0, "warning": 1, "info": 2}
        for f in sorted(result.findings, key=lambda f: rank.get(f.severity, 3)):
            row = self.findings.rowCount()
            self.findings.insertRow(row)
            sev = QTableWidgetItem(severity_names[f.severity])
            sev.setForeground(QBrush(QColor(SEVERITY_COLOURS[f.severity])))
            sev.setToolTip(f.code)
            self.findings.setItem(row, 0, sev)
            self.findings.setItem(row, 1, QTableWidgetItem(f.message))
            self.findings.setItem(row, 2, QTableWidgetItem(cite(f.source, current_lang())))
        self.findings.setColumnWidth(0, 60)
        self.findings.setColumnWidth(1, max(300, self.findings.viewport().width() - 260))
        self.findings.resizeRowsToContents()
        for d in deadlines:
            append_row(self.deadlines, (d.date.isoformat(), d.message))
            if d.code in DUTY_CODES and d.date < result.on:
                for col in range(2):
                    self.deadlines.item(self.deadlines.rowCount() - 1, col).setForeground(
                        QBrush(QColor("#c62828"))
                    )


def read_only_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def append_row(table: QTableWidget, values: tuple[str, ...]) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for col, text in enumerate(values):
        table.setItem(row, col, QTableWidgetItem(text))


class _RecordTable(QWidget):
    """A read-only table of one employee's rows with a row of action buttons; subclasses say which rows,
    headers and actions."""

    changed = Signal()

    def __init__(self, desk: Any, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.employee_id: int | None = None
        self.table = read_only_table(columns)
        layout = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        layout.addWidget(self.table)
        self.retranslate()

    def add_button(self, slot: Any) -> Any:
        from PySide6.QtWidgets import QPushButton

        button = QPushButton()
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rows(self, employee_id: int) -> list[tuple[str, ...]]:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(self.headers())

    run_op: Any = None  # the window's writer (set by EmployeeDetail); None in stand-alone use

    def set_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.case = None
        self._fill(self.rows(employee_id) if employee_id is not None else [])

    def set_case(self, case: Any) -> None:
        self.employee_id, self.case = case.employee_id, case
        self._fill(self.case_rows(case))

    def _fill(self, rows: list[tuple[str, ...]]) -> None:
        self.table.setRowCount(0)
        for values in rows:
            append_row(self.table, values)

    def case_rows(self, case: Any) -> list[tuple[str, ...]]:
        raise NotImplementedError

    def write(self, fn: Any) -> None:
        """A write for this employee: on the window's writer thread when there is one (the window then
        rebuilds the case and these rows); directly otherwise."""
        employee_id = self.employee_id
        if self.run_op is not None:
            self.run_op(fn, [employee_id])
            return
        fn(self.desk)
        self.set_employee(employee_id)
        self.changed.emit()


APPLICATION_STATUSES = ("draft", "unit-review", "submitted", "returned", "approved", "rejected")


def application_status_label(code: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "draft": QCoreApplication.translate("Application", "草稿"),
        "unit-review": QCoreApplication.translate("Application", "单位审核中"),
        "submitted": QCoreApplication.translate("Application", "已提交主管部门"),
        "returned": QCoreApplication.translate("Application", "被退回"),
        "approved": QCoreApplication.translate("Application", "已核准"),
        "rejected": QCoreApplication.translate("Application", "审核不通过"),
    }[code]


class ApplicationsPanel(_RecordTable):
    """业务 history: open a business, move it through its statuses, keep the return reasons (退回意见)."""

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        self._app_ids: list[int] = []
        super().__init__(desk, 4, parent)
        self.new_button = self.add_button(self.open_application)
        self.status_button = self.add_button(self.change_status)
        self.buttons.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "new_button"):
            self.new_button.setText(self.tr("新建业务…"))
            self.status_button.setText(self.tr("更新状态…"))

    def headers(self) -> list[str]:
        return [self.tr("业务"), self.tr("状态"), self.tr("日期"), self.tr("退回意见 / 备注")]

    def open_application(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.employee_id is None:
            return
        labels = [business_label(b) for b in BUSINESSES]
        choice, ok = QInputDialog.getItem(self, self.tr("新建业务"), self.tr("业务类型："), labels, 0, False)
        if ok:
            employee_id, business = self.employee_id, BUSINESSES[labels.index(choice)]
            self.write(lambda r: r.applications.open_application(employee_id, business))

    def change_status(self, status: str | None = None, note: str | None = None) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.employee_id is None:
            return
        apps = (
            self.case.applications
            if self.case is not None
            else self.desk.applications.applications(self.employee_id)
        )
        if not apps:
            return
        app = apps[0]  # the newest business
        if status is None:
            labels = [application_status_label(c) for c in APPLICATION_STATUSES]
            choice, ok = QInputDialog.getItem(
                self, self.tr("更新状态"), self.tr("新状态："), labels, 0, False
            )
            if not ok:
                return
            status = APPLICATION_STATUSES[labels.index(choice)]
            if status in ("returned", "rejected"):
                note, ok = QInputDialog.getMultiLineText(self, self.tr("更新状态"), self.tr("退回意见："))
                if not ok:
                    return
        app_id, note, employee_id = app.id, note or "", self.employee_id
        version = app.version or None  # the status shown: another desk's change since is refused
        if self.run_op is None or self.push_undo is None:
            self.write(
                lambda r: r.applications.set_application_status(
                    app_id, status, note=note, expected_version=version
                )
            )
            return
        from ...employees.undo import set_status_with_snapshot, undo_status

        label = self.tr("状态改为“{status}”").format(status=application_status_label(status))

        def changed(snapshot: Any) -> None:
            self.push_undo(label, lambda r: [undo_status(r, snapshot)])

        self.run_op(
            lambda r: set_status_with_snapshot(r, employee_id, app_id, status, note, version),
            [employee_id],
            changed,
        )

    push_undo: Any = None  # the window's undo stack (set by EmployeeDetail)

    def rows(self, employee_id: int) -> list[tuple[str, ...]]:
        return [
            (
                business_label(app.business),
                application_status_label(event.status),
                event.on.isoformat(),
                event.note,
            )
            for app in self.desk.applications.applications(employee_id)
            for event in self.desk.applications.application_events(app.id)
        ]

    def case_rows(self, case: Any) -> list[tuple[str, ...]]:
        return [
            (
                business_label(app.business),
                application_status_label(event.status),
                event.on.isoformat(),
                event.note,
            )
            for app in case.applications
            for event in app.events
        ]


class ChildrenPanel(_RecordTable):
    """随往子女: add or remove a child; saved through the same profile update as the profile tab."""

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(desk, 4, parent)
        self._children: list[Any] = []  # StoredChild per table row: what a removal names
        self.add_child_button = self.add_button(self.add_child)
        self.remove_child_button = self.add_button(self.remove_child)
        self.buttons.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "add_child_button"):
            self.add_child_button.setText(self.tr("添加子女…"))
            self.remove_child_button.setText(self.tr("删除所选子女"))

    def add_child(self, name: str | None = None, birth: date | None = None, accompany: bool = True) -> None:
        from PySide6.QtWidgets import QInputDialog

        from ...rules.profile import Child

        if self.employee_id is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("添加子女"), self.tr("姓名："))
            if not ok or not name.strip():
                return
            text, ok = QInputDialog.getText(self, self.tr("添加子女"), self.tr("出生日期（YYYY-MM-DD）："))
            if not ok:
                return
            try:
                birth = date.fromisoformat(text.strip())
            except ValueError:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, self.tr("添加子女"), self.tr("日期格式应为 2026-01-31"))
                return
        employee_id, name = self.employee_id, name.strip()

        def add(r: Any) -> None:
            married = r.employees.profile(employee_id).employee.marital_status == "married"
            parents = "married" if married else "unmarried"
            r.employees.add_child(employee_id, Child(name, birth, "other-province", accompany, parents))

        self.write(add)

    def remove_child(self) -> None:
        """The selected child, named by id and the version shown: a table another desk changed since
        removes nothing it did not show (refused with a word, and the table reloads)."""
        row = self.table.currentRow()
        if self.employee_id is None or row < 0 or row >= len(self._children):
            return
        employee_id, child = self.employee_id, self._children[row]
        self.write(lambda r: r.employees.remove_child(employee_id, child.id, child.version))

    def headers(self) -> list[str]:
        return [self.tr("姓名"), self.tr("出生日期"), self.tr("随往"), self.tr("父母")]

    def rows(self, employee_id: int) -> list[tuple[str, ...]]:
        self._children = self.desk.employees.children(employee_id)
        return self._child_rows([c.child for c in self._children])

    def case_rows(self, case: Any) -> list[tuple[str, ...]]:
        self._children = list(case.children)
        return self._child_rows([c.child for c in self._children])

    def _child_rows(self, children: Any) -> list[tuple[str, ...]]:
        parents = {
            "married": self.tr("已婚"),
            "unmarried": self.tr("未婚生育"),
            "divorced-custody": self.tr("离异抚养"),
        }
        return [
            (
                c.name,
                c.birth_date.isoformat() if c.birth_date else "",
                self.tr("是") if c.accompany else self.tr("否"),
                parents[c.parents],
            )
            for c in children
        ]


class EmployeeDetail(QTabWidget):
    """Tabs for one employee; `saved` re-emits the profile form's save so the list refreshes."""

    saved = Signal(int)
    openEmployee = Signal(int)  # noqa: N815  (the existing record of a duplicate ID number)

    def __init__(self, desk: Any, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.profile = ProfileForm(desk)
        self.eligibility = EligibilityPanel(desk)
        self.materials = MaterialsPanel(desk, data_dir)
        self.applications = ApplicationsPanel(desk)
        self.children = ChildrenPanel(desk)
        # The materials panel needs about 1,000 pixels; on a laptop it scrolls sideways inside its tab
        # rather than pushing the whole window past the screen's edge.
        self._wrappers: dict[QWidget, QWidget] = {}
        for w in (self.profile, self.eligibility, self.materials, self.applications, self.children):
            self.addTab(self._wrap(w) if w is self.materials else w, "")
        self.profile.saved.connect(self._saved)
        self.eligibility.businessChanged.connect(self._business_changed)
        self.materials.countsChanged.connect(lambda text: self.setTabText(2, text))
        self.materials.changed.connect(self._materials_changed)
        self.children.changed.connect(self._materials_changed)
        self.applications.changed.connect(self._materials_changed)
        self.employee_id: int | None = None
        self.case: Any = None
        self.retranslate()

    def _wrap(self, page: QWidget) -> QWidget:
        from PySide6.QtWidgets import QScrollArea

        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        self._wrappers[page] = area
        return area

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802  (a page, wrapped or not)
        super().setCurrentWidget(self._wrappers.get(widget, widget))

    def currentWidget(self) -> QWidget:  # noqa: N802
        shown = super().currentWidget()
        return next((page for page, area in self._wrappers.items() if area is shown), shown)

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        return super().indexOf(self._wrappers.get(widget, widget))

    def retranslate(self) -> None:
        for i, text in enumerate(
            (self.tr("档案"), self.tr("资格检查"), self.tr("材料"), self.tr("业务记录"), self.tr("随往子女"))
        ):
            if i != 2 or self.employee_id is None:
                self.setTabText(i, text)
        self.profile.retranslate()
        self.eligibility.retranslate()
        self.materials.retranslate()
        self.applications.retranslate()
        self.children.retranslate()

    request_case: Any = None  # the window's case builder (set by MainWindow)

    def set_desk(self, desk: Any) -> None:
        self.desk = desk
        for panel in (self.profile, self.eligibility, self.materials, self.applications, self.children):
            panel.desk = desk

    def set_run_op(self, run_op: Any) -> None:
        self.run_op = run_op
        # In the window the form's 保存 goes through the writer thread too (and says why it cannot save).
        self.profile.save_button.clicked.disconnect()
        self.profile.save_button.clicked.connect(
            lambda: self.save_profile(lambda _id: None, self.show_save_error)
        )
        self.applications.run_op = run_op
        self.children.run_op = run_op
        self.applications.push_undo = getattr(self, "push_undo", None)

    run_op: Any = None

    def save_profile(self, done: Any, failed: Any) -> None:
        """Save the profile form on the writer (the guard's 保存); `done(employee_id)` once written.
        Invalid input is refused before anything is written, and the form keeps the edits."""
        form = self.profile
        if not form.validate():
            failed(self.tr("档案中有错误（见红字），请改正后再保存。"))
            return
        profile, employer_id, employee_id = form.to_profile(), form.employer.currentData(), form.employee_id

        from ...employees.profile_merge import StaleVersion
        from ...employees.service import DuplicateIdNumber

        version, base = form._version, form._base

        def write(r: Any) -> Any:
            try:
                if employee_id is None:
                    profile.materials = []
                    new_id = r.employees.add_profile(profile)
                    return [new_id, r.employees.update_profile(new_id, profile, employer_id=employer_id)]
                saved = r.employees.update_profile(
                    employee_id, profile, employer_id=employer_id, expected_version=version, base=base
                )
                return [employee_id, saved]
            except (DuplicateIdNumber, StaleVersion) as exc:
                return exc  # not errors: the user decides (open the other record; merge / overwrite / reload)

        def written(ids: Any) -> None:
            if isinstance(ids, DuplicateIdNumber):
                self.duplicate_found(ids)
                return
            if isinstance(ids, StaleVersion):
                # Another desk saved meanwhile: the form's own save asks merge / overwrite / reload.
                saved_id = form.save()
                if saved_id is not None:
                    done(saved_id)
                return
            form.employee_id = ids[0]
            form.saved_as(profile, ids[1])  # a second save of this edit is not another desk's change
            form.saved.emit(ids[0])  # marks the form clean; the window says 已保存 and adds a new row
            done(ids[0])

        self.run_op(write, None, written, failed)

    def duplicate_found(self, exc: Any) -> None:
        """Refused: the ID number is someone else's. Offer that record; the edits stay unless it is opened."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("身份证号重复"),
            self.tr("身份证号 {id} 已属于员工 {name}。同一人只能有一条记录，未保存。").format(
                id=self.profile.id_number.text().strip(), name=exc.name
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        open_button = box.addButton(
            self.tr("打开 {name} 的记录").format(name=exc.name), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
        self.last_duplicate = box
        box.exec()
        if box.clickedButton() is open_button:
            self.profile.discard()
            self.openEmployee.emit(exc.existing_id)

    def show_save_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("未能保存"), message)

    def mark_modified(self, modified: bool) -> None:
        """The profile tab says when it holds edits not yet saved."""
        self.setTabText(0, self.tr("档案") + (" ●" if modified else ""))

    def show_loading(self, employee_id: int, name: str) -> None:
        """The employee was chosen; their case is being built on a worker."""
        self.employee_id = employee_id
        self.setEnabled(False)

    def set_case(self, case: Any) -> None:
        """Render one employee's case; the panels only draw what it holds."""
        same = self.profile.employee_id == case.employee_id  # the form shows this person already
        self.employee_id = case.employee_id
        self.case = case
        if not (same and self.profile.is_modified()):  # a refreshed case never overwrites edits
            self.profile.load_case(case)
        self.eligibility.set_case(case)
        self.materials.set_case(case)
        self.applications.set_case(case)
        self.children.set_case(case)
        self.setEnabled(True)

    def set_employee(self, employee_id: int | None, business: str = "new") -> None:
        """Load without a case (tests and stand-alone use); the window uses `set_case`."""
        if employee_id is not None and self.request_case is not None:
            self.request_case(employee_id, business)
            return
        self.employee_id = employee_id
        self.profile.load(employee_id)
        self.eligibility.set_employee(employee_id)
        self.eligibility.set_business(business)
        self.materials.set_employee(employee_id, business)
        self.applications.set_employee(employee_id)
        self.children.set_employee(employee_id)

    def new_employee(self, employer_id: int | None = None) -> None:
        self.employee_id = None
        self.case = None
        self.setEnabled(True)
        self.setCurrentIndex(0)
        self.profile.new(employer_id)
        self.eligibility.set_employee(None)
        self.materials.set_employee(None)
        self.applications.set_employee(None)
        self.children.set_employee(None)

    def _business_changed(self, business: str) -> None:
        if self.employee_id is not None and self.request_case is not None:
            self.request_case(self.employee_id, business)

    def _saved(self, employee_id: int) -> None:
        self.employee_id = employee_id
        self.saved.emit(employee_id)  # the window updates the row and rebuilds the case

    def _materials_changed(self) -> None:
        if self.employee_id is not None:
            self.saved.emit(self.employee_id)
